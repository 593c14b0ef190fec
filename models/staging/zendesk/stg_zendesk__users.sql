with users as (
    select * from {{ ref('base_zendesk__users') }}
    where row_disposition = 'staged'
),

final as (
    select
        zendesk_user_id,
        organization_id,
        external_id,
        email,
        user_name,
        user_role,
        is_active,
        created_at,
        updated_at,
        synced_at
    from users
)

select * from final
