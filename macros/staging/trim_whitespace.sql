{#- Whitespace trimming for raw text, the same on every warehouse: spaces, tabs, line
    breaks (LF, CR, vertical tab, form feed) and no-break spaces (U+00A0, common in
    values pasted from documents) at either end. A loader's id padded with any of them
    is the same id unpadded; a value made only of them is no value. -#}
{% macro whitespace_characters() -%}
    ' ' || chr(9) || chr(10) || chr(11) || chr(12) || chr(13) || chr(160)
{%- endmacro %}

{% macro trim_whitespace(expression) -%}
    trim({{ expression }}, {{ whitespace_characters() }})
{%- endmacro %}

{#- the trimmed text, NULL when nothing is left -#}
{% macro trimmed_or_null(expression) -%}
    nullif({{ trim_whitespace(expression) }}, '')
{%- endmacro %}
