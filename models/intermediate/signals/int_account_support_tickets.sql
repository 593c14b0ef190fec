{#-
    Support tickets with their account, when they were resolved and how the customer
    rated them. The account is the ticket's Zendesk organization, else the requester's
    account. A ticket is resolved from its first change to solved or closed.
-#}
with tickets as (
    {{ optional_ref('stg_zendesk__tickets', 'lifecycle_using_zendesk', {
        'ticket_id': 'string', 'requester_user_id': 'string', 'organization_id': 'string',
        'ticket_status': 'string', 'priority': 'string', 'created_at': 'timestamp',
        'updated_at': 'timestamp',
    }) }}
),

field_changes as (
    {{ optional_ref('stg_zendesk__ticket_field_history', 'lifecycle_using_zendesk', {
        'ticket_id': 'string', 'field_name': 'string', 'field_value': 'string',
        'changed_at': 'timestamp',
    }) }}
),

account_identifiers as (
    select * from {{ ref('int_account_identifiers') }}
),

person_identifiers as (
    select * from {{ ref('int_person_identifiers') }}
),

person_accounts as (
    select * from {{ ref('int_person_accounts') }}
),

resolutions as (
    select
        ticket_id,
        min(changed_at) as resolved_at
    from field_changes
    where field_name = 'status' and field_value in ('solved', 'closed')
    group by ticket_id
),

ratings as (
    select
        ticket_id,
        max_by(field_value, changed_at) as satisfaction_rating,
        max(changed_at) as rated_at
    from field_changes
    where field_name = 'satisfaction_score' and field_value in ('good', 'bad')
    group by ticket_id
),

final as (
    select
        tickets.ticket_id,
        requester.person_id as requester_person_id,
        tickets.ticket_status,
        tickets.priority,
        ratings.satisfaction_rating,
        tickets.created_at,
        ratings.rated_at,
        coalesce(organization_account.account_id, person_accounts.account_id) as account_id,
        tickets.priority = 'urgent' as is_urgent,
        case
            when tickets.ticket_status in ('solved', 'closed')
                then coalesce(resolutions.resolved_at, tickets.updated_at)
        end as resolved_at
    from tickets
    left join resolutions
        on tickets.ticket_id = resolutions.ticket_id
    left join ratings
        on tickets.ticket_id = ratings.ticket_id
    left join account_identifiers as organization_account
        on organization_account.node_key = 'zendesk_organization:' || tickets.organization_id
    left join person_identifiers as requester
        on requester.node_key = 'zendesk_user:' || tickets.requester_user_id
    left join person_accounts
        on requester.person_id = person_accounts.person_id
)

select * from final
