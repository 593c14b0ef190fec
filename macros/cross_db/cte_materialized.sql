{#- Placed between `name as` and `(` of a CTE that later CTEs read more than once:
    DuckDB then computes it once; Snowflake already computes a referenced-twice CTE
    once (WithClause), and does not accept the keyword. -#}
{% macro cte_materialized() -%}
    {{ return(adapter.dispatch('cte_materialized', 'customer_lifecycle')()) }}
{%- endmacro %}

{% macro default__cte_materialized() -%}{%- endmacro %}

{% macro duckdb__cte_materialized() -%}materialized{%- endmacro %}
