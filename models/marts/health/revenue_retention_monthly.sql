{#-
    Gross revenue retention, per paying account and month: the MRR it paid at the end of
    the first day of the month and how much of that it still paid at the end of the
    first day of the next month (retained_mrr: churn and contraction count, expansion
    does not). Only months whose next first day is on or before the as_of_date.
    The daily history counts a subscription that ends during a day as paying that day
    (it paid part of it); Stripe ends a monthly plan at the time of day it started, so
    one started on a 1st at 10:00 and cancelled ends on a 1st at 10:00, having paid its
    last period in the month before: its MRR is taken off that 1st here, and the churn
    falls in the month it was paid through.
-#}
{#- only first days of months are ever compared: the rest of the history is not read -#}
with subscriptions as (
    select * from {{ ref('int_account_subscription_periods') }}
),

ended_during_first_days as (
    {#- paying versions that end during a month's first day and pay it in the history
        (valid_to_date the day after: no other paying version took the day over) #}
    select
        account_id,
        cast(valid_to as date) as stage_date,
        sum(mrr) as mrr
    from subscriptions
    where
        is_paying
        and valid_to_date > cast(valid_to as date)
        and cast(valid_to as date) = cast({{ dbt.date_trunc('month', 'valid_to') }} as date)
    group by account_id, cast(valid_to as date)
),

history as (
    select
        daily.account_id,
        daily.stage_date,
        coalesce(daily.mrr, 0) - coalesce(ended.mrr, 0) as mrr
    from {{ ref('lifecycle_stage_daily') }} as daily
    left join ended_during_first_days as ended
        on daily.account_id = ended.account_id
        and daily.stage_date = ended.stage_date
    where
        daily.stage_date <= {{ as_of_date() }}
        and daily.stage_date = cast({{ dbt.date_trunc('month', 'daily.stage_date') }} as date)
),

month_starts as (
    select
        account_id,
        stage_date as month_start_date,
        cast({{ dbt.dateadd('month', 1, 'stage_date') }} as date) as next_month_start_date,
        mrr as starting_mrr
    from history
    where mrr > 0
),

final as (
    select
        month_starts.account_id,
        month_starts.month_start_date,
        cast(month_starts.starting_mrr as double) as starting_mrr,
        cast(coalesce(next_month.mrr, 0) as double) as ending_mrr,
        cast(
            least(month_starts.starting_mrr, coalesce(next_month.mrr, 0)) as double
        ) as retained_mrr
    from month_starts
    left join history as next_month
        on month_starts.account_id = next_month.account_id
        and month_starts.next_month_start_date = next_month.stage_date
    where month_starts.next_month_start_date <= {{ as_of_date() }}
)

select * from final
