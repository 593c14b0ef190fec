{#-
    Product events counted per day, workspace, user, device and event name: the
    high-volume event path, small enough to attribute and aggregate on every run.
    Incremental: a run recounts every event day touched by the loads of the last
    event_lookback_days days (late events included, however old), replacing those days
    whole, so the counts always equal a full rebuild, and stamping them with the run
    (counted_at); the post-hook deletes the counts of people who have since asked for
    erasure.
-#}
{{
    config(
        materialized='incremental',
        incremental_strategy='delete+insert',
        unique_key='event_date',
        on_schema_change='fail',
        post_hook="{{ delete_erased_rows(
            [('anonymous_id', 'anonymous_id'), ('user_id', 'user_id')]) }}",
    )
}}

{%- if is_incremental() -%}
{%- set reprocess_day = reprocess_from('last_loaded_date', number_var('event_lookback_days')) -%}
{%- endif %}

{#- read twice (the days to recount, then their events) rather than held in memory -#}
with tracks as {{ cte_not_materialized() }} (
    select * from {{ ref('stg_segment__tracks') }}
),

touched_days as (
    select distinct cast(occurred_at as date) as event_date
    from tracks
    {%- if is_incremental() %}
    where loaded_date >= {{ reprocess_day }} or loaded_date = cast('1970-01-01' as date)
    {%- endif %}
),

final as (
    select
        cast(tracks.occurred_at as date) as event_date,
        tracks.workspace_id,
        tracks.user_id,
        tracks.anonymous_id,
        tracks.event_name,
        count(*) as event_count,
        min(tracks.occurred_at) as first_occurred_at,
        max(tracks.occurred_at) as last_occurred_at,
        min_by(tracks.message_id, tracks.occurred_at) as first_message_id,
        max(tracks.loaded_date) as last_loaded_date,
        {{ run_started_timestamp() }} as counted_at
    from tracks
    inner join touched_days
        on cast(tracks.occurred_at as date) = touched_days.event_date
    group by
        cast(tracks.occurred_at as date),
        tracks.workspace_id,
        tracks.user_id,
        tracks.anonymous_id,
        tracks.event_name
)

select * from final
