{#- Connected components of the person graph: identifiers that may link, joined by
    every edge between two such identifiers, resolved to convergence in this one model
    (see the connected_components macro). -#}
with nodes as (
    select * from {{ ref('int_identity_nodes') }}
),

edges as (
    select * from {{ ref('int_identity_edges') }}
),

linkable_nodes as (
    select node_num from nodes
    where exclusion_reason is null
),

linking_edges as (
    select distinct
        left_node.node_num as left_num,
        right_node.node_num as right_num
    from edges
    inner join nodes as left_node
        on edges.left_node_key = left_node.node_key
    inner join nodes as right_node
        on edges.right_node_key = right_node.node_key
    where left_node.exclusion_reason is null and right_node.exclusion_reason is null
),

{{ connected_components('person_graph', 'linkable_nodes', 'linking_edges',
                        var('identity_max_iterations')) }},

final as (
    select
        nodes.node_key,
        nodes.node_num,
        person_graph_components.component_num
    from person_graph_components
    inner join nodes
        on person_graph_components.node_num = nodes.node_num
)

select * from final
