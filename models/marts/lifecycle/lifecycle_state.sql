{#-
    One row per account (the vendor's own accounts excluded): its lifecycle stage as of
    the as_of_date var, why (reason codes), since when, the stage before, who owns it,
    and the signal values behind the decision.
-#}
with signals as (
    select * from {{ ref('int_account_signals') }}
),

transitions as (
    select * from {{ ref('lifecycle_stage_transitions') }}
),

stage_definitions as (
    select * from {{ ref('stage_definitions') }}
),

accounts as (
    select * from {{ ref('int_accounts') }}
),

profiles as (
    select * from {{ ref('int_account_profiles') }}
),

walk_away as (
    select * from {{ ref('int_account_walk_away') }}
),

staged as (
    select
        signals.*,
        {{ lifecycle_stage_columns() }}
    from signals
),

{# the current stay, and the stage before it, as the transitions tell it #}
current_stays as (
    select
        account_id,
        from_stage as previous_stage,
        cast(entered_at as date) as entered_stage_date
    from transitions
    where is_current
),

final as (
    select
        staged.account_id,
        accounts.account_name,
        {{ as_of_date() }} as as_of_date,
        staged.stage,
        cast(stage_definitions.stage_order as integer) as stage_order,
        stage_definitions.owner_team,
        staged.reason_codes,
        current_stays.previous_stage,
        cast(
            coalesce(
                current_stays.entered_stage_date, staged.signal_date
            ) as {{ dbt.type_timestamp() }}
        )
            as entered_stage_at,
        cast(
            {{ dbt.datediff(
                'coalesce(current_stays.entered_stage_date, staged.signal_date)',
                'staged.signal_date', 'day') }}
            as integer
        ) as days_in_stage,
        accounts.crm_account_id,
        accounts.workspace_id,
        accounts.stripe_customer_id,
        accounts.primary_domain,
        accounts.needs_review as needs_identity_review,
        profiles.industry,
        profiles.country,
        cast(profiles.number_of_employees as integer) as number_of_employees,
        cast(staged.icp_criteria_met as integer) as icp_criteria_met,
        profiles.is_icp_fit,
        staged.has_known_contact,
        cast(staged.core_events_30d as integer) as core_events_30d,
        cast(staged.core_events_prior_30d as integer) as core_events_prior_30d,
        cast(
            case
                when staged.core_events_prior_30d > 0
                    then staged.core_events_30d * 1.0 / staged.core_events_prior_30d
            end as double
        ) as core_events_ratio_to_prior_30d,
        cast(staged.active_users_30d as integer) as active_users_30d,
        cast(staged.active_users_90d_ago as integer) as active_users_90d_ago,
        cast(staged.days_since_last_core_event as integer) as days_since_last_core_event,
        staged.signed_up_date,
        staged.activated_date,
        cast(staged.days_to_activate as integer) as days_to_activate,
        coalesce(staged.days_to_activate <= {{ var('activation_window_days') }}, false)
            as is_activated_within_window,
        cast(staged.gated_attempts_30d as integer) as gated_attempts_30d,
        cast(staged.hand_raises_30d as integer) as hand_raises_30d,
        cast(staged.unresolved_tickets as integer) as unresolved_tickets,
        cast(staged.urgent_unresolved_tickets as integer) as urgent_unresolved_tickets,
        cast(staged.tickets_90d as integer) as tickets_90d,
        cast(
            case
                when staged.satisfaction_good_90d + staged.satisfaction_bad_90d > 0
                    then
                        staged.satisfaction_good_90d * 1.0
                        / (staged.satisfaction_good_90d + staged.satisfaction_bad_90d)
            end as double
        ) as satisfaction_rate_90d,
        staged.is_paying,
        cast(staged.mrr as double) as mrr,
        staged.plan_name,
        cast(staged.seats as integer) as seats,
        cast(
            case when staged.seats > 0 then staged.active_users_30d * 1.0 / staged.seats end
            as double
        ) as seat_utilization,
        staged.renewal_date,
        cast(staged.days_to_renewal as integer) as days_to_renewal,
        cast(staged.failed_payments_30d as integer) as failed_payments_30d,
        cast(staged.failed_payments_90d as integer) as failed_payments_90d,
        cast(staged.open_disputes as integer) as open_disputes,
        cast(staged.overdue_invoices as integer) as overdue_invoices,
        staged.is_past_due,
        cast(staged.open_opportunities as integer) as open_opportunities,
        walk_away.walk_away_reason,
        walk_away.walk_away_date
    from staged
    inner join accounts
        on staged.account_id = accounts.account_id
    inner join profiles
        on staged.account_id = profiles.account_id
    inner join stage_definitions
        on staged.stage = stage_definitions.stage
    left join current_stays
        on staged.account_id = current_stays.account_id
    left join walk_away
        on staged.account_id = walk_away.account_id
)

select * from final
