{#-
    Product-qualified-lead status of every prospect account as of the as_of_date var
    (and of the customers that were PQLs before they bought; a former customer does not
    qualify again on the use it made as a customer): the PQL score now and
    why, when it first qualified (pql_at), and where it got since:
      not_pql -> pql -> sales_accepted (an opportunity opened on or after pql_at, or
      one already open then, and not after it became a customer: an upsell is no
      acceptance)
      -> converted (became a customer after pql_at, and stays converted if it later
      stops paying), or disqualified (a walk-away clock ran out: the clocks restart on
      movement such as product use, see int_account_walk_away). Converted wins over
      disqualified, which wins over the rest.
-#}
with signals as (
    select * from {{ ref('int_account_signals') }}
),

history as (
    select * from {{ ref('int_account_signals_daily') }}
    where signal_date <= {{ as_of_date() }}
),

lifecycle_state as (
    select * from {{ ref('lifecycle_state') }}
),

opportunities as (
    select * from {{ ref('int_account_opportunities') }}
),

walk_away as (
    select * from {{ ref('int_account_walk_away') }}
),

scored as (
    select
        signals.*,
        {{ lifecycle_stage_conditions().is_customer }} as is_customer_now,
        {{ lifecycle_stage_conditions().former_customer }} as was_ever_customer,
        {{ pql_score_columns() }}
    from signals
),

first_qualified as (
    select
        account_id,
        min(signal_date) as pql_date
    from history
    {#- a prospect's: a former customer's score comes from its use as a customer #}
    where
        pql_score >= {{ var('pql_min_score') }}
        and not is_customer
        and not {{ lifecycle_stage_conditions().former_customer }}
    group by account_id
),

milestones as (
    select
        first_qualified.account_id,
        first_qualified.pql_date,
        min(case when history.is_customer then history.signal_date end) as converted_date
    from first_qualified
    inner join history
        on first_qualified.account_id = history.account_id
        and first_qualified.pql_date <= history.signal_date
    group by first_qualified.account_id, first_qualified.pql_date
),

sales_acceptance as (
    {#- sales accepted the PQL when an opportunity opened on or after pql_at, or on
        pql_at itself when one was already open then; one opened after the account
        became a customer is an upsell #}
    select
        milestones.account_id,
        min(greatest(opportunities.created_date, milestones.pql_date)) as sales_accepted_date
    from milestones
    inner join opportunities
        on milestones.account_id = opportunities.account_id
        and (
            opportunities.created_date >= milestones.pql_date
            {#- open on pql_at: a deal closed that day was no longer open then #}
            or coalesce(milestones.pql_date < opportunities.closed_date, true)
        )
        and opportunities.created_date <= coalesce(milestones.converted_date, {{ as_of_date() }})
    group by milestones.account_id
),

statuses as (
    select
        scored.*,
        milestones.pql_date,
        milestones.converted_date,
        sales_acceptance.sales_accepted_date,
        walk_away.walk_away_reason,
        walk_away.walk_away_date,
        case
            when milestones.converted_date is not null then 'converted'
            when walk_away.walk_away_reason is not null then 'disqualified'
            when sales_acceptance.sales_accepted_date is not null then 'sales_accepted'
            when milestones.pql_date is not null then 'pql'
            else 'not_pql'
        end as pql_status
    from scored
    left join milestones
        on scored.account_id = milestones.account_id
    left join sales_acceptance
        on scored.account_id = sales_acceptance.account_id
    left join walk_away
        on scored.account_id = walk_away.account_id
    where not scored.is_customer_now or milestones.converted_date is not null
),

final as (
    select
        statuses.account_id,
        lifecycle_state.account_name,
        {{ as_of_date() }} as as_of_date,
        lifecycle_state.stage as lifecycle_stage,
        statuses.pql_status,
        case statuses.pql_status
            when 'converted' then statuses.converted_date
            when 'disqualified' then statuses.walk_away_date
            when 'sales_accepted' then statuses.sales_accepted_date
            when 'pql' then statuses.pql_date
        end as status_since_date,
        cast(statuses.pql_score as integer) as pql_score,
        statuses.pql_reasons,
        {#- a former customer's score comes from its use as a customer #}
        statuses.pql_score >= {{ var('pql_min_score') }}
        and not statuses.was_ever_customer as is_pql_now,
        cast(statuses.pql_date as {{ dbt.type_timestamp() }}) as pql_at,
        statuses.sales_accepted_date,
        statuses.converted_date,
        statuses.walk_away_reason,
        statuses.walk_away_date,
        statuses.activated_date,
        cast(statuses.days_to_activate as integer) as days_to_activate,
        cast(statuses.active_users_30d as integer) as active_users_30d,
        cast(statuses.core_events_30d as integer) as core_events_30d,
        cast(statuses.gated_attempts_30d as integer) as gated_attempts_30d,
        cast(statuses.hand_raises_30d as integer) as hand_raises_30d,
        cast(statuses.icp_criteria_met as integer) as icp_criteria_met
    from statuses
    inner join lifecycle_state
        on statuses.account_id = lifecycle_state.account_id
)

select * from final
