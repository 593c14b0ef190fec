{#- Warns with the number of events in the latest loads that arrived too late for the
    daily history's incremental window (see int_late_arriving_events). -#}
{{ config(severity='warn') }}

select late_events.*
from {{ ref('int_late_arriving_events') }} as late_events
where late_events.loaded_date >= (
    select
        cast({{ dbt.dateadd('day', -number_var('event_lookback_days'), 'max(tracks.loaded_date)') }}
            as date)
    from {{ ref('stg_segment__tracks') }} as tracks
)
