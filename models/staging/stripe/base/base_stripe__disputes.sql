with source as (
    select * from {{ source('stripe', 'dispute') }}
),

renamed as (
    select
        cast({{ trimmed_or_null('id') }} as {{ dbt.type_string() }}) as dispute_id,
        cast({{ trimmed_or_null('charge_id') }} as {{ dbt.type_string() }}) as charge_id,
        reason as dispute_reason,
        lower({{ trimmed_or_null('status') }}) as dispute_status,
        lower({{ trimmed_or_null('currency') }}) as currency,
        cast(amount as {{ dbt.type_bigint() }}) as amount_cents,
        coalesce(cast(livemode as boolean), true) as is_livemode,
        {{ to_utc_timestamp('created') }} as created_at,
        {{ to_utc_timestamp('_fivetran_synced') }} as synced_at
    from source
),

validated as (
    select
        *,
        case
            when charge_id is null then 'missing_charge'
            when dispute_status is null then 'missing_status'
            when
                dispute_status not in (
                    'warning_needs_response', 'warning_under_review', 'warning_closed',
                    'needs_response', 'under_review', 'charge_refunded', 'won', 'lost', 'prevented'
                )
                then 'unknown_status'
        end as quarantine_reason,
        case when not is_livemode then 'test_mode' end as exclusion_reason
    from renamed
),

{{ triage_rows(
    'validated', key='dispute_id', keep_first_by='synced_at desc nulls last',
    source_name='stripe', source_table='dispute', loaded_at='synced_at'
) }}
