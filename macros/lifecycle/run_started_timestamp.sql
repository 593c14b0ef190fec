{#- When this dbt invocation started, UTC, as a SQL timestamp: the stamp incremental
    models write on the rows a run changes, so the next model can pick out what is new. -#}
{% macro run_started_timestamp() -%}
    cast('{{ run_started_at.strftime("%Y-%m-%d %H:%M:%S.%f") }}' as {{ dbt.type_timestamp() }})
{%- endmacro %}
