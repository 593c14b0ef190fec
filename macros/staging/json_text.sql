{#- One top-level key of a JSON object stored as text, as text; null when the
    document is not valid JSON or has no such key. -#}
{% macro json_text(column, key) -%}
    {{ return(adapter.dispatch('json_text', 'customer_lifecycle')(column, key)) }}
{%- endmacro %}

{% macro default__json_text(column, key) -%}
    case when json_valid({{ column }}) then json_extract_string({{ column }}, '$.{{ key }}') end
{%- endmacro %}

{% macro snowflake__json_text(column, key) -%}
    try_parse_json(to_varchar({{ column }})):"{{ key }}"::varchar
{%- endmacro %}
