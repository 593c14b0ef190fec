{#- One row per day, the calendar MetricFlow joins metrics to: five years before the
    as_of_date to one year after it (longer than the generated or retained history). -#}
with days as (
    {{ day_spine(
        dbt.dateadd('year', -5, as_of_date()),
        dbt.dateadd('year', 1, as_of_date())
    ) }}
),

final as (
    select cast(spine_date as date) as date_day
    from days
)

select * from final
