with invoices as (
    select * from {{ ref('base_stripe__invoices') }}
    where row_disposition = 'staged'
),

final as (
    select
        invoice_id,
        customer_id,
        subscription_id,
        invoice_status,
        currency,
        amount_due_cents,
        amount_paid_cents,
        attempt_count,
        period_start_at,
        period_end_at,
        due_at,
        created_at,
        paid_at,
        voided_at,
        marked_uncollectible_at,
        synced_at
    from invoices
)

select * from final
