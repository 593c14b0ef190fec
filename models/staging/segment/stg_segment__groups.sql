with groups as (
    select * from {{ ref('base_segment__groups') }}
    where row_disposition = 'staged'
),

final as (
    select
        message_id,
        anonymous_id,
        user_id,
        workspace_id,
        workspace_name,
        occurred_at,
        received_at
    from groups
)

select * from final
