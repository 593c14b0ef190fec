{#-
    Every stay of every account in a stage, from the daily history: the stage it came
    from, when it entered, when it left (null while it is still there) and how many
    days it stayed. The first row of an account has no from_stage: its entry into the
    lifecycle.
-#}
{%- set stay_length = dbt.datediff('first_day', 'last_day', 'day') %}

with history as (
    select
        account_id,
        signal_date,
        stage
    from {{ ref('int_account_signals_daily') }}
    where signal_date <= {{ as_of_date() }}
),

marked as (
    select
        account_id,
        signal_date,
        stage,
        case
            when stage = lag(stage) over (partition by account_id order by signal_date) then 0
            else 1
        end as starts_stay
    from history
),

numbered as (
    select
        account_id,
        signal_date,
        stage,
        sum(starts_stay) over (
            partition by account_id order by signal_date
            rows between unbounded preceding and current row
        ) as stay_number
    from marked
),

stays as (
    select
        account_id,
        stay_number,
        stage,
        min(signal_date) as first_day,
        max(signal_date) as last_day
    from numbered
    group by account_id, stay_number, stage
),

final as (
    select
        account_id,
        cast(stay_number as integer) as transition_number,
        lag(stage) over (partition by account_id order by stay_number) as from_stage,
        stage as to_stage,
        cast(first_day as {{ dbt.type_timestamp() }}) as entered_at,
        case
            when stay_number < max(stay_number) over (partition by account_id)
                then cast({{ dbt.dateadd('day', 1, 'last_day') }} as {{ dbt.type_timestamp() }})
        end as exited_at,
        cast({{ stay_length }} + 1 as integer) as days_in_stage,
        stay_number = max(stay_number) over (partition by account_id) as is_current
    from stays
)

select * from final
