with subscription_versions as (
    select * from {{ ref('base_stripe__subscription_history') }}
    where row_disposition = 'staged'
),

final as (
    select
        subscription_id,
        customer_id,
        subscription_status,
        seat_quantity,
        is_cancel_at_period_end,
        is_current_version,
        started_at,
        current_period_start_at,
        current_period_end_at,
        canceled_at,
        ended_at,
        trial_started_at,
        trial_ended_at,
        created_at,
        valid_from,
        valid_to,
        synced_at
    from subscription_versions
)

select * from final
