with source as (
    select * from {{ source('salesforce', 'contact') }}
),

renamed as (
    select
        cast({{ trimmed_or_null('id') }} as {{ dbt.type_string() }}) as contact_id,
        cast({{ trimmed_or_null('account_id') }} as {{ dbt.type_string() }}) as account_id,
        cast(owner_id as {{ dbt.type_string() }}) as owner_user_id,
        {{ normalize_email('email') }} as email,
        {{ trimmed_or_null('first_name') }} as first_name,
        {{ trimmed_or_null('last_name') }} as last_name,
        title,
        lead_source,
        coalesce(cast(is_deleted as boolean), false) as is_deleted,
        {{ to_utc_timestamp('created_date') }} as created_at,
        {{ to_utc_timestamp('_fivetran_synced') }} as synced_at,
        coalesce(cast({{ optional_column(
            'salesforce', 'contact', '_fivetran_active', 'boolean'
        ) }} as boolean), true) as is_active_version
    from source
),

validated as (
    select
        *,
        cast(null as {{ dbt.type_string() }}) as quarantine_reason,
        {#- Fivetran's history mode records a delete by closing the last version: a
            record with no active version is deleted -#}
        case when is_deleted or not is_active_version then 'soft_deleted' end
            as exclusion_reason
    from renamed
),

{{ triage_rows(
    'validated', key='contact_id',
    keep_first_by='is_active_version desc, synced_at desc nulls last',
    source_name='salesforce', source_table='contact', loaded_at='synced_at',
    person_columns=[('contact_id', 'salesforce_contact'), ('email', 'email')],
    personal_columns=['contact_id', 'email', 'first_name', 'last_name', 'title']
) }}
