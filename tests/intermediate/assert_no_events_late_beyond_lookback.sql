{#- Warns with the number of events in the latest loads (those an incremental run
    re-reads) that arrived too late for the daily history's incremental window (see
    int_late_arriving_events). -#}
{{ config(severity='warn') }}

select late_events.*
from {{ ref('int_late_arriving_events') }} as late_events
where late_events.is_in_latest_loads
