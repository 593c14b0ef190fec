{#- Connected components of the account graph (same algorithm as persons). -#}
with nodes as (
    select * from {{ ref('int_account_nodes') }}
),

edges as (
    select * from {{ ref('int_account_edges') }}
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

{{ connected_components('account_graph', 'linkable_nodes', 'linking_edges',
                        var('identity_max_iterations')) }},

final as (
    select
        nodes.node_key,
        nodes.node_num,
        account_graph_components.component_num
    from account_graph_components
    inner join nodes
        on account_graph_components.node_num = nodes.node_num
)

select * from final
