{#- Product activity per account and day (days without events are absent). -#}
with events as (
    select * from {{ ref('int_events_attributed') }}
    where account_id is not null
),

final as (
    select
        account_id,
        event_date as activity_date,
        sum(event_count) as event_count,
        sum(case when is_core then event_count else 0 end) as core_event_count,
        sum(case when is_gated_feature then event_count else 0 end) as gated_feature_attempt_count,
        sum(case when is_hand_raise then event_count else 0 end) as hand_raise_count,
        count(distinct case when is_core then person_id end) as core_user_count
    from events
    group by account_id, event_date
)

select * from final
