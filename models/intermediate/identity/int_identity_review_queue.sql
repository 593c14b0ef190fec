{#- Clusters a person should look at: persons with more emails than
    `identity_review_max_emails` or more user_ids than `identity_review_max_user_ids`
    (a row for each rule broken), accounts joining more Salesforce accounts than
    `identity_review_max_crm_accounts` or more product workspaces than
    `identity_review_max_workspaces` (such as client workspaces joined by the domain of
    the agency whose consultants outnumber the client's people in each), and devices found shared by many users (their
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
    {%- for reason, count_column, allowed in [
        ('too_many_emails', 'email_count', var('identity_review_max_emails')),
        ('too_many_user_ids', 'user_id_count', var('identity_review_max_user_ids')),
    ] %}
    select
        'person' as entity_type,
        person_id as entity_id,
        '{{ reason }}' as review_reason,
        {{ count_column }} as observed_count,
        {{ allowed }} as allowed_count,
        first_seen_at
    from persons
    where {{ count_column }} > {{ allowed }}

    union all
    {%- endfor %}

    {%- for reason, count_column, allowed in [
        ('too_many_crm_accounts', 'crm_account_count', var('identity_review_max_crm_accounts')),
        ('too_many_workspaces', 'workspace_count', var('identity_review_max_workspaces')),
    ] %}
    select
        'account' as entity_type,
        account_id as entity_id,
        '{{ reason }}' as review_reason,
        {{ count_column }} as observed_count,
        {{ allowed }} as allowed_count,
        first_seen_at
    from accounts
    where {{ count_column }} > {{ allowed }} and not is_internal

    union all
    {%- endfor %}

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
