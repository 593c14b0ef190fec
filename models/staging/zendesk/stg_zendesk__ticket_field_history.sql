with field_changes as (
    select * from {{ ref('base_zendesk__ticket_field_history') }}
    where row_disposition = 'staged'
),

final as (
    select
        ticket_id,
        changed_by_user_id,
        field_name,
        field_value,
        changed_at,
        synced_at
    from field_changes
)

select * from final
