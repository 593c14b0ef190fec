with disputes as (
    select * from {{ ref('base_stripe__disputes') }}
    where row_disposition = 'staged'
),

final as (
    select
        dispute_id,
        charge_id,
        dispute_reason,
        dispute_status,
        currency,
        amount_cents,
        created_at,
        synced_at
    from disputes
)

select * from final
