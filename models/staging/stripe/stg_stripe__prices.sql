with prices as (
    select * from {{ ref('base_stripe__prices') }}
    where row_disposition = 'staged'
),

final as (
    select
        price_id,
        product_id,
        price_name,
        currency,
        recurring_interval,
        recurring_interval_count,
        unit_amount_cents,
        is_active,
        created_at,
        synced_at
    from prices
)

select * from final
