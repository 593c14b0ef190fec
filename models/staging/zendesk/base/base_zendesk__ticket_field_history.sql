with source as (
    select * from {{ source('zendesk', 'ticket_field_history') }}
),

renamed as (
    select
        cast(ticket_id as {{ dbt.type_string() }}) as ticket_id,
        cast(user_id as {{ dbt.type_string() }}) as changed_by_user_id,
        lower({{ trimmed_or_null('field_name') }}) as field_name,
        {#- only the values of the fields the project reads, read as the ticket's own
            columns are (trimmed, lower case): the others (subject, description,
            requester and assignee ids, custom fields) can hold personal data the project
            has no use for and could not erase -#}
        case
            when
                lower({{ trim_whitespace('field_name') }})
                in ('status', 'priority', 'type', 'satisfaction_score')
                then lower({{ trimmed_or_null('value') }})
        end as field_value,
        {{ to_utc_timestamp('updated') }} as changed_at,
        {{ to_utc_timestamp('_fivetran_synced') }} as synced_at
    from source
),

validated as (
    select
        *,
        cast(null as {{ dbt.type_string() }}) as quarantine_reason,
        cast(null as {{ dbt.type_string() }}) as exclusion_reason
    from renamed
),

{{ triage_rows(
    'validated', key=['ticket_id', 'field_name', 'changed_at'], keep_first_by='synced_at desc nulls last',
    source_name='zendesk', source_table='ticket_field_history', loaded_at='synced_at',
    person_columns=[('changed_by_user_id', 'zendesk_user')], erase_rows=false,
    personal_columns=['changed_by_user_id']
) }}
