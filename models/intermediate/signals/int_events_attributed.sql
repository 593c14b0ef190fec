{#-
    Daily product event counts with the person and account they belong to and what the
    event means (event_taxonomy). The account is the event's workspace when it has one,
    otherwise the account of the person who did it. Rebuilt on every run from the
    incremental daily counts, so a new identity link re-attributes old events too.
    One row per int_product_events_daily row; the user, device, workspace and message
    ids stay there (nothing downstream reads them here, and at ten million rows
    writing them again doubled this model's time). Identifiers are looked up by type
    and value, not by a concatenated node_key: building ten million key strings per
    lookup cost more than the joins.
-#}
with daily_events as (
    select * from {{ ref('int_product_events_daily') }}
),

taxonomy as (
    select * from {{ ref('event_taxonomy') }}
),

user_persons as (
    select
        identifier_value as user_id,
        person_id
    from {{ ref('int_person_identifiers') }}
    where identifier_type = 'user_id'
),

device_persons as (
    select
        identifier_value as anonymous_id,
        person_id
    from {{ ref('int_person_identifiers') }}
    where identifier_type = 'anonymous_id'
),

workspace_accounts as (
    select
        identifier_value as workspace_id,
        account_id
    from {{ ref('int_account_identifiers') }}
    where identifier_type = 'workspace'
),

person_accounts as (
    select * from {{ ref('int_person_accounts') }}
),

with_person as (
    select
        daily_events.*,
        coalesce(user_persons.person_id, device_persons.person_id) as person_id
    from daily_events
    left join user_persons
        on daily_events.user_id = user_persons.user_id
    left join device_persons
        on daily_events.anonymous_id = device_persons.anonymous_id
),

final as (
    select
        with_person.person_id,
        with_person.event_name,
        with_person.event_count,
        with_person.event_date,
        with_person.first_occurred_at,
        with_person.last_occurred_at,
        coalesce(workspace_accounts.account_id, person_accounts.account_id) as account_id,
        coalesce(taxonomy.is_core, false) as is_core,
        coalesce(taxonomy.is_activation, false) as is_activation,
        coalesce(taxonomy.is_gated_feature, false) as is_gated_feature,
        coalesce(taxonomy.is_hand_raise, false) as is_hand_raise,
        coalesce(taxonomy.is_signup, false) as is_signup
    from with_person
    left join workspace_accounts
        on with_person.workspace_id = workspace_accounts.workspace_id
    left join person_accounts
        on with_person.person_id = person_accounts.person_id
    left join taxonomy
        on with_person.event_name = taxonomy.event_name
)

select * from final
