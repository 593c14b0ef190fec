{#-
    Every raw track call with its staging decision. Incremental on the time Segment's
    loader wrote the row (uuid_ts, else received_at): a run re-triages the loads of the
    last event_lookback_days days it has already seen plus everything newer, replacing
    them by load day, so rows without any load time (kept on one sentinel day) or
    arriving again are never added twice. A redelivered message whose first copy came
    in an earlier load is a duplicate (rank_offset counts the earlier copies). Rows
    loaded before their person asked for erasure are erased in place by the post-hook.
-#}
{{
    config(
        materialized='incremental',
        incremental_strategy='delete+insert',
        unique_key='loaded_date',
        on_schema_change='fail',
        post_hook="{{ erase_in_place(
            person_columns=[('anonymous_id', 'anonymous_id'), ('user_id', 'user_id')],
            personal_columns=['anonymous_id', 'user_id']) }}",
    )
}}

{%- set no_load_day = "cast('1970-01-01' as date)" -%}
{%- if is_incremental() -%}
{%- set reprocess_day = reprocess_from('loaded_date', number_var('event_lookback_days')) -%}
{%- set since = 'cast(' ~ reprocess_day ~ ' as ' ~ dbt.type_timestamp() ~ ')' -%}
{%- endif %}
{%- set raw_loaded_at = 'coalesce(' ~ to_utc_timestamp('uuid_ts') ~ ', '
    ~ to_utc_timestamp('received_at') ~ ')' %}

{#- an incremental run's batch is picked on the raw load columns (uuid_ts, else
    received_at) against a literal day, before renaming and trimming: the scan then
    reads only the batch's rows and only those are trimmed -#}
with source as (
    select * from {{ source('segment', 'tracks') }}
    {%- if is_incremental() %}
    where uuid_ts >= {{ since }}
    union all
    select * from {{ source('segment', 'tracks') }}
    where uuid_ts is null and (received_at is null or received_at >= {{ since }})
    {%- endif %}
),

renamed as (
    select
        cast({{ trimmed_or_null('id') }} as {{ dbt.type_string() }}) as message_id,
        cast({{ trimmed_or_null('anonymous_id') }} as {{ dbt.type_string() }}) as anonymous_id,
        cast({{ trimmed_or_null('user_id') }} as {{ dbt.type_string() }}) as user_id,
        cast({{ trimmed_or_null('context_group_id') }} as {{ dbt.type_string() }}) as workspace_id,
        {{ trimmed_or_null('event') }} as event_name,
        {{ to_utc_timestamp('timestamp') }} as occurred_at,
        {{ to_utc_timestamp('received_at') }} as received_at,
        {{ raw_loaded_at }} as loaded_at
    from source
),

batch as (
    select
        *,
        coalesce(cast(loaded_at as date), {{ no_load_day }}) as loaded_date
    from renamed
),

earlier_copies as (
    {%- if is_incremental() %}
    select
        message_id,
        cast(count(*) as {{ dbt.type_bigint() }}) as copy_count
    from {{ this }}
    where loaded_date < {{ reprocess_day }} and loaded_date != {{ no_load_day }}
        and message_id in (select batch.message_id from batch)
    group by message_id
    {%- else %}
    select
        cast(null as {{ dbt.type_string() }}) as message_id,
        cast(0 as {{ dbt.type_bigint() }}) as copy_count
    where 1 = 0
    {%- endif %}
),

validated as (
    select
        batch.*,
        coalesce(earlier_copies.copy_count, cast(0 as {{ dbt.type_bigint() }}))
            as earlier_copy_count,
        {{ segment_quarantine_reason(extra_checks=[
            ("batch.event_name is null", "missing_event_name"),
        ]) }} as quarantine_reason,
        cast(null as {{ dbt.type_string() }}) as exclusion_reason
    from batch
    left join earlier_copies
        on batch.message_id = earlier_copies.message_id
),

{{ triage_rows(
    'validated', key='message_id', keep_first_by='received_at',
    source_name='segment', source_table='tracks', loaded_at='loaded_at',
    rank_offset='earlier_copy_count', helper_columns=['earlier_copy_count'],
    person_columns=[('anonymous_id', 'anonymous_id'), ('user_id', 'user_id')],
    personal_columns=['anonymous_id', 'user_id']
) }}
