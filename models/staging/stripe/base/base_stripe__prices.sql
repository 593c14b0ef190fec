with source as (
    select * from {{ source('stripe', 'price') }}
),

renamed as (
    select
        cast({{ trimmed_or_null('id') }} as {{ dbt.type_string() }}) as price_id,
        cast(product_id as {{ dbt.type_string() }}) as product_id,
        {{ trimmed_or_null('nickname') }} as price_name,
        lower({{ trimmed_or_null('currency') }}) as currency,
        lower({{ trim_whitespace('recurring_interval') }}) as recurring_interval,
        cast(recurring_interval_count as {{ dbt.type_bigint() }}) as recurring_interval_count,
        cast(unit_amount as {{ dbt.type_bigint() }}) as unit_amount_cents,
        coalesce(cast(active as boolean), true) as is_active,
        coalesce(cast(livemode as boolean), true) as is_livemode,
        {{ to_utc_timestamp('created') }} as created_at,
        {{ to_utc_timestamp('_fivetran_synced') }} as synced_at
    from source
),

validated as (
    select
        *,
        case
            when unit_amount_cents < 0 then 'negative_amount'
            when recurring_interval not in ('day', 'week', 'month', 'year')
                then 'unknown_recurring_interval'
            when recurring_interval_count < 1 then 'invalid_recurring_interval_count'
        end as quarantine_reason,
        case when not is_livemode then 'test_mode' end as exclusion_reason
    from renamed
),

{{ triage_rows(
    'validated', key='price_id', keep_first_by='synced_at desc nulls last',
    source_name='stripe', source_table='price', loaded_at='synced_at'
) }}
