{#- Prospects whose walk-away clock ran out (seed 000: no first meeting in 90 days, no
    demo in 6 months, no activation in 18 months): who to stop chasing, longest
    overdue first. -#}
{%- set days_overdue = dbt.datediff('pql_status.walk_away_date', as_of_date(), 'day') %}

with pql_status as (
    select * from {{ ref('pql_status') }}
),

lifecycle_state as (
    select * from {{ ref('lifecycle_state') }}
),

final as (
    select
        pql_status.account_id,
        pql_status.account_name,
        lifecycle_state.stage,
        lifecycle_state.owner_team,
        pql_status.walk_away_reason,
        pql_status.walk_away_date,
        {{ days_overdue }} as days_overdue,
        pql_status.pql_score,
        lifecycle_state.days_since_last_core_event,
        lifecycle_state.open_opportunities
    from pql_status
    inner join lifecycle_state
        on pql_status.account_id = lifecycle_state.account_id
    where pql_status.pql_status = 'disqualified'
)

select * from final
order by days_overdue desc
