{#- Product activity per account and day (days without events are absent). Counts are
    bigints: DuckDB sums integers into 128-bit integers, slow to store and scan.
    Incremental by day, replacing days whole: a run recomputes the days
    int_events_attributed re-attributed since the last run (their attributed_at is
    newer than any stored here); the post-hook deletes days left without account
    activity. -#}
{{
    config(
        materialized='incremental',
        incremental_strategy='delete+insert',
        unique_key='activity_date',
        on_schema_change='fail',
        post_hook="delete from {{ this }} where activity_date not in (
            select attributed.event_date from {{ ref('int_events_attributed') }} as attributed
            where attributed.account_id is not null)",
    )
}}

{%- set bigint = dbt.type_bigint() %}
with events as (
    select * from {{ ref('int_events_attributed') }}
    where account_id is not null
    {%- if is_incremental() %}
        and event_date in (
            select reattributed.event_date
            from {{ ref('int_events_attributed') }} as reattributed
            where reattributed.attributed_at > (
                select coalesce(max(attributed_at), cast('1970-01-01' as {{ dbt.type_timestamp() }}))
                from {{ this }}
            )
        )
    {%- endif %}
),

final as (
    select
        account_id,
        event_date as activity_date,
        cast(sum(event_count) as {{ bigint }}) as event_count,
        cast(
            sum(case when is_core then event_count else 0 end) as {{ bigint }}
        ) as core_event_count,
        cast(
            sum(case when is_gated_feature then event_count else 0 end) as {{ bigint }}
        ) as gated_feature_attempt_count,
        cast(
            sum(case when is_hand_raise then event_count else 0 end) as {{ bigint }}
        ) as hand_raise_count,
        count(distinct case when is_core then person_id end) as core_user_count,
        max(attributed_at) as attributed_at
    from events
    group by account_id, event_date
)

select * from final
