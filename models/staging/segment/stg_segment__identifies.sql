with identifies as (
    select * from {{ ref('base_segment__identifies') }}
    where row_disposition = 'staged'
),

final as (
    select
        message_id,
        anonymous_id,
        user_id,
        email,
        full_name,
        occurred_at,
        received_at
    from identifies
)

select * from final
