with charges as (
    select * from {{ ref('base_stripe__charges') }}
    where row_disposition = 'staged'
),

final as (
    select
        charge_id,
        customer_id,
        invoice_id,
        charge_status,
        failure_code,
        currency,
        amount_cents,
        amount_refunded_cents,
        is_paid,
        created_at,
        synced_at
    from charges
)

select * from final
