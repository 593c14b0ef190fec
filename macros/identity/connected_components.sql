{#-
    Connected components of an undirected graph, to convergence, in plain SQL.

    Emits CTE definitions (to splice into a WITH list) ending in `<prefix>_components`
    (node_num, component_num), where component_num is the smallest node_num of the
    node's component. Inputs: `nodes` with an integer `node_num`; `edges` with integer
    `left_num`, `right_num` (both directions are implied).

    Algorithm: FastSV (Zhang, Azad & Hu, 2020), a Shiloach-Vishkin variant. Every node
    keeps a parent pointer, initially itself. Each round, with gp = parent of parent:
      - shortcut:          parent(v) <- min(parent(v), gp(v))
      - aggressive hook:   parent(v) <- min over neighbours u of gp(u)
      - stochastic hook:   parent(parent(v)) <- min over neighbours u of gp(u)
    Pointers only ever move to smaller nodes of the same component, and the longest
    unresolved chain at least halves each round, so `max_iterations` rounds resolve
    chains of 2^max_iterations nodes.

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
{{ prefix }}_directed_edges as {{ cte_materialized() }} (
    select left_num as node_num, right_num as neighbor_num from {{ edges }}
    union all
    select right_num as node_num, left_num as neighbor_num from {{ edges }}
),

{{ prefix }}_parent_0 as {{ cte_materialized() }} (
    select
        node_num,
        node_num as parent_num,
        true as is_changed
    from {{ nodes }}
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

{{ prefix }}_hook_{{ i }} as {{ cte_materialized() }} (
    select
        edges.node_num,
        min(neighbor.grandparent_num) as min_neighbor_grandparent_num
    from {{ prefix }}_directed_edges as edges
    inner join {{ prefix }}_grandparent_{{ i }} as neighbor
        on edges.neighbor_num = neighbor.node_num
    group by edges.node_num
),

{{ prefix }}_parent_{{ i + 1 }} as {{ cte_materialized() }} (
    select
        node_num,
        min(candidate_num) as parent_num,
        min(candidate_num) < min(previous_parent_num) as is_changed
    from (
        select node_num, parent_num as candidate_num, parent_num as previous_parent_num
        from {{ prefix }}_grandparent_{{ i }}
        union all
        select node_num, grandparent_num as candidate_num, null as previous_parent_num
        from {{ prefix }}_grandparent_{{ i }}
        union all
        select node_num, min_neighbor_grandparent_num as candidate_num, null as previous_parent_num
        from {{ prefix }}_hook_{{ i }}
        union all
        select
            node.parent_num as node_num,
            hook.min_neighbor_grandparent_num as candidate_num,
            null as previous_parent_num
        from {{ prefix }}_grandparent_{{ i }} as node
        inner join {{ prefix }}_hook_{{ i }} as hook
            on node.node_num = hook.node_num
    ) as candidates
    group by node_num
),
{% endfor %}
{{ prefix }}_components as (
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
)
{%- endmacro %}
