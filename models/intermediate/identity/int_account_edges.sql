{#-
    Every pair of account-level identifiers observed together, with the evidence:
    Stripe customer metadata (workspace, Salesforce account; without either, the
    company domain of the billing email), Zendesk organizations
    (their Salesforce external id, their email domains, the workspace most of their
    requesters work in), Salesforce account websites, the corporate email domain most
    of a Salesforce account's contacts use (so an account without a website, or whose
    website is a brand site, still meets its people's workspace), and the corporate
    email domain most of a workspace's members use (the vendor's own domain only when
    every member is staff). A workspace's members are the people of its group calls and
    of the events sent in it (context_group_id; by user id, else by device), so a
    workspace the app never sent a group call for still meets its company.
    Node keys are `<identifier_type>:<value>`; left_node_key < right_node_key.
-#}
with stripe_customers as (
    {{ optional_ref('stg_stripe__customers', 'lifecycle_using_stripe', {
        'customer_id': 'string', 'workspace_id': 'string',
        'salesforce_account_id': 'string', 'email': 'string', 'created_at': 'timestamp',
    }) }}
),

zendesk_organizations as (
    {{ optional_ref('stg_zendesk__organizations', 'lifecycle_using_zendesk', {
        'organization_id': 'string', 'external_id': 'string', 'created_at': 'timestamp',
    }) }}
),

zendesk_domains as (
    {{ optional_ref('stg_zendesk__domain_names', 'lifecycle_using_zendesk', {
        'organization_id': 'string', 'domain_name': 'string', 'synced_at': 'timestamp',
    }) }}
),

crm_accounts as (
    select * from {{ ref('stg_salesforce__accounts') }}
),

crm_contacts as (
    select * from {{ ref('stg_salesforce__contacts') }}
),

group_calls as (
    select * from {{ ref('stg_segment__groups') }}
),

event_sightings as (
    select * from {{ ref('int_product_identifier_sightings') }}
),

workspace_members as (
    {#- who works in each workspace: the people of its group calls and of its events,
        by user id, else (signed out, or a placeholder user id) by device -#}
    select
        'segment.groups' as edge_source,
        workspace_id,
        {{ event_person_node_key() }} as member_node_key,
        occurred_at,
        message_id as evidence_record_key
    from group_calls
    where user_id is not null or anonymous_id is not null

    union all

    select
        'segment.tracks' as edge_source,
        workspace_id,
        {{ event_person_node_key() }} as member_node_key,
        first_occurred_at as occurred_at,
        first_message_id as evidence_record_key
    from event_sightings
    where
        workspace_id is not null
        and (user_id is not null or anonymous_id is not null)
),

person_identifiers as (
    select * from {{ ref('int_person_identifiers') }}
),

identity_nodes as (
    select * from {{ ref('int_identity_nodes') }}
),

member_domains as (
    {#- the email domains of a workspace's members and of a CRM account's contacts, with
        how many use each #}
    {#- the evidence is a group call when there is one (an explicit membership), else
        the first event -#}
    {%- set is_group_call = "workspace_members.edge_source = 'segment.groups'" %}
    select
        case
            when count(case when {{ is_group_call }} then 1 end) > 0 then 'segment.groups'
            else 'segment.tracks'
        end as edge_source,
        'workspace:' || workspace_members.workspace_id as owner_node_key,
        email_node.email_domain,
        count(distinct member.person_id) as member_count,
        min(workspace_members.occurred_at) as observed_at,
        coalesce(
            min_by(
                case when {{ is_group_call }} then workspace_members.evidence_record_key end,
                case when {{ is_group_call }} then workspace_members.occurred_at end
            ),
            min_by(workspace_members.evidence_record_key, workspace_members.occurred_at)
        ) as evidence_record_key
    from workspace_members
    inner join person_identifiers as member
        on workspace_members.member_node_key = member.node_key
    inner join person_identifiers as member_email
        on member.person_id = member_email.person_id
        and member_email.identifier_type = 'email'
    inner join identity_nodes as email_node
        on member_email.node_key = email_node.node_key
    where email_node.email_domain is not null and email_node.email_domain != ''
    group by workspace_members.workspace_id, email_node.email_domain

    union all

    select
        'salesforce.contact' as edge_source,
        'crm_account:' || crm_contacts.account_id as owner_node_key,
        email_node.email_domain,
        count(*) as member_count,
        min(crm_contacts.created_at) as observed_at,
        min_by(crm_contacts.contact_id, crm_contacts.created_at) as evidence_record_key
    from crm_contacts
    inner join crm_accounts
        on crm_contacts.account_id = crm_accounts.account_id
    inner join identity_nodes as email_node
        on 'email:' || crm_contacts.email = email_node.node_key
    where
        {#- an excluded address names no company, nor do the vendor's own staff added
            as contacts of a customer's account #}
        email_node.exclusion_reason is null
        and not {{ is_internal_domain('email_node.email_domain') }}
    group by crm_contacts.account_id, email_node.email_domain
),

dominant_domains as (
    {#- each owner's corporate domain: the one most of its people use #}
    select
        edge_source,
        owner_node_key,
        email_domain,
        observed_at,
        evidence_record_key
    from (
        select
            member_domains.*,
            row_number() over (
                partition by member_domains.owner_node_key
                order by
                    {#- the vendor's own domain only for a workspace of staff alone:
                        staff who join a customer's workspace do not make it internal #}
                    {{ is_internal_domain('member_domains.email_domain') }} asc,
                    {{ is_account_domain('email_domain') }} desc,
                    member_domains.member_count desc,
                    member_domains.email_domain asc
            ) as domain_rank
        from member_domains
    ) as ranked
    where domain_rank = 1 and {{ is_account_domain('email_domain') }}
),

zendesk_users as (
    {{ optional_ref('stg_zendesk__users', 'lifecycle_using_zendesk', {
        'zendesk_user_id': 'string', 'organization_id': 'string', 'created_at': 'timestamp',
    }) }}
),

organization_workspaces as (
    -- the workspace most of an organization's requesters belong to
    select
        organization_id,
        workspace_id,
        observed_at,
        evidence_record_key
    from (
        select
            zendesk_users.organization_id,
            workspace_members.workspace_id,
            min(zendesk_users.created_at) as observed_at,
            min(zendesk_users.zendesk_user_id) as evidence_record_key,
            row_number() over (
                partition by zendesk_users.organization_id
                order by
                    count(distinct requester.person_id) desc, workspace_members.workspace_id
            ) as workspace_rank
        from zendesk_users
        inner join person_identifiers as requester
            on requester.node_key = 'zendesk_user:' || zendesk_users.zendesk_user_id
        inner join person_identifiers as member
            on requester.person_id = member.person_id
        inner join workspace_members
            on member.node_key = workspace_members.member_node_key
        where zendesk_users.organization_id is not null
        group by zendesk_users.organization_id, workspace_members.workspace_id
    ) as ranked
    where workspace_rank = 1
),

pairs as (
    select
        'stripe.customer' as edge_source,
        customer_id as evidence_record_key,
        created_at as observed_at,
        'stripe_customer:' || customer_id as first_node_key,
        'workspace:' || workspace_id as second_node_key
    from stripe_customers
    where workspace_id is not null

    union all

    select
        'stripe.customer' as edge_source,
        customer_id as evidence_record_key,
        created_at as observed_at,
        'stripe_customer:' || customer_id as first_node_key,
        'crm_account:' || salesforce_account_id as second_node_key
    from stripe_customers
    where salesforce_account_id is not null

    union all

    {#- a Stripe customer whose metadata names neither a workspace nor a CRM account
        belongs to its billing email's company (a billing@ address names it too; never
        a free-mail or excluded domain, nor the vendor's own: a customer billed to the
        vendor's finance team is no internal account) #}
    {%- set billing_domain = dbt.split_part('email', "'@'", 2) %}
    select
        'stripe.customer' as edge_source,
        customer_id as evidence_record_key,
        created_at as observed_at,
        'stripe_customer:' || customer_id as first_node_key,
        'email_domain:' || {{ billing_domain }} as second_node_key
    from stripe_customers
    where
        workspace_id is null
        and salesforce_account_id is null
        and {{ is_account_domain(billing_domain) }}
        and not {{ is_internal_domain(billing_domain) }}

    union all

    select
        'zendesk.organization' as edge_source,
        organization_id as evidence_record_key,
        created_at as observed_at,
        'zendesk_organization:' || organization_id as first_node_key,
        'crm_account:' || external_id as second_node_key
    from zendesk_organizations
    where external_id is not null

    union all

    select
        'zendesk.domain_name' as edge_source,
        organization_id as evidence_record_key,
        synced_at as observed_at,
        'zendesk_organization:' || organization_id as first_node_key,
        'email_domain:' || domain_name as second_node_key
    from zendesk_domains
    where domain_name is not null

    union all

    select
        'salesforce.account' as edge_source,
        account_id as evidence_record_key,
        created_at as observed_at,
        'crm_account:' || account_id as first_node_key,
        'email_domain:' || {{ website_domain('website') }} as second_node_key
    from crm_accounts
    where {{ website_domain('website') }} is not null

    union all

    select
        'zendesk.user' as edge_source,
        evidence_record_key,
        observed_at,
        'zendesk_organization:' || organization_id as first_node_key,
        'workspace:' || workspace_id as second_node_key
    from organization_workspaces

    union all

    select
        edge_source,
        evidence_record_key,
        observed_at,
        owner_node_key as first_node_key,
        'email_domain:' || email_domain as second_node_key
    from dominant_domains
),

ordered as (
    select
        edge_source,
        evidence_record_key,
        observed_at,
        case when first_node_key < second_node_key then first_node_key else second_node_key end
            as left_node_key,
        case when first_node_key < second_node_key then second_node_key else first_node_key end
            as right_node_key
    from pairs
    where first_node_key != second_node_key
),

final as (
    select
        left_node_key,
        right_node_key,
        edge_source,
        min_by(evidence_record_key, observed_at) as evidence_record_key,
        min(observed_at) as observed_at
    from ordered
    group by left_node_key, right_node_key, edge_source
)

select * from final
