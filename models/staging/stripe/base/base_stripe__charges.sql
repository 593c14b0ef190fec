with source as (
    select * from {{ source('stripe', 'charge') }}
),

renamed as (
    select
        cast({{ trimmed_or_null('id') }} as {{ dbt.type_string() }}) as charge_id,
        cast({{ trimmed_or_null('customer_id') }} as {{ dbt.type_string() }}) as customer_id,
        cast({{ trimmed_or_null('invoice_id') }} as {{ dbt.type_string() }}) as invoice_id,
        lower({{ trimmed_or_null('status') }}) as charge_status,
        failure_code,
        lower({{ trimmed_or_null('currency') }}) as currency,
        cast(amount as {{ dbt.type_bigint() }}) as amount_cents,
        cast(amount_refunded as {{ dbt.type_bigint() }}) as amount_refunded_cents,
        coalesce(cast(paid as boolean), false) as is_paid,
        coalesce(cast(livemode as boolean), true) as is_livemode,
        {{ to_utc_timestamp('created') }} as created_at,
        {{ to_utc_timestamp('_fivetran_synced') }} as synced_at
    from source
),

validated as (
    select
        *,
        case
            {#- nothing reads a charge's amount: only a negative one is wrong, and a
                failed payment without one still counts #}
            when amount_cents < 0 then 'invalid_amount'
            when charge_status is null then 'missing_status'
            when
                charge_status not in (
                    'succeeded', 'pending', 'failed'
                )
                then 'unknown_status'
        end as quarantine_reason,
        case when not is_livemode then 'test_mode' end as exclusion_reason
    from renamed
),

{{ triage_rows(
    'validated', key='charge_id', keep_first_by='synced_at desc nulls last',
    source_name='stripe', source_table='charge', loaded_at='synced_at'
) }}
