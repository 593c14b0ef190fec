with source as (
    select * from {{ source('segment', 'groups') }}
),

renamed as (
    select
        cast({{ trimmed_or_null('id') }} as {{ dbt.type_string() }}) as message_id,
        cast({{ trimmed_or_null('anonymous_id') }} as {{ dbt.type_string() }}) as anonymous_id,
        cast({{ trimmed_or_null('user_id') }} as {{ dbt.type_string() }}) as user_id,
        cast({{ trimmed_or_null('group_id') }} as {{ dbt.type_string() }}) as workspace_id,
        {{ trimmed_or_null(optional_column('segment', 'groups', 'name', dbt.type_string())) }}
            as workspace_name,
        {{ to_utc_timestamp('timestamp') }} as occurred_at,
        {{ to_utc_timestamp('received_at') }} as received_at
    from source
),

validated as (
    select
        *,
        {{ segment_quarantine_reason(extra_checks=[
            ("workspace_id is null", "missing_group_id"),
        ]) }} as quarantine_reason,
        cast(null as {{ dbt.type_string() }}) as exclusion_reason
    from renamed
),

{{ triage_rows(
    'validated', key='message_id', keep_first_by='received_at',
    source_name='segment', source_table='groups', loaded_at='received_at',
    person_columns=[('anonymous_id', 'anonymous_id'), ('user_id', 'user_id')],
    personal_columns=['anonymous_id', 'user_id']
) }}
