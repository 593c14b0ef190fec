{#-
    The first load day an incremental run of an event model reprocesses: `lookback_days`
    days before the latest `date_column` the model already holds, as a date literal
    read when the model is compiled for the run (day_as_literal). A literal rather than
    a subquery, so that the database skips what it does not need while it scans
    (DuckDB's zone maps, Snowflake's partition pruning), which it cannot do with a value
    known only once the query runs. A model holding no day yet reprocesses everything.
    Load days after the run's own day (a loader's clock set years ahead) do not count
    as the latest: one such row would otherwise make every later run skip the rows
    loaded since.
-#}
{% macro reprocess_from(date_column, lookback_days) %}
    {%- set first_day = dbt.dateadd('day', -lookback_days, 'max(' ~ date_column ~ ')') -%}
    {{- return(day_as_literal(
        'coalesce((select cast(' ~ first_day ~ ' as date) from ' ~ this
        ~ ' where ' ~ date_column ~ " <= cast('" ~ run_started_at.strftime('%Y-%m-%d')
        ~ "' as date)), cast('1970-01-01' as date))"
    )) -}}
{% endmacro %}
