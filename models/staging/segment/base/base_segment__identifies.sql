with source as (
    select * from {{ source('segment', 'identifies') }}
),

renamed as (
    select
        cast({{ trimmed_or_null('id') }} as {{ dbt.type_string() }}) as message_id,
        cast({{ trimmed_or_null('anonymous_id') }} as {{ dbt.type_string() }}) as anonymous_id,
        cast({{ trimmed_or_null('user_id') }} as {{ dbt.type_string() }}) as user_id,
        {{ normalize_email('email') }} as email,
        {{ trimmed_or_null(optional_column('segment', 'identifies', 'name', dbt.type_string())) }}
            as full_name,
        {{ to_utc_timestamp('timestamp') }} as occurred_at,
        {{ to_utc_timestamp('received_at') }} as received_at
    from source
),

validated as (
    select
        *,
        {{ segment_quarantine_reason() }} as quarantine_reason,
        cast(null as {{ dbt.type_string() }}) as exclusion_reason
    from renamed
),

{{ triage_rows(
    'validated', key='message_id', keep_first_by='received_at',
    source_name='segment', source_table='identifies', loaded_at='received_at',
    person_columns=[
        ('anonymous_id', 'anonymous_id'), ('user_id', 'user_id'), ('email', 'email'),
    ],
    personal_columns=['anonymous_id', 'user_id', 'email', 'full_name']
) }}
