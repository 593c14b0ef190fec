{#-
    Weekly cohort retention (cohorts, not averages): accounts grouped by the week they
    signed up; for every week from the signup week to the as_of_date's week, the share
    of the cohort with at least one core event that week, on or after its signup day
    (0 when none had one, so an
    average over the rows is an average over every cohort and week). Read across a row
    to see a cohort decay; read down a column to compare cohorts at the same age. The
    as_of_date's week is not over unless the as_of_date is its Sunday
    (is_complete_week): its share is still growing. The vendor's own accounts are
    left out, as in every mart.
-#}
with activation as (
    select * from {{ ref('int_account_activation') }}
),

accounts as (
    select * from {{ ref('int_accounts') }}
),

activity as (
    select * from {{ ref('int_account_activity_daily') }}
    where core_event_count > 0 and activity_date <= {{ as_of_date() }}
),

cohorts as (
    select
        activation.account_id,
        cast(activation.signed_up_at as date) as signed_up_date,
        cast({{ dbt.date_trunc('week', 'activation.signed_up_at') }} as date) as cohort_week
    from activation
    inner join accounts
        on activation.account_id = accounts.account_id
    where cast(activation.signed_up_at as date) <= {{ as_of_date() }} and not accounts.is_internal
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
        and cohorts.signed_up_date <= activity.activity_date
),

retained as (
    select
        cohort_week,
        weeks_since_signup,
        count(*) as retained_accounts
    from active_weeks
    group by cohort_week, weeks_since_signup
),

calendar_weeks as (
    {#- every week from the first cohort's to the as_of_date's #}
    select distinct cast({{ dbt.date_trunc('week', 'spine_date') }} as date) as week_start
    from (
        {{ day_spine('(select min(cohort_week) from cohort_sizes)', as_of_date()) }}
    ) as spine_days
),

cohort_weeks as (
    select
        cohort_sizes.cohort_week,
        cohort_sizes.cohort_accounts,
        cast(
            {{ dbt.datediff('cohort_sizes.cohort_week', 'calendar_weeks.week_start', 'week') }}
            as integer
        ) as weeks_since_signup,
        cast({{ dbt.dateadd('day', 6, 'calendar_weeks.week_start') }} as date)
        <= {{ as_of_date() }} as is_complete_week
    from cohort_sizes
    inner join calendar_weeks
        on cohort_sizes.cohort_week <= calendar_weeks.week_start
),

final as (
    select
        cohort_weeks.cohort_week,
        cohort_weeks.weeks_since_signup,
        cast(cohort_weeks.cohort_accounts as integer) as cohort_accounts,
        cast(coalesce(retained.retained_accounts, 0) as integer) as retained_accounts,
        cast(
            round(1.0 * coalesce(retained.retained_accounts, 0) / cohort_weeks.cohort_accounts, 4)
            as double
        ) as retention_rate,
        cohort_weeks.is_complete_week
    from cohort_weeks
    left join retained
        on cohort_weeks.cohort_week = retained.cohort_week
        and cohort_weeks.weeks_since_signup = retained.weeks_since_signup
)

select * from final
