with source as (
    select * from {{ source('zendesk', 'user') }}
),

renamed as (
    select
        cast(id as {{ dbt.type_string() }}) as zendesk_user_id,
        cast(organization_id as {{ dbt.type_string() }}) as organization_id,
        {{ text_id_column('zendesk', 'user', 'external_id') }} as external_id,
        {{ normalize_email('email') }} as email,
        {{ trimmed_or_null('name') }} as user_name,
        lower(role) as user_role,
        coalesce(cast(active as boolean), true) as is_active,
        coalesce(cast(_fivetran_deleted as boolean), false) as is_deleted,
        {{ to_utc_timestamp('created_at') }} as created_at,
        {{ to_utc_timestamp('updated_at') }} as updated_at,
        {{ to_utc_timestamp('_fivetran_synced') }} as synced_at
    from source
),

validated as (
    select
        *,
        cast(null as {{ dbt.type_string() }}) as quarantine_reason,
        case when is_deleted then 'soft_deleted' end as exclusion_reason
    from renamed
),

{{ triage_rows(
    'validated', key='zendesk_user_id', keep_first_by='synced_at desc nulls last',
    source_name='zendesk', source_table='user', loaded_at='synced_at',
    person_columns=[
        ('zendesk_user_id', 'zendesk_user'), ('email', 'email'), ('external_id', 'user_id'),
    ],
    personal_columns=['zendesk_user_id', 'email', 'user_name', 'external_id']
) }}
