{#- Product activity per account and day (days without events are absent). Counts are
    bigints: DuckDB sums integers into 128-bit integers, slow to store and scan. -#}
{%- set bigint = dbt.type_bigint() %}
with events as (
    select * from {{ ref('int_events_attributed') }}
    where account_id is not null
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
        count(distinct case when is_core then person_id end) as core_user_count
    from events
    group by account_id, event_date
)

select * from final
