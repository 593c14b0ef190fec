{#-
    Gross revenue retention, per paying account and month: the MRR it paid on the first
    day of the month and how much of that it still paid on the first day of the next
    month (retained_mrr: churn and contraction count, expansion does not). Only months
    whose next first day is on or before the as_of_date.
-#}
{#- only first days of months are ever compared: the rest of the history is not read -#}
with history as (
    select
        account_id,
        stage_date,
        coalesce(mrr, 0) as mrr
    from {{ ref('lifecycle_stage_daily') }}
    where
        stage_date <= {{ as_of_date() }}
        and stage_date = cast({{ dbt.date_trunc('month', 'stage_date') }} as date)
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
