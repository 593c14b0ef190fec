{#-
    Daily product event counts with the person and account they belong to and what the
    event means, looked up in int_event_attribution_keys. The person is the user's,
    else the device's; the account is the event's workspace when it has one, otherwise
    the account of that person, and none for the vendor's own staff.
    One row per int_product_events_daily row; the user, device, workspace and message
    ids stay there (nothing downstream reads them here, and at ten million rows
    writing them again doubled this model's time).
    Incremental by event day, replacing days whole: a run re-attributes the days whose
    counts changed (their row count, event total or latest load day differ from the
    stored ones, which also catches erasures) and the days holding a key that changed
    since the last run (a new identity link re-attributes old events too), so the rows
    always equal a full rebuild. The post-hook deletes days no longer counted at all.
-#}
{{
    config(
        materialized='incremental',
        incremental_strategy='delete+insert',
        unique_key='event_date',
        on_schema_change='fail',
        post_hook="delete from {{ this }} where event_date not in (
            select daily.event_date from {{ ref('int_product_events_daily') }} as daily)",
    )
}}

with daily_events as {{ cte_not_materialized() }} (
    select * from {{ ref('int_product_events_daily') }}
),

attribution_keys as {{ cte_not_materialized() }} (
    select * from {{ ref('int_event_attribution_keys') }}
),

{% if is_incremental() %}
{#- daily_events is read three times (fingerprints, changed keys, the chosen days'
    events); each day's fingerprint is taken as counted now and as attributed last -#}
{%- for fingerprint, relation in [('counted_days', 'daily_events'), ('attributed_days', this)] %}
{{ fingerprint }} as (
    select
        event_date,
        count(*) as row_count,
        sum(event_count) as event_count,
        max(last_loaded_date) as last_loaded_date
    from {{ relation }}
    group by event_date
),
{% endfor %}
recounted_days as (
    select counted_days.event_date
    from counted_days
    left join attributed_days
        on counted_days.event_date = attributed_days.event_date
    where attributed_days.event_date is null
        or counted_days.row_count != attributed_days.row_count
        or counted_days.event_count != attributed_days.event_count
        or counted_days.last_loaded_date is distinct from attributed_days.last_loaded_date
),

changed_keys as (
    select
        key_type,
        key_value
    from attribution_keys
    where changed_at > (select max(attributed_at) from {{ this }})
),

rekeyed_days as (
    {%- for key_type, column in [('user_id', 'user_id'), ('anonymous_id', 'anonymous_id'),
                                 ('workspace', 'workspace_id'), ('event_name', 'event_name')] %}
    select daily_events.event_date
    from daily_events
    inner join changed_keys
        on daily_events.{{ column }} = changed_keys.key_value
        and changed_keys.key_type = '{{ key_type }}'
    {%- if not loop.last %}

    union
    {%- endif %}
    {%- endfor %}
),

days_to_attribute as (
    select event_date from recounted_days
    union
    select event_date from rekeyed_days
),

events_to_attribute as (
    select daily_events.*
    from daily_events
    inner join days_to_attribute
        on daily_events.event_date = days_to_attribute.event_date
),
{%- else %}
events_to_attribute as (
    select * from daily_events
),
{%- endif %}

user_keys as (
    select * from attribution_keys
    where key_type = 'user_id'
),

device_keys as (
    select * from attribution_keys
    where key_type = 'anonymous_id'
),

workspace_keys as (
    select * from attribution_keys
    where key_type = 'workspace'
),

event_name_keys as (
    select * from attribution_keys
    where key_type = 'event_name'
),

final as (
    select
        coalesce(user_keys.person_id, device_keys.person_id) as person_id,
        events_to_attribute.event_name,
        events_to_attribute.event_count,
        events_to_attribute.event_date,
        events_to_attribute.first_occurred_at,
        events_to_attribute.last_occurred_at,
        {#- the vendor's staff (internal persons) work in customers' workspaces too:
            what they do there is no customer's activity #}
        case
            when user_keys.person_id is not null and user_keys.is_internal_person then null
            when user_keys.person_id is null and device_keys.is_internal_person then null
            else coalesce(
                workspace_keys.account_id,
                case
                    when user_keys.person_id is not null then user_keys.account_id
                    else device_keys.account_id
                end
            )
        end as account_id,
        coalesce(event_name_keys.is_core, false) as is_core,
        coalesce(event_name_keys.is_activation, false) as is_activation,
        coalesce(event_name_keys.is_gated_feature, false) as is_gated_feature,
        coalesce(event_name_keys.is_hand_raise, false) as is_hand_raise,
        coalesce(event_name_keys.is_signup, false) as is_signup,
        events_to_attribute.last_loaded_date,
        {{ run_started_timestamp() }} as attributed_at
    from events_to_attribute
    left join user_keys
        on events_to_attribute.user_id = user_keys.key_value
    left join device_keys
        on events_to_attribute.anonymous_id = device_keys.key_value
    left join workspace_keys
        on events_to_attribute.workspace_id = workspace_keys.key_value
    left join event_name_keys
        on events_to_attribute.event_name = event_name_keys.key_value
)

select * from final
