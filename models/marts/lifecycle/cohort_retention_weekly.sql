{#-
    Weekly cohort retention (cohorts, not averages): accounts grouped by the week they
    signed up; for each week after signup in which any of them was active, the share of
    the cohort with at least one core event that week. Read across a row to see a cohort
    decay; read down a column to compare cohorts at the same age. A week missing for a
    cohort had no active account.
-#}
with activation as (
    select * from {{ ref('int_account_activation') }}
),

activity as (
    select * from {{ ref('int_account_activity_daily') }}
    where core_event_count > 0 and activity_date <= {{ as_of_date() }}
),

cohorts as (
    select
        account_id,
        cast({{ dbt.date_trunc('week', 'signed_up_at') }} as date) as cohort_week
    from activation
    where cast(signed_up_at as date) <= {{ as_of_date() }}
),

cohort_sizes as (
    select
        cohort_week,
        count(*) as cohort_accounts
    from cohorts
    group by cohort_week
),

active_weeks as (
    select distinct
        cohorts.cohort_week,
        cohorts.account_id,
        cast(
            {{ dbt.datediff(
                'cohorts.cohort_week',
                dbt.date_trunc('week', 'activity.activity_date'),
                'week') }}
            as integer
        ) as weeks_since_signup
    from cohorts
    inner join activity
        on cohorts.account_id = activity.account_id
        and cohorts.cohort_week <= activity.activity_date
),

final as (
    select
        active_weeks.cohort_week,
        active_weeks.weeks_since_signup,
        cast(cohort_sizes.cohort_accounts as integer) as cohort_accounts,
        cast(count(*) as integer) as retained_accounts,
        cast(round(1.0 * count(*) / cohort_sizes.cohort_accounts, 4) as double) as retention_rate
    from active_weeks
    inner join cohort_sizes
        on active_weeks.cohort_week = cohort_sizes.cohort_week
    group by active_weeks.cohort_week, active_weeks.weeks_since_signup, cohort_sizes.cohort_accounts
)

select * from final
