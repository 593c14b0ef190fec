{#-
    One row per customer account as of the as_of_date var: an explainable health score
    (0-100) from five components (usage, adoption, support, billing, sentiment), each
    0-100 or null when it cannot be measured, weighted by health_score_weights and
    rescaled over the known ones; a band, the reasons pulling it down, the raw inputs,
    and whether the account is a candidate for advocacy (promoters, referrers).
-#}
with signals as (
    select * from {{ ref('int_account_signals') }}
    where {{ lifecycle_stage_conditions().is_customer }}
),

lifecycle_state as (
    select * from {{ ref('lifecycle_state') }}
),

leads as (
    select * from {{ ref('stg_salesforce__leads') }}
),

account_identifiers as (
    select * from {{ ref('int_account_identifiers') }}
),

{{ health_scores('signals') }},

referrals as (
    select
        referrer.account_id,
        count(*) as referrals_made
    from leads
    inner join account_identifiers as referrer
        on referrer.node_key = 'crm_account:' || leads.referred_by_account_id
    where cast(leads.created_at as date) <= {{ as_of_date() }}
    group by referrer.account_id
),

final as (
    select
        signals.account_id,
        lifecycle_state.account_name,
        {{ as_of_date() }} as as_of_date,
        lifecycle_state.stage as lifecycle_stage,
        cast(health_scores.health_score as double) as health_score,
        health_scores.health_band,
        health_scores.top_reasons,
        cast(health_scores.usage_score as double) as usage_score,
        cast(health_scores.adoption_score as double) as adoption_score,
        cast(health_scores.support_score as double) as support_score,
        cast(health_scores.billing_score as double) as billing_score,
        cast(health_scores.sentiment_score as double) as sentiment_score,
        cast(health_scores.known_weight as double) as known_component_weight,
        cast(signals.core_events_30d as integer) as core_events_30d,
        cast(signals.core_events_prior_30d as integer) as core_events_prior_30d,
        cast(signals.days_since_last_core_event as integer) as days_since_last_core_event,
        cast(signals.active_users_30d as integer) as active_users_30d,
        {#- what Stripe bills: unknown (null) for a customer by a won deal alone -#}
        cast(case when signals.is_paying then signals.seats end as integer) as seats,
        cast(signals.unresolved_tickets as integer) as unresolved_tickets,
        cast(signals.urgent_unresolved_tickets as integer) as urgent_unresolved_tickets,
        cast(signals.tickets_90d as integer) as tickets_90d,
        cast(signals.satisfaction_good_90d as integer) as satisfaction_good_90d,
        cast(signals.satisfaction_bad_90d as integer) as satisfaction_bad_90d,
        cast(signals.failed_payments_90d as integer) as failed_payments_90d,
        cast(signals.open_disputes as integer) as open_disputes,
        cast(signals.overdue_invoices as integer) as overdue_invoices,
        signals.has_cancellation_requested,
        signals.is_past_due,
        cast(signals.nps_promoters as integer) as nps_promoters,
        cast(signals.nps_passives as integer) as nps_passives,
        cast(signals.nps_detractors as integer) as nps_detractors,
        cast(
            case
                when signals.nps_promoters + signals.nps_passives + signals.nps_detractors > 0
                    then
                        100.0 * (signals.nps_promoters - signals.nps_detractors)
                        / (signals.nps_promoters + signals.nps_passives + signals.nps_detractors)
            end as double
        ) as net_promoter_score,
        cast(case when signals.is_paying then signals.mrr end as double) as mrr,
        signals.plan_name,
        signals.renewal_date,
        cast(coalesce(referrals.referrals_made, 0) as integer) as referrals_made,
        coalesce(
            health_scores.health_band = 'green'
            and (
                (signals.nps_promoters > 0 and signals.nps_promoters > signals.nps_detractors)
                or referrals.referrals_made > 0
            ),
            false
        ) as is_advocacy_candidate
    from signals
    inner join health_scores
        on signals.account_id = health_scores.account_id
        and signals.signal_date = health_scores.signal_date
    inner join lifecycle_state
        on signals.account_id = lifecycle_state.account_id
    left join referrals
        on signals.account_id = referrals.account_id
)

select * from final
