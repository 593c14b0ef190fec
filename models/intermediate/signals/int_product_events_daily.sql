{#-
    Product events counted per day, workspace, user, device and event name: the
    high-volume event path, small enough to attribute and aggregate on every run.
    Incremental by event day and workspace: a run recounts every (day, workspace) that
    the loads of the last event_lookback_days days touched (late events included,
    however old; events without a workspace are a group of their own), appends the
    counts stamped with the run (counted_at), and its post-hooks delete the counts
    those replace and the counts of people who have since asked for erasure. The counts
    always equal a full rebuild. A late event recounts its own workspace's day, not
    every workspace's, and the scan skips the events before the earliest day the loads
    touched (read before the run).
-#}
{{
    config(
        materialized='incremental',
        incremental_strategy='append',
        on_schema_change='fail',
        post_hook=[
            "{{ delete_replaced_rows(['event_date', 'workspace_id'], 'counted_at') }}",
            "{{ delete_erased_rows([('anonymous_id', 'anonymous_id'), ('user_id', 'user_id')]) }}",
        ],
    )
}}

{%- if is_incremental() %}
{%- set reprocess_day = reprocess_from('last_loaded_date', number_var('event_lookback_days')) %}
{%- set loads_read_again_sql %}
    {#- each filter alone, so that the scan skips the older load days #}
    select
        occurred_at,
        workspace_id
    from {{ ref('stg_segment__tracks') }}
    where loaded_date >= {{ reprocess_day }}
    union all
    select
        occurred_at,
        workspace_id
    from {{ ref('stg_segment__tracks') }}
    where loaded_date = cast('1970-01-01' as date)
{%- endset %}
{#- the earliest day those loads touched, read before the run, so that the scan of
    the events to recount skips the older ones #}
{%- set first_touched_day = day_as_literal(
    '(select min(cast(occurred_at as date)) from (' ~ loads_read_again_sql ~ ') as loads)'
) %}
{%- endif %}

with tracks as (
    select * from {{ ref('stg_segment__tracks') }}
),
{%- if is_incremental() %}

loads_read_again as (
    {{ loads_read_again_sql }}
),

touched_groups as (
    select distinct
        cast(occurred_at as date) as event_date,
        workspace_id
    from loads_read_again
),
{%- endif %}

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
    {%- if is_incremental() %}
    inner join touched_groups
        on cast(tracks.occurred_at as date) = touched_groups.event_date
        and tracks.workspace_id is not distinct from touched_groups.workspace_id
    where tracks.occurred_at >= cast({{ first_touched_day }} as {{ dbt.type_timestamp() }})
    {%- endif %}
    group by
        cast(tracks.occurred_at as date),
        tracks.workspace_id,
        tracks.user_id,
        tracks.anonymous_id,
        tracks.event_name
)

select * from final
