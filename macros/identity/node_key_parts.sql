{#-
    Columns parsed from an identity node key (`<identifier_type>:<identifier_value>`):
    identifier_type and identifier_value, plus, with email_parts, the local part and
    domain of email identifiers (null for other types), which the identity_exclusions
    rules match on.
-#}
{% macro node_key_parts(node_key='node_key', email_parts=false) -%}
    {%- set identifier_type = dbt.split_part(node_key, "':'", 1) -%}
    {%- set identifier_value = 'substr(' ~ node_key ~ ', ' ~ dbt.position("':'", node_key) ~ ' + 1)' -%}
    {{ identifier_type }} as identifier_type,
        {{ identifier_value }} as identifier_value
    {%- if email_parts %},
        case
            when {{ identifier_type }} = 'email'
                then {{ dbt.split_part(identifier_value, "'@'", 1) }}
        end as email_local_part,
        case
            when {{ identifier_type }} = 'email'
                then {{ dbt.split_part(identifier_value, "'@'", 2) }}
        end as email_domain
    {%- endif %}
{%- endmacro %}
