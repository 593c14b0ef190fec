with subscription_items as (
    select * from {{ ref('base_stripe__subscription_items') }}
    where row_disposition = 'staged'
),

final as (
    select
        subscription_item_id,
        subscription_id,
        price_id,
        seat_quantity,
        created_at,
        current_period_end_at,
        synced_at
    from subscription_items
)

select * from final
