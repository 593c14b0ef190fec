{#-
    Connected components of an undirected graph, to convergence, in plain SQL.

    Emits CTE definitions (to splice into a WITH list) ending in `<prefix>_components`
    (node_num, component_num), where component_num is the smallest node_num of the
    node's component. Inputs: `nodes` with an integer `node_num`; `edges` with integer
    `left_num`, `right_num` (both directions are implied). A node found only in `edges`
    is a node too.

    Three steps, each a few passes over the whole graph, then rounds on what is left:
      1. Hook: every node points at the smallest of itself and its neighbours. The
         pointers form trees inside the components, each rooted at a node smaller than
         its neighbours; a component's smallest node is a root.
      2. Jump twice: each node takes its pointer's pointer, twice, so it points at an
         ancestor up to four steps up its tree (in identity graphs, nearly always the
         root).
      3. Contract: only the edges whose two ends now point at different nodes go on,
         as edges between those two nodes. Every node points into its own component,
         so this contracted graph joins the nodes pointed at as the whole graph does,
         and each component's smallest node is among them (it points at itself). A
         node takes the component its pointer has in the contracted graph; a pointer
         without a contracted edge is its component's smallest node. On the identity
         graph of a 10M-event world, 434k edges contract to a few dozen.

    Algorithm on the contracted graph: FastSV (Zhang, Azad & Hu, 2020), a
    Shiloach-Vishkin variant. Every node keeps a parent pointer, initially the smallest
    of itself and its neighbours. Each round, with gp = parent of parent and
    m(v) = min(gp(v), min over neighbours u of gp(u)):
      - shortcut and aggressive hook:   parent(v) <- m(v)
      - stochastic hook:                parent(parent(v)) <- m(v)
    (each takes the smallest candidate it is offered). Pointers only ever move to
    smaller nodes of the same component, and the longest unresolved chain at least
    halves each round, so `max_iterations` rounds resolve chains of 2^max_iterations
    nodes.

    Early stop: a round runs only while the previous one moved a pointer. Once a round
    moves none, every later round reads no rows (its `<prefix>_active_<i>` row is false),
    so the cost is that of the rounds the contracted graph needs, not of max_iterations.
    The result is the first round that moved nothing, or the last round if every round
    moved something. Whether it converged is checked by a test on the model using it
    (every edge inside one component, every node pointing at a root), never assumed.
-#}
{% macro connected_components(prefix, nodes, edges, max_iterations) %}
{%- set rounds = max_iterations | int %}
{#- 1. every node (with or without edges) points at the smallest of itself and its
    neighbours #}
{{ prefix }}_hooks as {{ cte_materialized() }} (
    select
        node_num,
        min(candidate_num) as pointer_num
    from (
        select node_num, node_num as candidate_num from {{ nodes }}
        union all
        select left_num as node_num, right_num as candidate_num from {{ edges }}
        union all
        select right_num as node_num, left_num as candidate_num from {{ edges }}
    ) as candidates
    group by node_num
),

{#- 2. the pointer's pointer, twice #}
{% for pointers, jumped in [('hooks', 'first_jumps'), ('first_jumps', 'jumps')] %}
{{ prefix }}_{{ jumped }} as {{ cte_materialized() }} (
    select
        node.node_num,
        pointed.pointer_num
    from {{ prefix }}_{{ pointers }} as node
    inner join {{ prefix }}_{{ pointers }} as pointed
        on node.pointer_num = pointed.node_num
),
{% endfor %}

{#- 3. the edges between different nodes pointed at, in both directions #}
{{ prefix }}_contracted_edges as {{ cte_materialized() }} (
    select
        left_end.pointer_num as left_num,
        right_end.pointer_num as right_num
    from {{ edges }} as edges
    inner join {{ prefix }}_jumps as left_end
        on edges.left_num = left_end.node_num
    inner join {{ prefix }}_jumps as right_end
        on edges.right_num = right_end.node_num
    where left_end.pointer_num != right_end.pointer_num
),

{{ prefix }}_directed_edges as {{ cte_materialized() }} (
    select left_num as node_num, right_num as neighbor_num
    from {{ prefix }}_contracted_edges
    union all
    select right_num as node_num, left_num as neighbor_num
    from {{ prefix }}_contracted_edges
),

{#- FastSV's first round: every pointer starts at its own node, so the node's
    grandparent and its neighbours' are themselves, and both hooks give it the smallest
    of it and its neighbours #}
{{ prefix }}_parent_1 as {{ cte_materialized() }} (
    select
        node_num,
        least(node_num, min(neighbor_num)) as parent_num,
        min(neighbor_num) < node_num as is_changed
    from {{ prefix }}_directed_edges
    group by node_num
),
{% for i in range(1, rounds) %}
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
{{ prefix }}_contracted_components as (
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

{#- every node takes the component of the node it points at #}
{{ prefix }}_components as (
    select
        jumps.node_num,
        coalesce(contracted.component_num, jumps.pointer_num) as component_num
    from {{ prefix }}_jumps as jumps
    left join {{ prefix }}_contracted_components as contracted
        on jumps.pointer_num = contracted.node_num
)
{%- endmacro %}
