with source as (
    select * from {{ source('zendesk', 'ticket') }}
),

renamed as (
    select
        cast(id as {{ dbt.type_string() }}) as ticket_id,
        cast(requester_id as {{ dbt.type_string() }}) as requester_user_id,
        cast(organization_id as {{ dbt.type_string() }}) as organization_id,
        {#- a blank status is no status (missing_status), a blank priority none -#}
        lower({{ trimmed_or_null('status') }}) as ticket_status,
        lower({{ trimmed_or_null('priority') }}) as priority,
        lower(type) as ticket_type,
        subject,
        via_channel,
        (
            coalesce(cast(_fivetran_deleted as boolean), false)
            or lower({{ trim_whitespace('status') }}) = 'deleted'
        ) as is_deleted,
        {{ to_utc_timestamp('created_at') }} as created_at,
        {{ to_utc_timestamp('updated_at') }} as updated_at,
        {{ to_utc_timestamp('_fivetran_synced') }} as synced_at
    from source
),

validated as (
    select
        *,
        case
            when requester_user_id is null then 'missing_requester'
            when created_at is null then 'missing_timestamp'
            when ticket_status is null then 'missing_status'
            when ticket_status not in ('new', 'open', 'pending', 'hold', 'solved', 'closed')
                then 'unknown_status'
        end as quarantine_reason,
        case when is_deleted then 'soft_deleted' end as exclusion_reason
    from renamed
),

{{ triage_rows(
    'validated', key='ticket_id',
    keep_first_by='synced_at desc nulls last, updated_at desc nulls last',
    source_name='zendesk', source_table='ticket', loaded_at='synced_at',
    person_columns=[('requester_user_id', 'zendesk_user')],
    personal_columns=['requester_user_id', 'subject']
) }}
