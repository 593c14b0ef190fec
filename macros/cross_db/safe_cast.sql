{#- dbt-duckdb falls back to dbt-core's default safe_cast, a plain cast that fails the
    whole query on one bad value; DuckDB has try_cast, which returns null instead. -#}
{% macro duckdb__safe_cast(field, type) -%}
    try_cast({{ field }} as {{ type }})
{%- endmacro %}
