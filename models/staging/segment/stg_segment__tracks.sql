with tracks as (
    select * from {{ ref('base_segment__tracks') }}
    where row_disposition = 'staged'
),

final as (
    select
        message_id,
        anonymous_id,
        user_id,
        workspace_id,
        event_name,
        occurred_at,
        received_at,
        loaded_at,
        loaded_date
    from tracks
)

select * from final
