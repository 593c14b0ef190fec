{#-
    Every account-level identifier, once: Salesforce accounts, product workspaces,
    Stripe customers, Zendesk organizations and company email domains (of persons and
    of leads), with the name each carries (the CRM account's, the workspace's latest,
    the Stripe customer's, the Zendesk organization's, the latest lead's company on a
    domain). Consumer mailbox domains, excluded domains and placeholder workspace ids
    (identity_placeholder_ids) never identify an account.
    `node_num` orders identifiers by first sighting; a cluster's earliest identifier is
    its anchor and gives it its stable account_id.
-#}
with edges as (
    select * from {{ ref('int_account_edges') }}
),

crm_accounts as (
    select * from {{ ref('stg_salesforce__accounts') }}
),

leads as (
    select * from {{ ref('stg_salesforce__leads') }}
),

group_calls as (
    select * from {{ ref('stg_segment__groups') }}
),

event_sightings as (
    select * from {{ ref('int_product_identifier_sightings') }}
),

stripe_customers as (
    {{ optional_ref('stg_stripe__customers', 'lifecycle_using_stripe', {
        'customer_id': 'string', 'customer_name': 'string', 'created_at': 'timestamp',
        'synced_at': 'timestamp',
    }) }}
),

zendesk_organizations as (
    {{ optional_ref('stg_zendesk__organizations', 'lifecycle_using_zendesk', {
        'organization_id': 'string', 'organization_name': 'string', 'created_at': 'timestamp',
        'synced_at': 'timestamp',
    }) }}
),

identity_nodes as (
    select * from {{ ref('int_identity_nodes') }}
),

lead_domains as (
    {#- a lead's company domain: its website's, else its address's unless that address
        is excluded (a role or test address, or no address at all, names no company) #}
    select
        leads.created_at,
        leads.synced_at,
        leads.company_name,
        {{ lead_domain(
            'leads.website', 'case when lead_emails.exclusion_reason is null then leads.email end'
        ) }} as lead_domain
    from leads
    left join identity_nodes as lead_emails
        on 'email:' || leads.email = lead_emails.node_key
),

sightings as (
    select
        left_node_key as node_key,
        observed_at,
        cast(null as {{ dbt.type_timestamp() }}) as loaded_at
    from edges
    union all
    select
        right_node_key as node_key,
        observed_at,
        cast(null as {{ dbt.type_timestamp() }}) as loaded_at
    from edges
    union all
    select
        'crm_account:' || account_id as node_key,
        created_at as observed_at,
        synced_at as loaded_at
    from crm_accounts
    union all
    select
        'workspace:' || workspace_id as node_key,
        min(occurred_at) as observed_at,
        cast(null as {{ dbt.type_timestamp() }}) as loaded_at
    from group_calls
    group by workspace_id
    union all
    select
        'workspace:' || workspace_id as node_key,
        min(first_occurred_at) as observed_at,
        cast(null as {{ dbt.type_timestamp() }}) as loaded_at
    from event_sightings
    where workspace_id is not null
    group by workspace_id
    union all
    select
        'stripe_customer:' || customer_id as node_key,
        created_at as observed_at,
        synced_at as loaded_at
    from stripe_customers
    union all
    select
        'zendesk_organization:' || organization_id as node_key,
        created_at as observed_at,
        synced_at as loaded_at
    from zendesk_organizations
    union all
    select
        'email_domain:' || email_domain as node_key,
        min(first_seen_at) as observed_at,
        cast(null as {{ dbt.type_timestamp() }}) as loaded_at
    from identity_nodes
    -- an excluded address (a role or test address) names no company
    where email_domain is not null and email_domain != '' and exclusion_reason is null
    group by email_domain
    union all
    select
        'email_domain:' || lead_domain as node_key,
        min(created_at) as observed_at,
        min(synced_at) as loaded_at
    from lead_domains
    where lead_domain is not null
    group by lead_domain
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
        lead_domain,
        max_by(company_name, created_at) as company_name
    from lead_domains
    where company_name is not null
    group by lead_domain
),

{# the name each kind of account identifier carries #}
identifier_names as (
    select
        'crm_account:' || account_id as node_key,
        account_name as identifier_name
    from crm_accounts
    union all
    select
        'workspace:' || workspace_id as node_key,
        workspace_name as identifier_name
    from workspace_names
    union all
    select
        'stripe_customer:' || customer_id as node_key,
        customer_name as identifier_name
    from stripe_customers
    union all
    select
        'zendesk_organization:' || organization_id as node_key,
        organization_name as identifier_name
    from zendesk_organizations
    union all
    select
        'email_domain:' || lead_domain as node_key,
        company_name as identifier_name
    from lead_companies
),

observed as (
    select
        node_key,
        min(observed_at) as first_seen_at,
        min(loaded_at) as first_loaded_at
    from sightings
    where node_key is not null and node_key not like '%:'
    group by node_key
),

parsed as (
    select
        node_key,
        {{ node_key_parts() }},
        first_seen_at,
        first_loaded_at
    from observed
),

named as (
    select
        parsed.*,
        identifier_names.identifier_name
    from parsed
    left join identifier_names
        on parsed.node_key = identifier_names.node_key
),

final as (
    select
        node_key,
        identifier_type,
        identifier_value,
        identifier_name,
        case
            when
                identifier_type = 'email_domain'
                and identifier_value in (
                    select free_email_domains.domain
                    from {{ ref('free_email_domains') }} as free_email_domains
                )
                then 'free_mail_domain'
            when
                identifier_type = 'email_domain'
                and not {{ is_account_domain('identifier_value') }}
                then 'excluded_domain'
            {#- an app's 'undefined' or 'null' for a workspace it does not know names no
                workspace: it would merge every company whose events carry it #}
            when
                identifier_type = 'workspace'
                and {{ is_placeholder_id('identifier_value') }}
                then 'placeholder_value'
        end as exclusion_reason,
        identifier_type = 'email_domain'
        and {{ is_internal_domain('identifier_value') }} as is_internal,
        first_seen_at,
        {{ node_num(graph='account') }} as node_num
    from named
)

select * from final
