{#-
    Why identifiers were (or were not) merged: every edge touching a person or an
    account, with its source and evidence record. `is_merge_edge` edges joined two
    identifiers of the entity; the others were blocked by a guard rail
    (`blocked_reason`: role_address, shared_device, free_mail_domain, ...).
-#}
with identity_edges as (
    select * from {{ ref('int_identity_edges') }}
),

identity_nodes as (
    select * from {{ ref('int_identity_nodes') }}
),

person_identifiers as (
    select * from {{ ref('int_person_identifiers') }}
),

account_edges as (
    select * from {{ ref('int_account_edges') }}
),

account_nodes as (
    select * from {{ ref('int_account_nodes') }}
),

account_identifiers as (
    select * from {{ ref('int_account_identifiers') }}
),

{% for entity, edges, nodes, members, entity_id in [
    ('person', 'identity_edges', 'identity_nodes', 'person_identifiers', 'person_id'),
    ('account', 'account_edges', 'account_nodes', 'account_identifiers', 'account_id'),
] %}
{{ entity }}_edges_explained as (
    select
        '{{ entity }}' as entity_type,
        coalesce(left_member.{{ entity_id }}, right_member.{{ entity_id }}) as entity_id,
        edges.left_node_key,
        edges.right_node_key,
        edges.edge_source,
        edges.evidence_record_key,
        edges.observed_at,
        left_node.exclusion_reason is null and right_node.exclusion_reason is null
            as is_merge_edge,
        coalesce(left_node.exclusion_reason, right_node.exclusion_reason) as blocked_reason
    from {{ edges }} as edges
    inner join {{ nodes }} as left_node
        on edges.left_node_key = left_node.node_key
    inner join {{ nodes }} as right_node
        on edges.right_node_key = right_node.node_key
    left join {{ members }} as left_member
        on edges.left_node_key = left_member.node_key
    left join {{ members }} as right_member
        on edges.right_node_key = right_member.node_key
),
{% endfor %}

final as (
    select * from person_edges_explained
    where entity_id is not null
    union all
    select * from account_edges_explained
    where entity_id is not null
)

select * from final
