with organizations as (
    select * from {{ ref('base_zendesk__organizations') }}
    where row_disposition = 'staged'
),

final as (
    select
        organization_id,
        external_id,
        organization_name,
        created_at,
        updated_at,
        synced_at
    from organizations
)

select * from final
