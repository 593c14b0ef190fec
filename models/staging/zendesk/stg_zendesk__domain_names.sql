with domain_names as (
    select * from {{ ref('base_zendesk__domain_names') }}
    where row_disposition = 'staged'
),

final as (
    select
        organization_id,
        domain_position,
        domain_name,
        synced_at
    from domain_names
)

select * from final
