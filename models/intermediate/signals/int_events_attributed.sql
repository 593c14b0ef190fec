{#-
    Every staged product event with the person and account it belongs to and what it
    means (event_taxonomy). The account is the event's workspace when it has one,
    otherwise the account of the person who did it.
-#}
with tracks as (
    select * from {{ ref('stg_segment__tracks') }}
),

taxonomy as (
    select * from {{ ref('event_taxonomy') }}
),

person_identifiers as (
    select * from {{ ref('int_person_identifiers') }}
),

account_identifiers as (
    select * from {{ ref('int_account_identifiers') }}
),

person_accounts as (
    select * from {{ ref('int_person_accounts') }}
),

events_with_person as (
    select
        tracks.message_id,
        tracks.user_id,
        tracks.anonymous_id,
        tracks.workspace_id,
        tracks.event_name,
        tracks.occurred_at,
        tracks.received_at,
        coalesce(user_person.person_id, device_person.person_id) as person_id
    from tracks
    left join person_identifiers as user_person
        on user_person.node_key = 'user_id:' || tracks.user_id
    left join person_identifiers as device_person
        on device_person.node_key = 'anonymous_id:' || tracks.anonymous_id
),

final as (
    select
        events_with_person.message_id,
        events_with_person.person_id,
        events_with_person.user_id,
        events_with_person.anonymous_id,
        events_with_person.workspace_id,
        events_with_person.event_name,
        cast(events_with_person.occurred_at as date) as event_date,
        events_with_person.occurred_at,
        events_with_person.received_at,
        coalesce(workspace_account.account_id, person_accounts.account_id) as account_id,
        coalesce(taxonomy.is_core, false) as is_core,
        coalesce(taxonomy.is_activation, false) as is_activation,
        coalesce(taxonomy.is_gated_feature, false) as is_gated_feature,
        coalesce(taxonomy.is_hand_raise, false) as is_hand_raise,
        coalesce(taxonomy.is_signup, false) as is_signup
    from events_with_person
    left join account_identifiers as workspace_account
        on workspace_account.node_key = 'workspace:' || events_with_person.workspace_id
    left join person_accounts
        on events_with_person.person_id = person_accounts.person_id
    left join taxonomy
        on events_with_person.event_name = taxonomy.event_name
)

select * from final
