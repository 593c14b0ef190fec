{#- True when an email domain can identify a company: not a consumer mailbox domain
    (free_email_domains) and not excluded by a domain rule in identity_exclusions. -#}
{% macro is_account_domain(column) -%}
    (
        {{ column }} is not null
        and {{ column }} not in (
            select free_email_domains.domain
            from {{ ref('free_email_domains') }} as free_email_domains
        )
        and {{ column }} not in (
            select identity_exclusions.pattern
            from {{ ref('identity_exclusions') }} as identity_exclusions
            where identity_exclusions.identifier_type = 'email'
                and identity_exclusions.match_type = 'domain'
        )
    )
{%- endmacro %}
