{#- The host of a website or URL as an email-style domain: lowercase, without scheme,
    `www.`, port or path. Null when what is left is no domain name (labels joined by
    dots, the last of two characters or more): a placeholder such as `N/A`, `none` or
    `-` names no company, or every account written so would share it. Null too for a
    page on a platform of `website_platform_domains` (facebook.com/acmebakery is Acme
    Bakery's page, not its domain: two companies with such pages share no domain). The
    platform's own site, with no path, stays its domain. -#}
{% macro website_domain(column) -%}
    {%- set without_scheme -%}
        regexp_replace(lower({{ trim_whitespace(column) }}), '^([a-z]+://)?(www[.])?', '')
    {%- endset -%}
    {%- set host_text = "nullif(regexp_replace(" ~ without_scheme ~ ", '[/:?#].*$', ''), '')" -%}
    {%- set host -%}
        case
            when regexp_replace({{ host_text }}, '^[^. ]+([.][^. ]+)*[.][^. ]{2,}$', '') = ''
                then {{ host_text }}
        end
    {%- endset -%}
    {%- set platforms = var('website_platform_domains') -%}
    {%- if platforms %}
    case
        when {{ host }} in ({{ quoted_list(platforms) }})
            and regexp_replace({{ without_scheme }}, '^[^/?#]*[/?#]*', '') != ''
            then null
        else {{ host }}
    end
    {%- else %}
    {{ host }}
    {%- endif %}
{%- endmacro %}

{#- The company domain a CRM lead names: its website's host, else its email's domain. -#}
{% macro lead_domain(website_column, email_column) -%}
    coalesce(
        {{ website_domain(website_column) }},
        {{ dbt.split_part(email_column, "'@'", 2) }}
    )
{%- endmacro %}
