{#-
    Every combination of workspace, user id and device id seen together on product
    events, once, with the first event that showed it: what identity resolution needs
    of the event stream (when each identifier was first seen, which user ids a device
    logged in as, and the evidence), a few hundred thousand rows instead of the ten
    million daily counts the three identity models would otherwise each group again.

    Incremental: int_product_events_daily replaces whole days and stamps them with the
    run that counted them (counted_at). A combination first seen before the earliest
    day counted since this model's latest run (computed_at) keeps its row: no day
    before that one changed, and no later day can show it earlier. A run groups the
    counts from that day on for every other combination, and its post-hook deletes the
    rows those replace (first seen on or after that day, written by an earlier run).
    After an erasure that reached the scope since the latest run
    (stg_privacy__erasure_scope_entries), which deletes counts of any day, the run
    groups every day again.
-#}
-- depends_on: {{ ref('stg_privacy__erasure_scope_entries') }}
{{
    config(
        materialized='incremental',
        incremental_strategy='append',
        on_schema_change='fail',
        post_hook="delete from {{ this }}
            where computed_at < {{ run_started_timestamp() }}
                and cast(first_occurred_at as date) >= {{ first_day_to_recompute(
                    ref('int_product_events_daily'), 'event_date', 'counted_at',
                    last_run_stamp(this)) }}",
    )
}}

{%- do require_built_column('computed_at') %}
{%- if is_incremental() %}
{#- read before the run, so that the scan of the daily counts skips the days before it -#}
{%- set from_date = day_as_literal(first_day_to_recompute(
    ref('int_product_events_daily'), 'event_date', 'counted_at', last_run_stamp(this)
)) %}
{%- endif %}
with daily_events as (
    select * from {{ ref('int_product_events_daily') }}
),

{%- if is_incremental() %}

{#- combinations first seen before the first day grouped again: their rows stay -#}
kept as (
    select
        workspace_id,
        user_id,
        anonymous_id,
        true as is_kept
    from {{ this }}
    where cast(first_occurred_at as date) < {{ from_date }}
),

daily_events_to_group as (
    select daily_events.*
    from daily_events
    left join kept
        on daily_events.workspace_id is not distinct from kept.workspace_id
        and daily_events.user_id is not distinct from kept.user_id
        and daily_events.anonymous_id is not distinct from kept.anonymous_id
    where
        daily_events.event_date >= {{ from_date }}
        and kept.is_kept is null
),
{%- else %}

daily_events_to_group as (
    select * from daily_events
),
{%- endif %}

final as (
    select
        workspace_id,
        user_id,
        anonymous_id,
        min(first_occurred_at) as first_occurred_at,
        min_by(first_message_id, first_occurred_at) as first_message_id,
        {{ run_started_timestamp() }} as computed_at
    from daily_events_to_group
    group by workspace_id, user_id, anonymous_id
)

select * from final
