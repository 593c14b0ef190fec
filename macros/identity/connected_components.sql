{#-
    Connected components of an undirected graph, to convergence, in plain SQL.

    Emits CTE definitions (to splice into a WITH list) ending in `<prefix>_components`
    (node_num, component_num), where component_num is the smallest node_num of the
    node's component. Inputs: `nodes` with an integer `node_num`; `edges` with integer
    `left_num`, `right_num` (both directions are implied).

    Leaves first: a node with one edge end (an anonymous id seen with one user, an
    email on one CRM contact: about half of an identity graph) belongs to its only
    neighbour's component, so the rounds run on the core (nodes with two or more edge
    ends, and the edges between them). Afterwards each leaf takes its neighbour's
    component (or, for a lone edge between two leaves, the smaller of the two), and a
    component whose smallest node is a leaf is renumbered to it. Nodes without edges
    are components of their own.

    Algorithm on the core: FastSV (Zhang, Azad & Hu, 2020), a Shiloach-Vishkin
    variant. Every node keeps a parent pointer, initially itself. Each round, with
    gp = parent of parent and m(v) = min(gp(v), min over neighbours u of gp(u)):
      - shortcut and aggressive hook:   parent(v) <- m(v)
      - stochastic hook:                parent(parent(v)) <- m(v)
    (each takes the smallest candidate it is offered). Pointers only ever move to
    smaller nodes of the same component, and the longest unresolved chain at least
    halves each round, so `max_iterations` rounds resolve chains of 2^max_iterations
    nodes.

    Early stop: a round runs only while the previous one moved a pointer. Once a round
    moves none, every later round reads no rows (its `<prefix>_active_<i>` row is false),
    so the cost is that of the rounds the graph needs (4 on the demo's identity graph),
    not of max_iterations. The result is the first round that moved nothing, or the
    last round if every round moved something. Whether it converged is checked by a
    test on the model using it (every edge inside one component, every node pointing at
    a root), never assumed.
-#}
{% macro connected_components(prefix, nodes, edges, max_iterations) %}
{%- set rounds = max_iterations | int %}
{#- every node with the number of edge ends it has (0 for a node without edges) #}
{{ prefix }}_degrees as {{ cte_materialized() }} (
    select
        node_num,
        count(edge_end) as degree
    from (
        select node_num, null as edge_end from {{ nodes }}
        union all
        select left_num as node_num, 1 as edge_end from {{ edges }}
        union all
        select right_num as node_num, 1 as edge_end from {{ edges }}
    ) as node_ends
    group by node_num
),

{#- every edge, each end marked when it is a leaf #}
{{ prefix }}_edges_by_kind as {{ cte_materialized() }} (
    select
        edges.left_num,
        edges.right_num,
        left_end.degree = 1 as is_left_leaf,
        right_end.degree = 1 as is_right_leaf
    from {{ edges }} as edges
    inner join {{ prefix }}_degrees as left_end
        on edges.left_num = left_end.node_num
    inner join {{ prefix }}_degrees as right_end
        on edges.right_num = right_end.node_num
),

{{ prefix }}_directed_edges as {{ cte_materialized() }} (
    select left_num as node_num, right_num as neighbor_num
    from {{ prefix }}_edges_by_kind
    where not is_left_leaf and not is_right_leaf
    union all
    select right_num as node_num, left_num as neighbor_num
    from {{ prefix }}_edges_by_kind
    where not is_left_leaf and not is_right_leaf
),

{{ prefix }}_parent_0 as {{ cte_materialized() }} (
    select
        node_num,
        node_num as parent_num,
        true as is_changed
    from {{ prefix }}_degrees
    where degree > 1
),
{% for i in range(rounds) %}
{{ prefix }}_active_{{ i }} as {{ cte_materialized() }} (
    select count(*) > 0 as is_active
    from (
        select 1 as moved
        from {{ prefix }}_parent_{{ i }}
        where is_changed
        limit 1
    ) as moved_pointers
),

{{ prefix }}_grandparent_{{ i }} as {{ cte_materialized() }} (
    select
        child.node_num,
        child.parent_num,
        parent.parent_num as grandparent_num
    from {{ prefix }}_parent_{{ i }} as child
    inner join {{ prefix }}_parent_{{ i }} as parent
        on child.parent_num = parent.node_num
    cross join {{ prefix }}_active_{{ i }} as round_state
    where round_state.is_active
),

{#- per node: its grandparent and its neighbours' grandparents, the smallest of them #}
{{ prefix }}_hook_{{ i }} as {{ cte_materialized() }} (
    select
        node_num,
        max(parent_num) as parent_num,
        min(candidate_num) as min_candidate_num
    from (
        select node_num, parent_num, grandparent_num as candidate_num
        from {{ prefix }}_grandparent_{{ i }}
        union all
        select
            edges.node_num,
            null as parent_num,
            neighbor.grandparent_num as candidate_num
        from {{ prefix }}_directed_edges as edges
        inner join {{ prefix }}_grandparent_{{ i }} as neighbor
            on edges.neighbor_num = neighbor.node_num
    ) as candidates
    group by node_num
),

{#- the node takes that smallest candidate (shortcut and aggressive hook), and so does
    its parent (stochastic hook) #}
{{ prefix }}_parent_{{ i + 1 }} as {{ cte_materialized() }} (
    select
        node_num,
        min(candidate_num) as parent_num,
        min(candidate_num) < min(previous_parent_num) as is_changed
    from (
        select node_num, min_candidate_num as candidate_num, parent_num as previous_parent_num
        from {{ prefix }}_hook_{{ i }}
        union all
        select parent_num as node_num, min_candidate_num as candidate_num, null as previous_parent_num
        from {{ prefix }}_hook_{{ i }}
    ) as candidates
    group by node_num
),
{% endfor %}
{{ prefix }}_core_components as (
    {%- for j in range(1, rounds) %}
    {#- round j's pointers when it moved none (_active_j is false; it is then the first
        such round: the rounds after it are empty) #}
    select
        parent.node_num,
        parent.parent_num as component_num
    from {{ prefix }}_parent_{{ j }} as parent
    cross join {{ prefix }}_active_{{ j }} as round_state
    where not round_state.is_active
    union all
    {%- endfor %}
    select
        node_num,
        parent_num as component_num
    from {{ prefix }}_parent_{{ rounds }}
),

{#- each leaf with its only neighbour: a core node, or the other leaf of a lone edge #}
{{ prefix }}_leaf_links as (
    select left_num as leaf_num, right_num as neighbor_num, is_right_leaf as is_pair
    from {{ prefix }}_edges_by_kind
    where is_left_leaf
    union all
    select right_num as leaf_num, left_num as neighbor_num, is_left_leaf as is_pair
    from {{ prefix }}_edges_by_kind
    where is_right_leaf
),

{{ prefix }}_leaf_components as {{ cte_materialized() }} (
    select
        links.leaf_num as node_num,
        case
            when links.is_pair then least(links.leaf_num, links.neighbor_num)
            else core.component_num
        end as component_num
    from {{ prefix }}_leaf_links as links
    left join {{ prefix }}_core_components as core
        on links.neighbor_num = core.node_num
),

{#- a core component's number is its smallest core node; a leaf may be smaller #}
{{ prefix }}_smallest_leaves as (
    select
        component_num,
        min(node_num) as smallest_leaf_num
    from {{ prefix }}_leaf_components
    group by component_num
),

{{ prefix }}_components as (
    select
        linked.node_num,
        least(linked.component_num, coalesce(leaves.smallest_leaf_num, linked.component_num))
            as component_num
    from (
        select node_num, component_num from {{ prefix }}_core_components
        union all
        select node_num, component_num from {{ prefix }}_leaf_components
    ) as linked
    left join {{ prefix }}_smallest_leaves as leaves
        on linked.component_num = leaves.component_num
    union all
    {#- nodes without edges are components of their own #}
    select
        node_num,
        node_num as component_num
    from {{ prefix }}_degrees
    where degree = 0
)
{%- endmacro %}
