with source as (
    select * from {{ source('stripe', 'customer') }}
),

renamed as (
    select
        cast({{ trimmed_or_null('id') }} as {{ dbt.type_string() }}) as customer_id,
        cast(
            {{ trimmed_or_null(json_text('metadata', 'workspace_id')) }} as {{ dbt.type_string() }}
        ) as workspace_id,
        cast(
            {{ trimmed_or_null(json_text('metadata', 'salesforce_account_id')) }}
            as {{ dbt.type_string() }}
        ) as salesforce_account_id,
        {{ normalize_email('email') }} as email,
        {{ trimmed_or_null('name') }} as customer_name,
        metadata as metadata_json,
        {{ is_invalid_json('metadata') }} as has_invalid_metadata,
        coalesce(cast(delinquent as boolean), false) as is_delinquent,
        coalesce(cast(livemode as boolean), true) as is_livemode,
        coalesce(cast(is_deleted as boolean), false) as is_deleted,
        {{ to_utc_timestamp('created') }} as created_at,
        {{ to_utc_timestamp('_fivetran_synced') }} as synced_at
    from source
),

billed_customers as (
    select {{ trimmed_or_null('customer_id') }} as customer_id
    from {{ source('stripe', 'subscription_history') }}
    union
    select {{ trimmed_or_null('customer_id') }} as customer_id
    from {{ source('stripe', 'invoice') }}
),

validated as (
    {#- typed by people: an id copied from Salesforce's screens has 15 characters #}
    select
        * replace ({{ salesforce_id_18('salesforce_account_id') }} as salesforce_account_id),
        cast(null as {{ dbt.type_string() }}) as quarantine_reason,
        {#- a customer deleted in Stripe (after it left, or to tidy up) is staged when it
            has a subscription or an invoice: they are still its billing history; one
            that never had either (a duplicate, a test) is left out -#}
        case
            when not is_livemode then 'test_mode'
            when
                is_deleted
                and customer_id not in (
                    select billed_customers.customer_id from billed_customers
                    where billed_customers.customer_id is not null
                )
                then 'soft_deleted'
        end as exclusion_reason
    from renamed
),

{{ triage_rows(
    'validated', key='customer_id', keep_first_by='synced_at desc nulls last',
    source_name='stripe', source_table='customer', loaded_at='synced_at',
    person_columns=[('email', 'email')], erase_rows=false,
    personal_columns=['email', 'customer_name']
) }}
