with tickets as (
    select * from {{ ref('base_zendesk__tickets') }}
    where row_disposition = 'staged'
),

final as (
    select
        ticket_id,
        requester_user_id,
        organization_id,
        ticket_status,
        priority,
        ticket_type,
        subject,
        via_channel,
        created_at,
        updated_at,
        synced_at
    from tickets
)

select * from final
