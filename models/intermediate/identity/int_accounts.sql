{#-
    One row per account: a connected cluster of account identifiers (Salesforce
    accounts, workspaces, Stripe customers, Zendesk organizations, company domains).
    `account_id` is a hash of the cluster's earliest-seen identifier, stable across
    full refreshes and when new identifiers join. The name comes from the CRM first,
    then the workspace, Stripe, Zendesk, the company of the latest CRM lead from the
    domain, and finally the domain or workspace id itself.
-#}
with components as (
    select * from {{ ref('int_account_components') }}
),

nodes as (
    select * from {{ ref('int_account_nodes') }}
),

crm_accounts as (
    select * from {{ ref('stg_salesforce__accounts') }}
),

group_calls as (
    select * from {{ ref('stg_segment__groups') }}
),

stripe_customers as (
    {{ optional_ref('stg_stripe__customers', 'lifecycle_using_stripe', {
        'customer_id': 'string', 'customer_name': 'string',
    }) }}
),

zendesk_organizations as (
    {{ optional_ref('stg_zendesk__organizations', 'lifecycle_using_zendesk', {
        'organization_id': 'string', 'organization_name': 'string',
    }) }}
),

leads as (
    select * from {{ ref('stg_salesforce__leads') }}
),

workspace_names as (
    select
        workspace_id,
        max_by(workspace_name, occurred_at) as workspace_name
    from group_calls
    where workspace_name is not null
    group by workspace_id
),

lead_companies as (
    select
        {{ lead_domain('website', 'email') }} as lead_domain,
        max_by(company_name, created_at) as company_name
    from leads
    where company_name is not null
    group by {{ lead_domain('website', 'email') }}
),

members as (
    select
        components.component_num,
        nodes.node_num,
        nodes.node_key,
        nodes.identifier_type,
        nodes.identifier_value,
        nodes.is_internal,
        nodes.first_seen_at
    from components
    inner join nodes
        on components.node_num = nodes.node_num
),

{# the name each kind of account identifier carries, keyed like the identity nodes #}
identifier_names as (
    select
        'crm_account:' || account_id as node_key,
        account_name as member_name
    from crm_accounts
    union all
    select
        'workspace:' || workspace_id as node_key,
        workspace_name as member_name
    from workspace_names
    union all
    select
        'stripe_customer:' || customer_id as node_key,
        customer_name as member_name
    from stripe_customers
    union all
    select
        'zendesk_organization:' || organization_id as node_key,
        organization_name as member_name
    from zendesk_organizations
    union all
    select
        'email_domain:' || lead_domain as node_key,
        company_name as member_name
    from lead_companies
),

named_members as (
    select
        members.*,
        identifier_names.member_name,
        case members.identifier_type
            when 'crm_account' then 1
            when 'workspace' then 2
            when 'stripe_customer' then 3
            when 'zendesk_organization' then 4
            when 'email_domain' then 5
        end as name_priority
    from members
    left join identifier_names
        on members.node_key = identifier_names.node_key
),

clusters as (
    select
        component_num,
        min(first_seen_at) as first_seen_at,
        count(*) as identifier_count,
        count(case when identifier_type = 'crm_account' then 1 end) as crm_account_count,
        count(case when identifier_type = 'workspace' then 1 end) as workspace_count,
        count(case when identifier_type = 'stripe_customer' then 1 end) as stripe_customer_count,
        {%- for identifier_type, column in [
            ('crm_account', 'crm_account_id'),
            ('workspace', 'workspace_id'),
            ('stripe_customer', 'stripe_customer_id'),
            ('zendesk_organization', 'zendesk_organization_id'),
            ('email_domain', 'primary_domain'),
        ] %}
        min_by(
            case when identifier_type = '{{ identifier_type }}' then identifier_value end,
            case when identifier_type = '{{ identifier_type }}' then node_num end
        ) as {{ column }},
        {%- endfor %}
        {#- the first identifier, by priority, that carries a name -#}
        min_by(
            member_name,
            case
                when member_name is not null
                    then cast(name_priority as {{ dbt.type_bigint() }}) * 1000000000 + node_num
            end
        ) as member_name,
        max(case when is_internal then 1 else 0 end) = 1 as is_internal
    from named_members
    group by component_num
),

anchors as (
    select
        component_num,
        node_key as anchor_node_key
    from members
    where node_num = component_num
),

final as (
    select
        {{ dbt.hash('anchors.anchor_node_key') }} as account_id,
        anchors.anchor_node_key,
        coalesce(clusters.member_name, clusters.primary_domain, clusters.workspace_id)
            as account_name,
        clusters.crm_account_id,
        clusters.workspace_id,
        clusters.stripe_customer_id,
        clusters.zendesk_organization_id,
        clusters.primary_domain,
        clusters.component_num,
        clusters.identifier_count,
        clusters.crm_account_count,
        clusters.workspace_count,
        clusters.stripe_customer_count,
        clusters.is_internal,
        clusters.crm_account_count > {{ var('identity_review_max_crm_accounts') }}
            as needs_review,
        clusters.first_seen_at
    from clusters
    inner join anchors
        on clusters.component_num = anchors.component_num
)

select * from final
