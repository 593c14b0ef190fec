with source as (
    select * from {{ source('stripe', 'subscription_item') }}
),

renamed as (
    select
        cast({{ trimmed_or_null('id') }} as {{ dbt.type_string() }}) as subscription_item_id,
        cast({{ trimmed_or_null('subscription_id') }} as {{ dbt.type_string() }})
            as subscription_id,
        cast({{ trimmed_or_null('plan_id') }} as {{ dbt.type_string() }}) as price_id,
        cast(quantity as {{ dbt.type_bigint() }}) as seat_quantity,
        {{ to_utc_timestamp('created') }} as created_at,
        {#- the subscription's current period, here for connections made since 2025-07-31 #}
        {{ to_utc_timestamp(optional_column(
            'stripe', 'subscription_item', 'current_period_end', dbt.type_timestamp()
        )) }} as current_period_end_at,
        {{ to_utc_timestamp('_fivetran_synced') }} as synced_at
    from source
),

validated as (
    select
        *,
        case
            when subscription_id is null then 'missing_subscription'
            when seat_quantity < 0 then 'negative_quantity'
            {#- the marts carry seats as 32-bit integers #}
            when seat_quantity > 2147483647 then 'quantity_out_of_range'
        end as quarantine_reason,
        cast(null as {{ dbt.type_string() }}) as exclusion_reason
    from renamed
),

{{ triage_rows(
    'validated', key='subscription_item_id', keep_first_by='synced_at desc nulls last',
    source_name='stripe', source_table='subscription_item', loaded_at='synced_at'
) }}
