with source as (
    select * from {{ source('zendesk', 'domain_name') }}
),

renamed as (
    select
        cast(organization_id as {{ dbt.type_string() }}) as organization_id,
        cast(index as {{ dbt.type_bigint() }}) as domain_position,
        nullif(lower({{ trim_whitespace('domain_name') }}), '') as domain_name,
        {{ to_utc_timestamp('_fivetran_synced') }} as synced_at
    from source
),

validated as (
    select
        *,
        case when domain_name is null then 'missing_domain' end as quarantine_reason,
        cast(null as {{ dbt.type_string() }}) as exclusion_reason
    from renamed
),

{{ triage_rows(
    'validated', key=['organization_id', 'domain_position'], keep_first_by='synced_at desc nulls last',
    source_name='zendesk', source_table='domain_name', loaded_at='synced_at'
) }}
