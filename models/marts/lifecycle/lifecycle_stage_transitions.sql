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
        stage,
        is_stage_start
    from {{ ref('int_account_signals_daily') }}
    where signal_date <= {{ as_of_date() }}
),

history_days as (
    select
        account_id,
        min(signal_date) as first_history_day,
        min_by(stage, signal_date) as first_stage,
        max(signal_date) as last_history_day
    from history
    group by account_id
),

{# a stay starts on a day whose stage differs from the day before (the history has
    every day of every account, so the next stay's start ends this one), and on an
    account's first day #}
stay_starts as (
    select
        account_id,
        signal_date,
        stage
    from history
    where is_stage_start
    union
    select
        account_id,
        first_history_day,
        first_stage
    from history_days
),

stays as (
    select
        stay_starts.account_id,
        stay_starts.stage,
        stay_starts.signal_date as first_day,
        history_days.last_history_day,
        row_number() over (
            partition by stay_starts.account_id order by stay_starts.signal_date
        ) as stay_number,
        lag(stay_starts.stage) over (
            partition by stay_starts.account_id order by stay_starts.signal_date
        ) as from_stage,
        lead(stay_starts.signal_date) over (
            partition by stay_starts.account_id order by stay_starts.signal_date
        ) as next_first_day
    from stay_starts
    inner join history_days
        on stay_starts.account_id = history_days.account_id
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
