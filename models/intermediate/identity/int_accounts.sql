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

members as (
    select
        components.component_num,
        nodes.node_num,
        nodes.node_key,
        nodes.identifier_type,
        nodes.identifier_value,
        nodes.identifier_name,
        nodes.is_internal,
        nodes.first_seen_at
    from components
    inner join nodes
        on components.node_num = nodes.node_num
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
        {#- the name of the first identifier that has one, in the identifier types'
            order (CRM account, workspace, Stripe, Zendesk, domain), then first seen -#}
        min_by(
            identifier_name,
            case
                when identifier_name is not null
                    then cast(
                        {{ identifier_type_priority('identifier_type', graph='account') }}
                        as {{ dbt.type_bigint() }}
                    ) * 1000000000 + node_num
            end
        ) as member_name,
        max(case when is_internal then 1 else 0 end) = 1 as is_internal
    from members
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
        not clusters.is_internal and (
            clusters.crm_account_count > {{ var('identity_review_max_crm_accounts') }}
            or clusters.workspace_count > {{ var('identity_review_max_workspaces') }}
        ) as needs_review,
        clusters.first_seen_at
    from clusters
    inner join anchors
        on clusters.component_num = anchors.component_num
)

select * from final
