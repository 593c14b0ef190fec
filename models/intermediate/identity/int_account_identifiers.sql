{#- Identifier -> account lookup: join any record to its account through one of its
    account identifiers (node_key = '<identifier_type>:<value>'). -#}
with components as (
    select * from {{ ref('int_account_components') }}
),

nodes as (
    select * from {{ ref('int_account_nodes') }}
),

accounts as (
    select * from {{ ref('int_accounts') }}
),

final as (
    select
        nodes.node_key,
        nodes.identifier_type,
        nodes.identifier_value,
        accounts.account_id,
        nodes.first_seen_at
    from components
    inner join nodes
        on components.node_num = nodes.node_num
    inner join accounts
        on components.component_num = accounts.component_num
)

select * from final
