with source as (
    select * from {{ source('stripe', 'invoice') }}
),

renamed as (
    select
        cast({{ trimmed_or_null('id') }} as {{ dbt.type_string() }}) as invoice_id,
        cast({{ trimmed_or_null('customer_id') }} as {{ dbt.type_string() }}) as customer_id,
        cast({{ trimmed_or_null('subscription_id') }} as {{ dbt.type_string() }})
            as subscription_id,
        lower({{ trimmed_or_null('status') }}) as invoice_status,
        lower({{ trimmed_or_null('currency') }}) as currency,
        cast(amount_due as {{ dbt.type_bigint() }}) as amount_due_cents,
        cast(amount_paid as {{ dbt.type_bigint() }}) as amount_paid_cents,
        cast(attempt_count as {{ dbt.type_bigint() }}) as attempt_count,
        coalesce(cast(livemode as boolean), true) as is_livemode,
        coalesce(cast(is_deleted as boolean), false) as is_deleted,
        {{ to_utc_timestamp('period_start') }} as period_start_at,
        {{ to_utc_timestamp('period_end') }} as period_end_at,
        {{ to_utc_timestamp('due_date') }} as due_at,
        {{ to_utc_timestamp('created') }} as created_at,
        {{ to_utc_timestamp('status_transitions_paid_at') }} as paid_at,
        {{ to_utc_timestamp('status_transitions_voided_at') }} as voided_at,
        {{ to_utc_timestamp('status_transitions_marked_uncollectible_at') }}
            as marked_uncollectible_at,
        {{ to_utc_timestamp('_fivetran_synced') }} as synced_at
    from source
),

validated as (
    select
        *,
        case
            when customer_id is null then 'missing_customer'
            when amount_due_cents < 0 or amount_paid_cents < 0 then 'negative_amount'
            when invoice_status is null then 'missing_status'
            when
                invoice_status not in (
                    'draft', 'open', 'paid', 'uncollectible', 'void'
                )
                then 'unknown_status'
        end as quarantine_reason,
        case
            when is_deleted then 'soft_deleted'
            when not is_livemode then 'test_mode'
        end as exclusion_reason
    from renamed
),

{{ triage_rows(
    'validated', key='invoice_id', keep_first_by='synced_at desc nulls last',
    source_name='stripe', source_table='invoice', loaded_at='synced_at'
) }}
