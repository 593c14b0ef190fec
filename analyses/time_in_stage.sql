{#- How long accounts stay in each stage before moving on (completed stays only), and
    where they go next. -#}
with transitions as (
    select * from {{ ref('lifecycle_stage_transitions') }}
),

next_stage as (
    select
        account_id,
        to_stage as next_stage,
        transition_number - 1 as transition_number
    from transitions
),

completed_stays as (
    select
        transitions.to_stage as stage_name,
        next_stage.next_stage,
        transitions.days_in_stage
    from transitions
    inner join next_stage
        on transitions.account_id = next_stage.account_id
        and transitions.transition_number = next_stage.transition_number
    where not transitions.is_current
),

final as (
    select
        stage_name,
        next_stage,
        count(*) as stays,
        round(avg(days_in_stage), 1) as avg_days_in_stage,
        percentile_cont(0.5) within group (order by days_in_stage) as median_days_in_stage,
        max(days_in_stage) as max_days_in_stage
    from completed_stays
    group by stage_name, next_stage
)

select * from final
order by stage_name asc, stays desc
