with source as (
    select * from {{ source('salesforce', 'account') }}
),

renamed as (
    select
        cast({{ trimmed_or_null('id') }} as {{ dbt.type_string() }}) as account_id,
        cast(owner_id as {{ dbt.type_string() }}) as owner_user_id,
        {{ trimmed_or_null('name') }} as account_name,
        website,
        industry,
        billing_country,
        type as account_type,
        account_source,
        cast(number_of_employees as {{ dbt.type_bigint() }}) as number_of_employees,
        coalesce(cast(is_deleted as boolean), false) as is_deleted,
        {{ to_utc_timestamp('created_date') }} as created_at,
        {{ to_utc_timestamp('_fivetran_synced') }} as synced_at,
        coalesce(cast({{ optional_column(
            'salesforce', 'account', '_fivetran_active', 'boolean'
        ) }} as boolean), true) as is_active_version
    from source
),

validated as (
    select
        *,
        {#- the marts carry the head count as a 32-bit integer #}
        case
            when number_of_employees < 0 or number_of_employees > 2147483647
                then 'employees_out_of_range'
        end as quarantine_reason,
        {#- Fivetran's history mode records a delete by closing the last version: a
            record with no active version is deleted -#}
        case when is_deleted or not is_active_version then 'soft_deleted' end
            as exclusion_reason
    from renamed
),

{{ triage_rows(
    'validated', key='account_id',
    keep_first_by='is_active_version desc, synced_at desc nulls last',
    source_name='salesforce', source_table='account', loaded_at='synced_at'
) }}
