{#- The host of a website or URL as an email-style domain: lowercase, without scheme,
    `www.`, port or path; null when nothing is left. -#}
{% macro website_domain(column) -%}
    nullif(
        regexp_replace(
            regexp_replace(lower({{ trim_whitespace(column) }}), '^([a-z]+://)?(www[.])?', ''),
            '[/:?#].*$', ''
        ),
        ''
    )
{%- endmacro %}

{#- The company domain a CRM lead names: its website's host, else its email's domain. -#}
{% macro lead_domain(website_column, email_column) -%}
    coalesce(
        {{ website_domain(website_column) }},
        {{ dbt.split_part(email_column, "'@'", 2) }}
    )
{%- endmacro %}
