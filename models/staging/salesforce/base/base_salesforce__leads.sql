with source as (
    select * from {{ source('salesforce', 'lead') }}
),

renamed as (
    select
        cast({{ trimmed_or_null('id') }} as {{ dbt.type_string() }}) as lead_id,
        cast(owner_id as {{ dbt.type_string() }}) as owner_user_id,
        cast({{ trimmed_or_null('converted_account_id') }} as {{ dbt.type_string() }})
            as converted_account_id,
        cast({{ trimmed_or_null('converted_contact_id') }} as {{ dbt.type_string() }})
            as converted_contact_id,
        cast({{ trimmed_or_null('converted_opportunity_id') }} as {{ dbt.type_string() }})
            as converted_opportunity_id,
        cast({{ trimmed_or_null(optional_column(
            'salesforce', 'lead', 'referred_by_account_c', dbt.type_string()
        )) }} as {{ dbt.type_string() }}) as referred_by_account_id,
        {{ normalize_email('email') }} as email,
        {{ trimmed_or_null('first_name') }} as first_name,
        {{ trimmed_or_null('last_name') }} as last_name,
        {{ trimmed_or_null('company') }} as company_name,
        website,
        industry,
        country,
        status as lead_status,
        lead_source,
        cast(number_of_employees as {{ dbt.type_bigint() }}) as number_of_employees,
        coalesce(cast(is_converted as boolean), false) as is_converted,
        coalesce(cast(is_deleted as boolean), false) as is_deleted,
        {{ to_utc_timestamp('created_date') }} as created_at,
        {{ to_utc_timestamp('last_modified_date') }} as last_modified_at,
        {{ to_utc_timestamp('converted_date') }} as converted_at,
        {{ to_utc_timestamp('_fivetran_synced') }} as synced_at,
        coalesce(cast({{ optional_column(
            'salesforce', 'lead', '_fivetran_active', 'boolean'
        ) }} as boolean), true) as is_active_version
    from source
),

validated as (
    select
        *,
        case
            when email is null and company_name is null then 'missing_email_and_company'
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
    'validated', key='lead_id',
    keep_first_by='is_active_version desc, synced_at desc nulls last,'
        ~ ' last_modified_at desc nulls last',
    source_name='salesforce', source_table='lead', loaded_at='synced_at',
    person_columns=[('lead_id', 'salesforce_lead'), ('email', 'email')],
    personal_columns=['lead_id', 'email', 'first_name', 'last_name', 'converted_contact_id']
) }}
