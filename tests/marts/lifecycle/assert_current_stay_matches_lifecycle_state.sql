{#-
    Each account's current stay in lifecycle_stage_transitions and its row in
    lifecycle_state describe the same stay: same stage, stage before, entry day and days
    in stage, and every account has exactly one current stay.
-#}
with state as (
    select
        account_id,
        stage,
        previous_stage,
        entered_stage_at,
        days_in_stage
    from {{ ref('lifecycle_state') }}
),

current_stays as (
    select
        account_id,
        to_stage as stage,
        from_stage as previous_stage,
        entered_at as entered_stage_at,
        days_in_stage
    from {{ ref('lifecycle_stage_transitions') }}
    where is_current
)

select
    coalesce(state.account_id, current_stays.account_id) as account_id,
    state.stage as state_stage,
    current_stays.stage as transition_stage,
    state.days_in_stage as state_days_in_stage,
    current_stays.days_in_stage as transition_days_in_stage
from state
full outer join current_stays
    on state.account_id = current_stays.account_id
where state.account_id is null
    or current_stays.account_id is null
    or state.stage != current_stays.stage
    or coalesce(state.previous_stage, '') != coalesce(current_stays.previous_stage, '')
    or state.entered_stage_at != current_stays.entered_stage_at
    or state.days_in_stage != current_stays.days_in_stage
