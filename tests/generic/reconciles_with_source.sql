{#-
    Every raw row is accounted for: raw rows = staged rows + quarantined rows +
    explicitly excluded rows (soft deletes, duplicates, test mode). Attach it to a
    staging model; a staging model that filters rows silently fails it.
-#}
{% test reconciles_with_source(model, source_name, source_table) %}

with raw_rows as (
    select count(*) as row_count from {{ source(source_name, source_table) }}
),

staged_rows as (
    select count(*) as row_count from {{ model }}
),

quarantined_rows as (
    select count(*) as row_count
    from {{ ref('stg_quarantined_rows') }}
    where source_name = '{{ source_name }}' and source_table = '{{ source_table }}'
),

excluded_rows as (
    select count(*) as row_count
    from {{ ref('stg_excluded_rows') }}
    where source_name = '{{ source_name }}' and source_table = '{{ source_table }}'
),

counts as (
    select
        raw_rows.row_count as raw_row_count,
        staged_rows.row_count as staged_row_count,
        quarantined_rows.row_count as quarantined_row_count,
        excluded_rows.row_count as excluded_row_count
    from raw_rows
    cross join staged_rows
    cross join quarantined_rows
    cross join excluded_rows
)

select
    *,
    raw_row_count - staged_row_count - quarantined_row_count - excluded_row_count
        as unaccounted_row_count
from counts
where raw_row_count != staged_row_count + quarantined_row_count + excluded_row_count

{% endtest %}
