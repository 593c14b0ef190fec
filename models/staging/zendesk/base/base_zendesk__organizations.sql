with source as (
    select * from {{ source('zendesk', 'organization') }}
),

renamed as (
    select
        cast(id as {{ dbt.type_string() }}) as organization_id,
        {{ text_id_column('zendesk', 'organization', 'external_id') }} as external_id,
        {{ trimmed_or_null('name') }} as organization_name,
        {{ to_utc_timestamp('created_at') }} as created_at,
        {{ to_utc_timestamp('updated_at') }} as updated_at,
        {{ to_utc_timestamp('_fivetran_synced') }} as synced_at
    from source
),

validated as (
    {#- typed by people: a Salesforce id copied from its screens has 15 characters #}
    select
        * replace ({{ salesforce_id_18('external_id') }} as external_id),
        cast(null as {{ dbt.type_string() }}) as quarantine_reason,
        cast(null as {{ dbt.type_string() }}) as exclusion_reason
    from renamed
),

{{ triage_rows(
    'validated', key='organization_id', keep_first_by='synced_at desc nulls last',
    source_name='zendesk', source_table='organization', loaded_at='synced_at'
) }}
