{#-
    Fails when connected components did not converge within identity_max_iterations
    rounds: an edge between two linkable identifiers joins different components, or an
    identifier points at a component root that is not its own root. Raise the
    identity_max_iterations var if this ever fails; never accept partial results.
-#}
{% for graph in ['identity', 'account'] %}
{%- set nodes = ref('int_' ~ graph ~ '_nodes') -%}
{%- set edges = ref('int_' ~ graph ~ '_edges') -%}
{%- set components = ref('int_' ~ graph ~ '_components') %}
select
    '{{ graph }}' as graph,
    'edge joins two components' as problem,
    edges.left_node_key as node_key,
    left_component.component_num,
    right_component.component_num as other_component_num
from {{ edges }} as edges
inner join {{ nodes }} as left_node
    on edges.left_node_key = left_node.node_key
inner join {{ nodes }} as right_node
    on edges.right_node_key = right_node.node_key
inner join {{ components }} as left_component
    on left_node.node_num = left_component.node_num
inner join {{ components }} as right_component
    on right_node.node_num = right_component.node_num
where left_node.exclusion_reason is null
    and right_node.exclusion_reason is null
    and left_component.component_num != right_component.component_num

union all

select
    '{{ graph }}' as graph,
    'component root is not a root' as problem,
    member.node_key,
    member.component_num,
    root.component_num as other_component_num
from {{ components }} as member
inner join {{ components }} as root
    on member.component_num = root.node_num
where root.component_num != root.node_num
{% if not loop.last %}union all{% endif %}
{% endfor %}
