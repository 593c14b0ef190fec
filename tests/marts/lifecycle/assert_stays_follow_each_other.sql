{#-
    An account's stays in lifecycle_stage_transitions follow each other without a gap
    or an overlap: each stay after the first starts the day the one before it ended,
    from the stage that one was in, into another stage; only the first has no stage
    before it.
-#}
with stays as (
    select
        account_id,
        transition_number,
        from_stage,
        to_stage,
        entered_at,
        lag(to_stage) over (
            partition by account_id order by transition_number
        ) as stage_before,
        lag(exited_at) over (
            partition by account_id order by transition_number
        ) as stay_before_exited_at
    from {{ ref('lifecycle_stage_transitions') }}
)

select
    account_id,
    transition_number,
    from_stage,
    to_stage,
    stage_before,
    entered_at,
    stay_before_exited_at
from stays
where
    case
        when transition_number = 1 then from_stage is not null
        else
            from_stage is distinct from stage_before
            or to_stage = from_stage
            or entered_at is distinct from stay_before_exited_at
    end
