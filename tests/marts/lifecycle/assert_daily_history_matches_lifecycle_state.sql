{#-
    The daily history (built incrementally, day after day) and lifecycle_state (computed
    for the as_of_date alone) must agree on every account: same accounts, same stage,
    same reasons, same key signals. A difference means the incremental path drifted.
-#}
with state as (
    select
        account_id,
        stage,
        reason_codes,
        core_events_30d,
        active_users_30d,
        unresolved_tickets,
        is_paying,
        mrr,
        seats,
        days_to_renewal
    from {{ ref('lifecycle_state') }}
),

history as (
    select
        account_id,
        stage,
        reason_codes,
        core_events_30d,
        active_users_30d,
        unresolved_tickets,
        is_paying,
        mrr,
        seats,
        days_to_renewal
    from {{ ref('lifecycle_stage_daily') }}
    where stage_date = {{ as_of_date() }}
)

select
    coalesce(state.account_id, history.account_id) as account_id,
    state.stage as state_stage,
    history.stage as history_stage,
    state.reason_codes as state_reason_codes,
    history.reason_codes as history_reason_codes
from state
full outer join history
    on state.account_id = history.account_id
where state.account_id is null
    or history.account_id is null
    or state.stage != history.stage
    or state.reason_codes != history.reason_codes
    or state.core_events_30d != history.core_events_30d
    or state.active_users_30d != history.active_users_30d
    or state.unresolved_tickets != history.unresolved_tickets
    or state.is_paying != history.is_paying
    or abs(state.mrr - history.mrr) > 0.005
    or state.seats != history.seats
    or coalesce(state.days_to_renewal, -1) != coalesce(history.days_to_renewal, -1)
