{#-
    An ordered, time-windowed funnel per account: each step counts only when it happens
    no earlier than the previous step (the same second counts: a signup and the project
    it creates are often logged together; a step repeating the previous step's event
    needs a later occurrence), and within funnel_window_days of the first step. (Counting
    each step independently, as the public packages do, credits an invite sent before
    the signup, or a project made a year later.) Steps are the `funnel_steps` var.
-#}
{%- set steps = var('funnel_steps') -%}
{%- set window_days = var('funnel_window_days') %}
{#- the first occurrence not before the previous step (after it, for the same event)
    known from the daily counts: the day's first one, else (the day also had earlier
    ones) its last one. Within a day only the first and last occurrence are known, so a
    step reached mid-day counts from the day's last occurrence: a later step done
    between the two that day is missed (the funnel can undercount, never overcount) -#}

with events as (
    -- events are counted per day: first and last occurrence of each event that day
    select
        account_id,
        event_name,
        first_occurred_at,
        last_occurred_at
    from {{ ref('int_events_attributed') }}
    where account_id is not null and event_date <= {{ as_of_date() }}
),

step_1 as (
    select
        account_id,
        min(first_occurred_at) as reached_at,
        min(first_occurred_at) as started_at
    from events
    where event_name = '{{ steps[0] }}'
    group by account_id
),
{% for step in steps[1:] %}
{%- set number = loop.index + 1 %}
{%- set not_before = '>' if step == steps[loop.index - 1] else '>=' %}
{%- set not_after = not_before | replace('>', '<') %}
{%- set reached_after_previous = "case when events.first_occurred_at " ~ not_before
    ~ " previous.reached_at then events.first_occurred_at else events.last_occurred_at end" %}
step_{{ number }} as (
    select
        previous.account_id,
        min({{ reached_after_previous }}) as reached_at,
        min(previous.started_at) as started_at
    from step_{{ number - 1 }} as previous
    inner join events
        on previous.account_id = events.account_id
        and events.event_name = '{{ step }}'
        and previous.reached_at {{ not_after }} events.last_occurred_at
        and {{ reached_after_previous }}
        <= {{ dbt.dateadd('day', window_days, 'previous.started_at') }}
    group by previous.account_id
),
{% endfor %}

reached as (
    {%- for step in steps %}
    select
        {{ loop.index }} as step_number,
        '{{ step }}' as step_name,
        count(*) as accounts_reached
    from step_{{ loop.index }}
    {% if not loop.last %}union all{% endif %}
    {%- endfor %}
),

final as (
    select
        step_number,
        step_name,
        accounts_reached,
        round(
            1.0 * accounts_reached
            / nullif(lag(accounts_reached) over (order by step_number), 0), 4
        ) as conversion_from_previous,
        round(
            1.0 * accounts_reached
            / nullif(first_value(accounts_reached) over (order by step_number), 0), 4
        ) as conversion_from_first
    from reached
)

select * from final
order by step_number
