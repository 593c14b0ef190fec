{#-
    Events (tracks: Segment writes every track call there, NPS answers included, as
    well as to the event's own table) loaded more than history_reprocess_days calendar
    days after the day they happened: a daily run recomputes the history_reprocess_days
    days before its as_of_date and that day (an event loaded 3 days late is recomputed,
    one loaded 4 days late is not, with the default 3), so these come too late for it.
    They are staged and counted, but the days of the daily history they belong to were
    already built and an incremental run does not recompute them: those days keep the
    old values until a full refresh of int_account_signals_daily. The warning test on
    this model reports how many came in the latest loads. (Zendesk and Stripe rows
    carry only their last sync time, which an update moves too, so their lateness
    cannot be told apart.)
-#}
{%- set days_late = dbt.datediff('event_date', 'loaded_date', 'day') %}
{%- set lookback_days = -number_var('event_lookback_days') %}
{%- set lookback_start = dbt.dateadd('day', lookback_days, 'latest_load.latest_loaded_date') %}

{#- read twice, the latest load day from one column, rather than held in memory -#}
with tracks as {{ cte_not_materialized() }} (
    select * from {{ ref('stg_segment__tracks') }}
    where loaded_date != cast('1970-01-01' as date)
),

latest_load as (
    select max(loaded_date) as latest_loaded_date
    from tracks
),

with_lateness as (
    select
        message_id,
        workspace_id,
        user_id,
        event_name,
        loaded_at,
        loaded_date,
        cast(occurred_at as date) as event_date
    from tracks
),

final as (
    select
        with_lateness.*,
        {{ days_late }} as days_late,
        with_lateness.loaded_date >= cast({{ lookback_start }} as date) as is_in_latest_loads
    from with_lateness
    cross join latest_load
)

select * from final
where days_late > {{ var('history_reprocess_days') }}
