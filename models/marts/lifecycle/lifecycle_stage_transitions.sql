{#-
    Every stay of every account in a stage, from the daily history: the stage it came
    from, when it entered, when it left (null while it is still there) and how many
    days it stayed (to the day it left, or to the as_of_date while it is still there,
    as lifecycle_state counts them). The first row of an account has no from_stage: its
    entry into the lifecycle.
-#}
{%- set stay_length = dbt.datediff(
    'first_day', 'coalesce(next_first_day, last_history_day)', 'day') %}

with history as (
    select
        account_id,
        signal_date,
        stage
    from {{ ref('int_account_signals_daily') }}
    where signal_date <= {{ as_of_date() }}
),

{# a stay starts on a day whose stage differs from the day before (the history has
    every day of every account, so the next stay's start ends this one) #}
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

last_days as (
    select
        account_id,
        max(signal_date) as last_history_day
    from history
    group by account_id
),

stays as (
    select
        marked.account_id,
        marked.stage,
        marked.signal_date as first_day,
        last_days.last_history_day,
        row_number() over (
            partition by marked.account_id order by marked.signal_date
        ) as stay_number,
        lag(marked.stage) over (
            partition by marked.account_id order by marked.signal_date
        ) as from_stage,
        lead(marked.signal_date) over (
            partition by marked.account_id order by marked.signal_date
        ) as next_first_day
    from marked
    inner join last_days
        on marked.account_id = last_days.account_id
    where marked.starts_stay = 1
),

final as (
    select
        account_id,
        cast(stay_number as integer) as transition_number,
        from_stage,
        stage as to_stage,
        cast(first_day as {{ dbt.type_timestamp() }}) as entered_at,
        cast(next_first_day as {{ dbt.type_timestamp() }}) as exited_at,
        cast({{ stay_length }} as integer) as days_in_stage,
        next_first_day is null as is_current
    from stays
)

select * from final
