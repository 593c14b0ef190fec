{#- Each identity node's place in the anchor order, over all nodes of the graph: first
    sighting (an identifier only undated records hold, by when they were loaded: one
    loaded later never comes first, one loaded earlier stays first), then the more
    durable identifier type (identifier_type_priority), then the key. A cluster's
    first node is its anchor and gives it its stable id. `alias` qualifies the columns
    first_seen_at, first_loaded_at, identifier_type and node_key. -#}
{% macro node_num(graph='person', alias=none) -%}
    {%- set column = (alias ~ '.') if alias else '' -%}
    row_number() over (
        order by
            coalesce({{ column }}first_seen_at, {{ column }}first_loaded_at) asc nulls last,
            {{ identifier_type_priority(column ~ 'identifier_type', graph=graph) }},
            {{ column }}node_key asc
    )
{%- endmacro %}
