{#-
    Does the health band predict churn? Every 30 days over the history, take the
    accounts that were customers that day, score their health as of that day (the same
    health_scores macro as customer_health_360, on that day's signals) and check
    whether they stopped being customers on any day of the next 90 (history up to the
    as_of_date only). Churn rate per band: a useful
    score has red churning far more than green.
-#}
with history as (
    select * from {{ ref('int_account_signals_daily') }}
    where signal_date <= {{ as_of_date() }}
),

bounds as (
    select
        min(signal_date) as first_day,
        max(signal_date) as last_day
    from history
),

reference_days as (
    select distinct history.signal_date
    from history
    cross join bounds
    where
        history.signal_date >= {{ dbt.dateadd('day', 90, 'bounds.first_day') }}
        and history.signal_date <= {{ dbt.dateadd('day', -90, 'bounds.last_day') }}
        and mod({{ dbt.datediff('bounds.first_day', 'history.signal_date', 'day') }}, 30) = 0
),

customer_days as (
    select history.*
    from history
    inner join reference_days
        on history.signal_date = reference_days.signal_date
    where history.is_customer
),

{{ health_scores('customer_days') }},

outcomes as (
    {#- churned: not a customer on some day of the next 90 (or gone from the history) #}
    select
        health_scores.account_id,
        health_scores.signal_date,
        health_scores.health_band,
        coalesce(max(case when later.is_customer then 0 else 1 end) = 1, true)
            as churned_within_90d
    from health_scores
    left join history as later
        on health_scores.account_id = later.account_id
        and health_scores.signal_date < later.signal_date
        and later.signal_date <= {{ dbt.dateadd('day', 90, 'health_scores.signal_date') }}
    group by health_scores.account_id, health_scores.signal_date, health_scores.health_band
),

final as (
    select
        health_band,
        count(*) as customer_days,
        count(distinct account_id) as distinct_accounts,
        count(case when churned_within_90d then 1 end) as churned,
        round(1.0 * count(case when churned_within_90d then 1 end) / count(*), 4)
            as churn_rate_90d
    from outcomes
    group by health_band
)

select * from final
order by case health_band when 'green' then 1 when 'yellow' then 2 when 'red' then 3 else 4 end
