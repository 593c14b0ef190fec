{#- A select of one row per day from `start_date` to `end_date` (SQL date expressions,
    inclusive), as `spine_date`; up to 10,000 days, in plain SQL on every warehouse. -#}
{% macro day_spine(start_date, end_date) %}
    {%- set digits -%}
        (
            select 0 as digit union all select 1 union all select 2 union all select 3
            union all select 4 union all select 5 union all select 6 union all select 7
            union all select 8 union all select 9
        )
    {%- endset %}
    select cast({{ dbt.dateadd('day', 'offsets.day_offset', start_date) }} as date) as spine_date
    from (
        select thousands.digit * 1000 + hundreds.digit * 100 + tens.digit * 10 + ones.digit
            as day_offset
        from {{ digits }} as thousands
        cross join {{ digits }} as hundreds
        cross join {{ digits }} as tens
        cross join {{ digits }} as ones
    ) as offsets
    where {{ dbt.dateadd('day', 'offsets.day_offset', start_date) }} <= {{ end_date }}
{% endmacro %}
