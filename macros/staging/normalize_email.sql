{% macro normalize_email(column) -%}
    nullif(lower({{ trim_whitespace(column) }}), '')
{%- endmacro %}
