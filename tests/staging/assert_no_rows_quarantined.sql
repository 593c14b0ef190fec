{#- Warns with one row per raw table and reason when staging quarantined raw rows, so a
    build says so (the rows themselves are in stg_quarantined_rows, to fix at the
    source). Nothing is lost: the reconciles_with_source tests count them. -#}
{{ config(severity='warn') }}

select
    quarantined.source_name,
    quarantined.source_table,
    quarantined.quarantine_reason,
    count(*) as quarantined_rows
from {{ ref('stg_quarantined_rows') }} as quarantined
group by quarantined.source_name, quarantined.source_table, quarantined.quarantine_reason
