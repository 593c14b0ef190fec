{#-
    Signup and activation per `entity_column` (account_id or person_id) from
    int_events_attributed up to the as_of_date: signup is the first is_signup event
    (for an account, or the start of its first Stripe trial, when that is earlier),
    or its first activation event (for an account, core event too) when that came
    earlier still (the product was in use: a signup stamped seconds after the first
    project, an account whose first Signed Up is a colleague joining months later); an
    account with neither a signup event nor a trial, whose tracking began after its
    workspace was created, signed up by its first product event. signup_event_at is
    the first signup event alone (someone signed up in the product: a contact the
    product can reach), last_signup_event_at the latest (a colleague signing up again
    restarts the walk-away clocks). Activation is reached
    when every is_activation event of event_taxonomy has happened at or after signup,
    at the time of the last of them. days_to_activate counts calendar days from the
    signup day (0 = same day); within the window means days_to_activate <=
    activation_window_days.
-#}
{% macro activation_milestones(entity_column) %}
with events as (
    select * from {{ ref('int_events_attributed') }}
    where
        {{ entity_column }} is not null
        and first_occurred_at < {{ dbt.dateadd('day', 1, as_of_date()) }}
),

activation_steps as (
    select count(*) as step_count
    from {{ ref('event_taxonomy') }}
    where is_activation
),

signup_events as (
    select
        {{ entity_column }},
        min(signed_up_at) as signed_up_at,
        min(case when is_signup_event then signed_up_at end) as signup_event_at,
        max(case when is_signup_event then signed_up_at end) as last_signup_event_at
    from (
        select
            {{ entity_column }},
            first_occurred_at as signed_up_at,
            true as is_signup_event
        from events
        where is_signup
        {%- if entity_column == 'account_id' %}
        union all
        select
            account_id,
            trial_started_at as signed_up_at,
            false as is_signup_event
        from {{ ref('int_account_subscription_periods') }}
        where
            trial_started_at is not null
            and trial_started_at < {{ dbt.dateadd('day', 1, as_of_date()) }}
        {%- endif %}
    ) as signup_events
    group by {{ entity_column }}
),

{#- an activation step done before the signup event (a signup stamped seconds after
    the first project), or for an account core work too (a colleague who signed up
    months after the workspace was in use): the product was in use, so signup was no
    later than that. An account's first product event of any kind is read in the same
    pass: it is the signup of an account with no signup event and no trial. -#}
{%- set is_account = entity_column == 'account_id' %}
first_product_steps as (
    select
        {{ entity_column }},
        {%- if is_account %}
        min(case when is_core or is_activation then first_occurred_at end) as first_step_at,
        min(first_occurred_at) as first_event_at
        {%- else %}
        min(first_occurred_at) as first_step_at
        {%- endif %}
    from events
    {%- if not is_account %}
    where is_activation
    {%- endif %}
    group by {{ entity_column }}
),

signups as (
    select
        signup_events.{{ entity_column }},
        {{ least_ignoring_nulls(
            'signup_events.signed_up_at', 'first_product_steps.first_step_at'
        ) }} as signed_up_at,
        signup_events.signup_event_at,
        signup_events.last_signup_event_at
    from signup_events
    left join first_product_steps
        on signup_events.{{ entity_column }} = first_product_steps.{{ entity_column }}
    {%- if is_account %}
    union all
    {#- no signup event and no trial: the account's first product event #}
    select
        first_product_steps.account_id,
        first_product_steps.first_event_at as signed_up_at,
        cast(null as {{ dbt.type_timestamp() }}) as signup_event_at,
        cast(null as {{ dbt.type_timestamp() }}) as last_signup_event_at
    from first_product_steps
    left join signup_events
        on first_product_steps.account_id = signup_events.account_id
    where signup_events.account_id is null
    {%- endif %}
),

first_steps as (
    -- events are counted per day: a day whose last occurrence is after signup has one
    -- after signup, at its first occurrence if that is after signup too
    select
        events.{{ entity_column }},
        events.event_name,
        min(
            case
                when events.first_occurred_at >= signups.signed_up_at then events.first_occurred_at
                else events.last_occurred_at
            end
        ) as first_done_at
    from events
    inner join signups
        on events.{{ entity_column }} = signups.{{ entity_column }}
    where events.is_activation and events.last_occurred_at >= signups.signed_up_at
    group by events.{{ entity_column }}, events.event_name
),

activations as (
    select
        first_steps.{{ entity_column }},
        count(*) as steps_done,
        max(first_steps.first_done_at) as last_step_at
    from first_steps
    group by first_steps.{{ entity_column }}
),

final as (
    select
        signups.{{ entity_column }},
        signups.signed_up_at,
        signups.signup_event_at,
        signups.last_signup_event_at,
        case
            when activations.steps_done = activation_steps.step_count
                then activations.last_step_at
        end as activated_at,
        coalesce(activations.steps_done, 0) as activation_steps_done,
        activation_steps.step_count as activation_steps_required
    from signups
    cross join activation_steps
    left join activations
        on signups.{{ entity_column }} = activations.{{ entity_column }}
)

select
    *,
    {{ dbt.datediff('cast(signed_up_at as date)', 'cast(activated_at as date)', 'day') }}
        as days_to_activate,
    coalesce(
        {{ dbt.datediff('cast(signed_up_at as date)', 'cast(activated_at as date)', 'day') }}
        <= {{ var('activation_window_days') }},
        false
    ) as is_activated_within_window
from final
{% endmacro %}
