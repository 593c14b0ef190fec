{#- A list var as SQL string literals for an `in (...)` list: 'a', 'b'. An empty list
    (or anything not a list, which validate_vars reports) gives null, which matches nothing. validate_vars has already refused values with
    quotes; a quote is doubled all the same. -#}
{% macro quoted_list(values) -%}
    {%- if values is none or values is string or values is not iterable or values | length == 0 -%}
        null
    {%- else -%}
        {%- for value in values -%}
            '{{ value | string | replace("'", "''") }}'{{ ', ' if not loop.last }}
        {%- endfor -%}
    {%- endif -%}
{%- endmacro %}
