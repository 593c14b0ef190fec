{#-
    Every account a person could belong to, one row per piece of evidence, ranked by
    the first rule that applies:
      1 crm_contact           the Salesforce account of the person's contact (or of the
                              account their lead was converted into)
      2 stripe_customer       the account of the person's Stripe customer
      3 workspace             the product workspace the person last joined (group call)
      4 workspace_events      without any group call, the workspace the person's
                              product events (by user id, else by device) last
                              started showing up in
      5 zendesk_organization  the person's Zendesk organization
      6 email_domain          the person's company email domain (never a consumer
                              mailbox domain)
    Within a rule the most recent evidence wins (candidate_rank 1: int_person_accounts).
    first_evidence_at and evidence_at are the first and the latest evidence for the
    same account, so a back-dated run can rank only what was known by its date
    (person_status). Persons no rule applies to (anonymous visitors, free-mail signups
    outside any workspace) have no candidate.
-#}
with person_identifiers as (
    select * from {{ ref('int_person_identifiers') }}
),

account_identifiers as (
    select * from {{ ref('int_account_identifiers') }}
),

identity_nodes as (
    select * from {{ ref('int_identity_nodes') }}
),

contacts as (
    select * from {{ ref('stg_salesforce__contacts') }}
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

zendesk_users as (
    {{ optional_ref('stg_zendesk__users', 'lifecycle_using_zendesk', {
        'zendesk_user_id': 'string', 'organization_id': 'string', 'created_at': 'timestamp',
        'updated_at': 'timestamp',
    }) }}
),

candidates as (
    select
        person.person_id,
        1 as mapping_precedence,
        'crm_contact' as mapping_rule,
        'crm_account:' || contacts.account_id as account_node_key,
        person.node_key as evidence_node_key,
        contacts.created_at as first_evidence_at,
        contacts.created_at as evidence_at
    from person_identifiers as person
    inner join contacts
        on person.identifier_type = 'salesforce_contact'
        and person.identifier_value = contacts.contact_id
    where contacts.account_id is not null

    union all

    select
        person.person_id,
        1 as mapping_precedence,
        'crm_contact' as mapping_rule,
        'crm_account:' || leads.converted_account_id as account_node_key,
        person.node_key as evidence_node_key,
        leads.converted_at as first_evidence_at,
        leads.converted_at as evidence_at
    from person_identifiers as person
    inner join leads
        on person.identifier_type = 'salesforce_lead'
        and person.identifier_value = leads.lead_id
    where leads.converted_account_id is not null

    union all

    select
        person_id,
        2 as mapping_precedence,
        'stripe_customer' as mapping_rule,
        node_key as account_node_key,
        node_key as evidence_node_key,
        first_seen_at as first_evidence_at,
        first_seen_at as evidence_at
    from person_identifiers
    where identifier_type = 'stripe_customer'

    union all

    select
        person.person_id,
        3 as mapping_precedence,
        'workspace' as mapping_rule,
        'workspace:' || group_calls.workspace_id as account_node_key,
        person.node_key as evidence_node_key,
        min(group_calls.occurred_at) as first_evidence_at,
        max(group_calls.occurred_at) as evidence_at
    from person_identifiers as person
    inner join group_calls
        on person.node_key = {{ event_person_node_key(
            'group_calls.user_id', 'group_calls.anonymous_id'
        ) }}
    group by person.person_id, group_calls.workspace_id, person.node_key

    union all

    select
        person.person_id,
        4 as mapping_precedence,
        'workspace_events' as mapping_rule,
        'workspace:' || event_sightings.workspace_id as account_node_key,
        person.node_key as evidence_node_key,
        min(event_sightings.first_occurred_at) as first_evidence_at,
        max(event_sightings.first_occurred_at) as evidence_at
    from person_identifiers as person
    inner join event_sightings
        on person.node_key = {{ event_person_node_key(
            'event_sightings.user_id', 'event_sightings.anonymous_id'
        ) }}
    where event_sightings.workspace_id is not null
    group by person.person_id, event_sightings.workspace_id, person.node_key

    union all

    select
        person.person_id,
        5 as mapping_precedence,
        'zendesk_organization' as mapping_rule,
        'zendesk_organization:' || zendesk_users.organization_id as account_node_key,
        person.node_key as evidence_node_key,
        zendesk_users.created_at as first_evidence_at,
        zendesk_users.updated_at as evidence_at
    from person_identifiers as person
    inner join zendesk_users
        on person.identifier_type = 'zendesk_user'
        and person.identifier_value = zendesk_users.zendesk_user_id
    where zendesk_users.organization_id is not null

    union all

    select
        person.person_id,
        6 as mapping_precedence,
        'email_domain' as mapping_rule,
        'email_domain:' || identity_nodes.email_domain as account_node_key,
        person.node_key as evidence_node_key,
        person.first_seen_at as first_evidence_at,
        person.first_seen_at as evidence_at
    from person_identifiers as person
    inner join identity_nodes
        on person.node_key = identity_nodes.node_key
    where person.identifier_type = 'email'
),

resolved as (
    select
        candidates.*,
        account_identifiers.account_id
    from candidates
    inner join account_identifiers
        on candidates.account_node_key = account_identifiers.node_key
),

ranked as (
    select
        *,
        row_number() over (
            partition by person_id order by {{ person_account_order() }}
        ) as candidate_rank
    from resolved
),

final as (
    select
        person_id,
        account_id,
        mapping_rule,
        mapping_precedence,
        evidence_node_key,
        first_evidence_at,
        evidence_at,
        candidate_rank
    from ranked
)

select * from final
