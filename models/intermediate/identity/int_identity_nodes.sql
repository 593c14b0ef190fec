{#-
    Every person-level identifier seen anywhere, once, with when it was first seen and
    whether it may link records: identifiers matching identity_exclusions (role and
    test addresses, known shared devices) and anonymous ids seen with more than
    `identity_max_users_per_device` user ids (a placeholder such as 'undefined' is
    nobody), or with more email addresses typed while logged out (shared devices), link
    nothing, counted over the staged rows and, once there are erasure requests, over
    the raw rows as the erasure scope counts them (int_shared_devices), so an erasure or
    a quarantined row cannot make the two disagree.
    `node_num` orders identifiers by first sighting; the earliest identifier of a person
    is its anchor and gives it its stable person_id.
-#}
with edges as (
    select * from {{ ref('int_identity_edges') }}
),

event_sightings as (
    select * from {{ ref('int_product_identifier_sightings') }}
),

pages as (
    select * from {{ ref('stg_segment__pages') }}
),

identifies as (
    select * from {{ ref('stg_segment__identifies') }}
),

group_calls as (
    select * from {{ ref('stg_segment__groups') }}
),

leads as (
    select * from {{ ref('stg_salesforce__leads') }}
),

contacts as (
    select * from {{ ref('stg_salesforce__contacts') }}
),

stripe_customers as (
    {{ optional_ref('stg_stripe__customers', 'lifecycle_using_stripe', {
        'customer_id': 'string', 'created_at': 'timestamp', 'synced_at': 'timestamp',
    }) }}
),

zendesk_users as (
    {{ optional_ref('stg_zendesk__users', 'lifecycle_using_zendesk', {
        'zendesk_user_id': 'string', 'created_at': 'timestamp', 'synced_at': 'timestamp',
    }) }}
),

exclusions as (
    select * from {{ ref('identity_exclusions') }}
),

raw_shared_devices as (
    select * from {{ ref('int_shared_devices') }}
),

edge_endpoints as (
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
),

{# every identifier, also those that no edge holds (a device seen alone, a user
    id seen only in a group call or an identify without email) #}
lone_identifiers as (
    {%- for relation, seen_at in [
        ('event_sightings', 'first_occurred_at'), ('pages', 'occurred_at'),
        ('identifies', 'occurred_at'), ('group_calls', 'occurred_at'),
    ] %}
    {%- for column in ['anonymous_id', 'user_id'] %}
    select
        '{{ column }}:' || {{ column }} as node_key,
        min({{ seen_at }}) as observed_at,
        cast(null as {{ dbt.type_timestamp() }}) as loaded_at
    from {{ relation }}
    where {{ column }} is not null
    group by {{ column }}
    union all
    {%- endfor %}
    {%- endfor %}
    select
        'salesforce_lead:' || lead_id as node_key,
        created_at as observed_at,
        synced_at as loaded_at
    from leads
    union all
    select
        'salesforce_contact:' || contact_id as node_key,
        created_at as observed_at,
        synced_at as loaded_at
    from contacts
    union all
    select
        'stripe_customer:' || customer_id as node_key,
        created_at as observed_at,
        synced_at as loaded_at
    from stripe_customers
    union all
    select
        'zendesk_user:' || zendesk_user_id as node_key,
        created_at as observed_at,
        synced_at as loaded_at
    from zendesk_users
),

observed as (
    select
        node_key,
        min(observed_at) as first_seen_at,
        min(loaded_at) as first_loaded_at
    from (
        select * from edge_endpoints
        union all
        select * from lone_identifiers
    ) as sightings
    group by node_key
),

with_email_parts as (
    select
        node_key,
        {{ node_key_parts(email_parts=true) }},
        first_seen_at,
        first_loaded_at
    from observed
),

excluded_by_rule as (
    {{- identifier_exclusion_reason('with_email_parts', 'exclusions') }}
),

device_people as (
    {#- the people seen on each device: the user ids it logged in as, and the email
        addresses typed on it while logged out; one that may link nothing (a placeholder
        such as 'undefined', a role address, text that is no address) is nobody #}
    select
        edges.left_node_key as node_key,
        people.identifier_type,
        edges.right_node_key as person_node_key
    from edges
    inner join with_email_parts as people
        on edges.right_node_key = people.node_key
    left join excluded_by_rule
        on people.node_key = excluded_by_rule.node_key
    where
        edges.left_node_key like 'anonymous_id:%'
        and people.identifier_type in ('email', 'user_id')
        and excluded_by_rule.node_key is null
),

users_per_device as (
    {#- people per device: its user ids or its logged-out emails, whichever are more #}
    select
        node_key,
        greatest(
            count(distinct case when identifier_type = 'user_id' then person_node_key end),
            count(distinct case when identifier_type = 'email' then person_node_key end)
        ) as linked_user_count
    from device_people
    group by node_key
),

final as (
    select
        nodes.node_key,
        nodes.identifier_type,
        nodes.identifier_value,
        nodes.email_domain,
        coalesce(
            excluded_by_rule.exclusion_reason,
            case
                when
                    users_per_device.linked_user_count
                    > {{ var('identity_max_users_per_device') }}
                    or raw_shared_devices.node_key is not null
                    then 'shared_device'
            end
        ) as exclusion_reason,
        greatest(
            coalesce(users_per_device.linked_user_count, 0),
            coalesce(raw_shared_devices.linked_user_count, 0)
        ) as linked_user_count,
        coalesce({{ is_internal_domain('nodes.email_domain') }}, false) as is_internal,
        nodes.first_seen_at,
        {{ node_num(alias='nodes') }} as node_num
    from with_email_parts as nodes
    left join excluded_by_rule
        on nodes.node_key = excluded_by_rule.node_key
    left join users_per_device
        on nodes.node_key = users_per_device.node_key
    left join raw_shared_devices
        on nodes.node_key = raw_shared_devices.node_key
)

select * from final
