{#- Placed between `name as` and `(` of a CTE that later CTEs read more than once:
    DuckDB then computes it once; Snowflake already computes a referenced-twice CTE
    once (WithClause), and does not accept the keyword. -#}
{% macro cte_materialized() -%}
    {{ return(adapter.dispatch('cte_materialized', 'customer_lifecycle')()) }}
{%- endmacro %}

{% macro default__cte_materialized() -%}{%- endmacro %}

{% macro duckdb__cte_materialized() -%}materialized{%- endmacro %}

{#- Placed between `name as` and `(` of a large CTE read more than once that is cheaper
    to read twice than to hold: DuckDB otherwise materializes a CTE referenced twice,
    keeping every column of every row in memory; Snowflake decides for itself. -#}
{% macro cte_not_materialized() -%}
    {{ return(adapter.dispatch('cte_not_materialized', 'customer_lifecycle')()) }}
{%- endmacro %}

{% macro default__cte_not_materialized() -%}{%- endmacro %}

{% macro duckdb__cte_not_materialized() -%}not materialized{%- endmacro %}
