{#- greatest() and least() of two values, ignoring a NULL one (NULL only when both
    are): DuckDB ignores NULL arguments, Snowflake returns NULL when any is, so the
    project says which it means. -#}
{% macro greatest_ignoring_nulls(left, right) -%}
    greatest(coalesce({{ left }}, {{ right }}), coalesce({{ right }}, {{ left }}))
{%- endmacro %}

{% macro least_ignoring_nulls(left, right) -%}
    least(coalesce({{ left }}, {{ right }}), coalesce({{ right }}, {{ left }}))
{%- endmacro %}
