{#-
    Each stay in lifecycle_stage_transitions is what the daily history says: on the day
    it was entered the account is in to_stage, the day before in from_stage (no day
    before for a first stay), into another stage; on the day before it was exited the
    account is still in to_stage. A stay the history does not show is returned.
-#}
with stays as (
    select * from {{ ref('lifecycle_stage_transitions') }}
),

daily as (
    select * from {{ ref('lifecycle_stage_daily') }}
)

select
    stays.account_id,
    stays.transition_number,
    stays.from_stage,
    stays.to_stage,
    stays.entered_at,
    stays.exited_at,
    entry_day.stage as stage_on_entry,
    day_before.stage as stage_the_day_before,
    last_day.stage as stage_on_last_day
from stays
left join daily as entry_day
    on stays.account_id = entry_day.account_id
    and cast(stays.entered_at as date) = entry_day.stage_date
left join daily as day_before
    on stays.account_id = day_before.account_id
    and {{ dbt.dateadd('day', -1, 'cast(stays.entered_at as date)') }} = day_before.stage_date
left join daily as last_day
    on stays.account_id = last_day.account_id
    and {{ dbt.dateadd('day', -1, 'cast(stays.exited_at as date)') }} = last_day.stage_date
where
    stays.to_stage = stays.from_stage
    or entry_day.stage is distinct from stays.to_stage
    or day_before.stage is distinct from stays.from_stage
    or (stays.exited_at is not null and last_day.stage is distinct from stays.to_stage)
