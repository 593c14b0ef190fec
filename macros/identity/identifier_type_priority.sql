{#- Tie-break between identifiers first seen at the same moment: the more durable
    identifier anchors the cluster (and so gives it its id). -#}
{% macro identifier_type_priority(column, graph='person') -%}
    {%- set order = {
        'person': ['user_id', 'email', 'salesforce_contact', 'salesforce_lead',
                   'stripe_customer', 'zendesk_user', 'anonymous_id'],
        'account': ['crm_account', 'workspace', 'stripe_customer', 'zendesk_organization',
                    'email_domain'],
    }[graph] -%}
    case {{ column }}
        {%- for identifier_type in order %}
        when '{{ identifier_type }}' then {{ loop.index }}
        {%- endfor %}
        else {{ order | length + 1 }}
    end
{%- endmacro %}
