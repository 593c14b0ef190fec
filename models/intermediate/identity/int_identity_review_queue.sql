{#- Clusters a person should look at: persons with more emails than
    `identity_review_max_emails`, accounts joining more Salesforce accounts than
    `identity_review_max_crm_accounts`, and devices found shared by many users (their
    links were dropped). Merges stand until someone fixes the source or the rules. -#}
with persons as (
    select * from {{ ref('int_persons') }}
),

accounts as (
    select * from {{ ref('int_accounts') }}
),

identity_nodes as (
    select * from {{ ref('int_identity_nodes') }}
),

final as (
    select
        'person' as entity_type,
        person_id as entity_id,
        'too_many_emails' as review_reason,
        email_count as observed_count,
        {{ var('identity_review_max_emails') }} as allowed_count,
        first_seen_at
    from persons
    where needs_review

    union all

    select
        'account' as entity_type,
        account_id as entity_id,
        'too_many_crm_accounts' as review_reason,
        crm_account_count as observed_count,
        {{ var('identity_review_max_crm_accounts') }} as allowed_count,
        first_seen_at
    from accounts
    where needs_review

    union all

    select
        'device' as entity_type,
        node_key as entity_id,
        'shared_device' as review_reason,
        linked_user_count as observed_count,
        {{ var('identity_max_users_per_device') }} as allowed_count,
        first_seen_at
    from identity_nodes
    where exclusion_reason = 'shared_device'
)

select * from final
