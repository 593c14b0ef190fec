{#-
    The value of a SQL date expression, read just before the model runs and written
    into its SQL as a date literal (reprocess_from reads its load day this way): a
    filter on a literal lets the scan skip what it need not read (DuckDB's zone maps,
    Snowflake's pruning), a filter on a subquery's value does not. A null stays null.
    A unit test, whose given rows exist only inside its own query, gets the expression
    itself.
-#}
{% macro day_as_literal(day_expression) %}
    {%- if execute and this is not string -%}
        {%- set value = run_query(
            'select cast(' ~ day_expression ~ ' as date)'
        ).columns[0].values()[0] -%}
        {{- return("cast('" ~ value ~ "' as date)" if value is not none
            else 'cast(null as date)') -}}
    {%- endif -%}
    {{- return(day_expression) -}}
{% endmacro %}
