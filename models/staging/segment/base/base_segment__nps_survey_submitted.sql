with source as (
    select * from {{ source('segment', 'nps_survey_submitted') }}
),

typed as (
    {#- Segment types the score column from its first value: text or a number #}
    select
        *,
        cast(score as {{ dbt.type_string() }}) as score_text
    from source
),

renamed as (
    select
        cast({{ trimmed_or_null('id') }} as {{ dbt.type_string() }}) as message_id,
        cast({{ trimmed_or_null('anonymous_id') }} as {{ dbt.type_string() }}) as anonymous_id,
        cast({{ trimmed_or_null('user_id') }} as {{ dbt.type_string() }}) as user_id,
        cast({{ trimmed_or_null('context_group_id') }} as {{ dbt.type_string() }}) as workspace_id,
        score_text as raw_score,
        {{ dbt.safe_cast(trim_whitespace('score_text'), dbt.type_int()) }} as nps_score,
        {{ dbt.safe_cast(trim_whitespace('score_text'), 'double precision') }} as score_value,
        {{ to_utc_timestamp('timestamp') }} as occurred_at,
        {{ to_utc_timestamp('received_at') }} as received_at
    from typed
),

{#- a score is a plain number: DuckDB would also read '0x0A' or '1_0' as 10 -#}
{%- set not_plain_number = "regexp_replace(" ~ trim_whitespace('raw_score')
    ~ ", '^[+-]?[0-9]+([.][0-9]+)?$', '') != ''" %}

validated as (
    select
        *,
        {{ segment_quarantine_reason(
            extra_checks=[(
                "nps_score is null or nps_score not between 0 and 10 or score_value != nps_score"
                ~ " or " ~ not_plain_number,
                "invalid_nps_score",
            )],
        ) }} as quarantine_reason,
        cast(null as {{ dbt.type_string() }}) as exclusion_reason
    from renamed
),

{{ triage_rows(
    'validated', key='message_id', keep_first_by='received_at',
    source_name='segment', source_table='nps_survey_submitted', loaded_at='received_at',
    person_columns=[('anonymous_id', 'anonymous_id'), ('user_id', 'user_id')],
    personal_columns=['anonymous_id', 'user_id']
) }}
