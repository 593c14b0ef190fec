{#- Identifier -> person lookup: join any record to its person through one of its
    identifiers (node_key = '<identifier_type>:<value>'). Excluded identifiers (role
    addresses, shared devices, ...) belong to no person and are absent. -#}
with components as (
    select * from {{ ref('int_identity_components') }}
),

nodes as (
    select * from {{ ref('int_identity_nodes') }}
),

persons as (
    select * from {{ ref('int_persons') }}
),

final as (
    select
        nodes.node_key,
        nodes.identifier_type,
        nodes.identifier_value,
        persons.person_id,
        nodes.node_num,
        nodes.first_seen_at
    from components
    inner join nodes
        on components.node_num = nodes.node_num
    inner join persons
        on components.component_num = persons.component_num
)

select * from final
