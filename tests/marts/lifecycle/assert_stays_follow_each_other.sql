{#-
    Each stay in lifecycle_stage_transitions is what the daily history says: on the day
    it was entered the account is in to_stage, the day before in from_stage (no day
    before for a first stay), into another stage; on the day before it was exited the
    account is still in to_stage. A stay the history does not show is returned.
    The three days of every stay are looked up in one join to the history (one row per
    account and day), not in three joins that each read its 12M rows.
-#}
with stays as (
    select * from {{ ref('lifecycle_stage_transitions') }}
),

daily as (
    select * from {{ ref('lifecycle_stage_daily') }}
),

days_read as (
    select
        account_id,
        transition_number,
        'entry' as day_read,
        cast(entered_at as date) as stage_date
    from stays
    union all
    select
        account_id,
        transition_number,
        'day_before' as day_read,
        cast({{ dbt.dateadd('day', -1, 'cast(entered_at as date)') }} as date) as stage_date
    from stays
    union all
    select
        account_id,
        transition_number,
        'last_day' as day_read,
        cast({{ dbt.dateadd('day', -1, 'cast(exited_at as date)') }} as date) as stage_date
    from stays
    where exited_at is not null
),

stages_read as (
    select
        days_read.account_id,
        days_read.transition_number,
        max(case when days_read.day_read = 'entry' then daily.stage end) as stage_on_entry,
        max(case when days_read.day_read = 'day_before' then daily.stage end)
            as stage_the_day_before,
        max(case when days_read.day_read = 'last_day' then daily.stage end) as stage_on_last_day
    from days_read
    inner join daily
        on days_read.account_id = daily.account_id
        and days_read.stage_date = daily.stage_date
    group by days_read.account_id, days_read.transition_number
)

select
    stays.account_id,
    stays.transition_number,
    stays.from_stage,
    stays.to_stage,
    stays.entered_at,
    stays.exited_at,
    stages_read.stage_on_entry,
    stages_read.stage_the_day_before,
    stages_read.stage_on_last_day
from stays
left join stages_read
    on stays.account_id = stages_read.account_id
    and stays.transition_number = stages_read.transition_number
where
    stays.to_stage = stays.from_stage
    or stages_read.stage_on_entry is distinct from stays.to_stage
    or stages_read.stage_the_day_before is distinct from stays.from_stage
    or (
        stays.exited_at is not null
        and stages_read.stage_on_last_day is distinct from stays.to_stage
    )
