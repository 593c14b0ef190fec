{#- The host of a website or URL as an email-style domain: lowercase, without scheme,
    `www.`, port or path; null when nothing is left. -#}
{% macro website_domain(column) -%}
    nullif(
        regexp_replace(
            regexp_replace(lower(trim({{ column }})), '^([a-z]+://)?(www[.])?', ''),
            '[/:?#].*$', ''
        ),
        ''
    )
{%- endmacro %}
