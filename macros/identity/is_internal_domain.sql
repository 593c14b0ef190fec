{#- True when an email domain is one of the vendor's own (var internal_email_domains):
    its staff and test workspaces, never a customer. -#}
{% macro is_internal_domain(column) -%}
    {{ column }} in ('{{ var("internal_email_domains") | join("', '") }}')
{%- endmacro %}
