{#- greatest() and least() of two or more values, ignoring NULL ones (NULL only when
    all are): DuckDB ignores NULL arguments, Snowflake returns NULL when any is, so the
    project says which it means. Each value stands in for itself, or when NULL for the
    first non-NULL of the others. -#}
{% macro greatest_ignoring_nulls(left, right) -%}
    greatest({{ each_or_another_value([left, right] + varargs | list) }})
{%- endmacro %}

{% macro least_ignoring_nulls(left, right) -%}
    least({{ each_or_another_value([left, right] + varargs | list) }})
{%- endmacro %}

{#- coalesce(value, the other values...) for each of `values`, comma-separated -#}
{% macro each_or_another_value(values) -%}
    {%- for value in values -%}
        coalesce({{ value }}, {{ (values[loop.index0 + 1:] + values[:loop.index0]) | join(', ') }})
        {%- if not loop.last %}, {% endif %}
    {%- endfor -%}
{%- endmacro %}
