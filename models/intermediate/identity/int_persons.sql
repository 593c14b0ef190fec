{#-
    One row per person: a connected cluster of identifiers. `person_id` is a hash of the
    cluster's earliest-seen identifier (its anchor), so it is the same on every full
    refresh and does not change when a new identifier joins an existing person.
    Clusters made only of Stripe customer ids are billing entities, not people, and are
    left out.
-#}
with components as (
    select * from {{ ref('int_identity_components') }}
),

nodes as (
    select * from {{ ref('int_identity_nodes') }}
),

members as (
    select
        components.component_num,
        nodes.node_num,
        nodes.node_key,
        nodes.identifier_type,
        nodes.identifier_value,
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
        count(case when identifier_type = 'anonymous_id' then 1 end) as anonymous_id_count,
        count(case when identifier_type = 'user_id' then 1 end) as user_id_count,
        count(case when identifier_type = 'email' then 1 end) as email_count,
        count(case when identifier_type in ('salesforce_lead', 'salesforce_contact') then 1 end)
            as crm_record_count,
        count(case when identifier_type != 'stripe_customer' then 1 end) as person_identifier_count,
        {{ earliest_identifier('email') }} as primary_email,
        {{ earliest_identifier('user_id') }} as primary_user_id,
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
        {{ dbt.hash('anchors.anchor_node_key') }} as person_id,
        anchors.anchor_node_key,
        clusters.primary_email,
        clusters.primary_user_id,
        clusters.component_num,
        clusters.identifier_count,
        clusters.anonymous_id_count,
        clusters.user_id_count,
        clusters.email_count,
        clusters.crm_record_count,
        clusters.is_internal,
        clusters.email_count > 0 or clusters.crm_record_count > 0 as is_known_contact,
        clusters.email_count > {{ var('identity_review_max_emails') }}
        or clusters.user_id_count > {{ var('identity_review_max_user_ids') }} as needs_review,
        clusters.first_seen_at
    from clusters
    inner join anchors
        on clusters.component_num = anchors.component_num
    where clusters.person_identifier_count > 0
)

select * from final
