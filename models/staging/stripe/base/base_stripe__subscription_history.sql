{%- set raw_cancel_at = optional_column(
    'stripe', 'subscription_history', 'cancel_at', dbt.type_timestamp()
) %}
{%- set is_cancel_at_period_end = 'coalesce(cast(cancel_at_period_end as boolean), false)' %}

with source as (
    select * from {{ source('stripe', 'subscription_history') }}
),

renamed as (
    select
        cast({{ trimmed_or_null('id') }} as {{ dbt.type_string() }}) as subscription_id,
        cast({{ trimmed_or_null('customer_id') }} as {{ dbt.type_string() }}) as customer_id,
        lower({{ trimmed_or_null('status') }}) as subscription_status,
        cast(quantity as {{ dbt.type_bigint() }}) as seat_quantity,
        {#- at the period end, or for a set date (cancel_at) -#}
        {{ is_cancel_at_period_end }} or {{ raw_cancel_at }} is not null
            as is_cancellation_scheduled,
        {#- a set date only: Stripe also fills cancel_at with the period end when the
            cancellation is at the period end, which counts at once -#}
        case
            when not {{ is_cancel_at_period_end }} then {{ to_utc_timestamp(raw_cancel_at) }}
        end as cancel_at,
        coalesce(cast(livemode as boolean), true) as is_livemode,
        coalesce(cast(_fivetran_active as boolean), false) as is_current_version,
        {{ to_utc_timestamp('start_date') }} as started_at,
        {#- on the items instead for connections made since 2025-07-31 #}
        {{ to_utc_timestamp(optional_column(
            'stripe', 'subscription_history', 'current_period_start', dbt.type_timestamp()
        )) }} as current_period_start_at,
        {{ to_utc_timestamp(optional_column(
            'stripe', 'subscription_history', 'current_period_end', dbt.type_timestamp()
        )) }} as current_period_end_at,
        {{ to_utc_timestamp('canceled_at') }} as canceled_at,
        {{ to_utc_timestamp('ended_at') }} as ended_at,
        {{ to_utc_timestamp('trial_start') }} as trial_started_at,
        {{ to_utc_timestamp('trial_end') }} as trial_ended_at,
        {{ to_utc_timestamp('created') }} as created_at,
        {{ to_utc_timestamp('_fivetran_start') }} as valid_from,
        -- Fivetran marks the open version with 9999-12-31; null reads better downstream.
        case
            when _fivetran_end < cast('9999-01-01' as {{ dbt.type_timestamp() }})
                then {{ to_utc_timestamp('_fivetran_end') }}
        end as valid_to,
        {{ to_utc_timestamp('_fivetran_synced') }} as synced_at
    from source
),

validated as (
    select
        *,
        case
            when customer_id is null then 'missing_customer'
            when seat_quantity < 0 then 'negative_quantity'
            {#- the marts carry seats as 32-bit integers #}
            when seat_quantity > 2147483647 then 'quantity_out_of_range'
            when subscription_status is null then 'missing_status'
            when
                subscription_status not in (
                    'trialing', 'active', 'past_due', 'unpaid', 'canceled', 'incomplete',
                    'incomplete_expired', 'paused'
                )
                then 'unknown_status'
        end as quarantine_reason,
        case when not is_livemode then 'test_mode' end as exclusion_reason
    from renamed
),

{{ triage_rows(
    'validated', key=['subscription_id', 'valid_from'], keep_first_by='synced_at desc nulls last',
    source_name='stripe', source_table='subscription_history', loaded_at='synced_at'
) }}
