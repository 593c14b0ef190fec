with subscription_versions as (
    select
        *,
        lead(valid_from) over (partition by subscription_id order by valid_from)
            as next_valid_from
    from {{ ref('base_stripe__subscription_history') }}
    where row_disposition = 'staged'
),

final as (
    select
        subscription_id,
        customer_id,
        subscription_status,
        seat_quantity,
        is_cancellation_scheduled,
        cancel_at,
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
        {#- a version ends no later than the next one starts: versions Fivetran left
            overlapping (an end it did not write) never count twice -#}
        case
            when next_valid_from is null then valid_to
            when valid_to is null or valid_to > next_valid_from then next_valid_from
            else valid_to
        end as valid_to,
        synced_at
    from subscription_versions
)

select * from final
