{#- The earliest of a group's dates, or NULL ("always") when any of its records is
    undated: a record with no date counts from the first day. An aggregate. -#}
{% macro earliest_unless_undated(column) -%}
    case when count(*) = count({{ column }}) then min({{ column }}) end
{%- endmacro %}
