{#-
    Health score of each row of `signals` (columns of account_daily_signals), emitted as
    CTE definitions ending in `health_scores` (account_id, signal_date, the five
    component scores, health_score, health_band, top_reasons). Used by
    customer_health_360 for the as_of_date and by the backtest for past days, so both
    score alike.

    Each component is 0-100, or null when it cannot be measured; the score is the
    weighted mean of the known components with weights from health_score_weights (so a
    missing metric shifts weight to the others instead of counting as red). A customer
    with one of the lifecycle rules' risk signals (all but an upcoming renewal) is
    never green: yellow at best, so health and stage do not contradict each other. The
    top reasons are the (at most three) components below green, or holding a risk
    signal, that cost the most points: weight x (100 - score), largest first, ties by
    weight then name.
-#}
{% macro health_component_scores() %}
    {#- no product use yet: no core event ever (a signup or a page view is no use of
        the product); usage and adoption are then unknown, not zero, until the account
        has been a customer for dormant_inactive_days, so a new customer is not red for
        the days it has not had yet. From then on lifecycle_state calls such an account
        Dormant (paying, never used), and usage and adoption are measured: zero. -#}
    {%- set no_product_data =
        '(days_since_last_core_event is null'
        ~ ' and not ' ~ lifecycle_stage_conditions().tenured_customer ~ ')' %}
    case
        when {{ no_product_data }} then null
        when coalesce(days_since_last_core_event, 999) >= 30 then 0.0
        {#- none in the 30 days before, or no such 30 days yet (an account's first month
            of history: null there); said here, as Snowflake's least() would be null #}
        when coalesce(core_events_prior_30d, 0) = 0 then 100.0
        else least(100.0, 100.0 * core_events_30d / core_events_prior_30d)
    end as usage_score,
    case
        when {{ no_product_data }} then null
        when seats > 0 then least(100.0, 100.0 * active_users_30d / (seats * 0.8))
    end as adoption_score,
    case
        when tickets_90d = 0 and unresolved_tickets = 0
            and satisfaction_good_90d + satisfaction_bad_90d = 0 then null
        when satisfaction_good_90d + satisfaction_bad_90d = 0
            then greatest(0.0, 100.0 - 20 * unresolved_tickets - 20 * urgent_unresolved_tickets)
        else 0.5 * greatest(0.0, 100.0 - 20 * unresolved_tickets - 20 * urgent_unresolved_tickets)
            + 50.0 * satisfaction_good_90d / (satisfaction_good_90d + satisfaction_bad_90d)
    end as support_score,
    case
        when not has_billing_data then null
        when has_cancellation_requested then 0.0
        else greatest(
            0.0,
            100.0 - 25 * least(failed_payments_90d, 4) - 40 * open_disputes - 40 * overdue_invoices
            - 40 * (case when is_past_due then 1 else 0 end)
        )
    end as billing_score,
    case
        when nps_promoters + nps_passives + nps_detractors > 0
            then 50.0 + 50.0 * (nps_promoters - nps_detractors)
            / (nps_promoters + nps_passives + nps_detractors)
    end as sentiment_score,
    {#- the lifecycle rules' risk signals, by the component that measures them (an
        upcoming renewal is a date, not a health problem: none) -#}
    {%- set c = lifecycle_stage_conditions() %}
    ({{ c.usage_drop }} or {{ c.usage_stopped }}) as is_usage_at_risk,
    {{ c.unresolved_tickets }} as is_support_at_risk,
    ({{ c.payment_failed }} or {{ c.open_dispute }} or {{ c.overdue_invoice }}
        or {{ c.past_due }} or {{ c.cancellation_requested }}) as is_billing_at_risk
{% endmacro %}

{% macro health_scores(signals) %}
health_components as (
    select
        account_id,
        signal_date,
        {{ health_component_scores() }}
    from {{ signals }}
),

health_component_rows as (
    {%- for component in ['usage', 'adoption', 'support', 'billing', 'sentiment'] %}
    select
        account_id,
        signal_date,
        '{{ component }}' as component,
        {{ component }}_score as component_score,
        {{ 'is_' ~ component ~ '_at_risk' if component in ['usage', 'support', 'billing'] else 'false' }}
            as is_at_risk
    from health_components
    where {{ component }}_score is not null
    {% if not loop.last %}union all{% endif %}
    {%- endfor %}
),

health_weighted as (
    select
        component_rows.account_id,
        component_rows.signal_date,
        component_rows.component,
        component_rows.component_score,
        weights.weight,
        weights.reason_code,
        weights.weight * (100.0 - component_rows.component_score) as points_lost,
        {#- a reason: a component below green, or one holding a risk signal -#}
        (
            component_rows.component_score < {{ var('health_band_green_min') }}
            or (component_rows.is_at_risk and component_rows.component_score < 100)
        ) as is_reason
    from health_component_rows as component_rows
    inner join {{ ref('health_score_weights') }} as weights
        on component_rows.component = weights.component
),

health_ranked as (
    select
        *,
        row_number() over (
            partition by account_id, signal_date
            order by
                case when is_reason then 0 else 1 end,
                points_lost desc,
                weight desc,
                component
        ) as loss_rank
    from health_weighted
),

health_totals as (
    select
        account_id,
        signal_date,
        sum(weight * component_score) / sum(weight) as health_score,
        sum(weight) as known_weight
    from health_weighted
    group by account_id, signal_date
),

health_reasons as (
    select
        account_id,
        signal_date,
        {{ dbt.listagg('reason_code', "','", 'order by loss_rank') }} as top_reasons
    from health_ranked
    where loss_rank <= 3 and is_reason
    group by account_id, signal_date
),

health_scores as (
    select
        health_components.*,
        round(health_totals.health_score, 1) as health_score,
        case
            when
                round(health_totals.health_score, 1) >= {{ var('health_band_green_min') }}
                and not (
                    health_components.is_usage_at_risk
                    or health_components.is_support_at_risk
                    or health_components.is_billing_at_risk
                )
                then 'green'
            when round(health_totals.health_score, 1) >= {{ var('health_band_yellow_min') }}
                then 'yellow'
            when health_totals.health_score is not null then 'red'
        end as health_band,
        health_totals.known_weight,
        coalesce(health_reasons.top_reasons, '') as top_reasons
    from health_components
    left join health_totals
        on health_components.account_id = health_totals.account_id
        and health_components.signal_date = health_totals.signal_date
    left join health_reasons
        on health_components.account_id = health_reasons.account_id
        and health_components.signal_date = health_reasons.signal_date
)
{% endmacro %}
