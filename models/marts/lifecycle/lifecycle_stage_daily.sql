{#- The backfilled daily history: one row per account per day up to the as_of_date
    var, the stage it was in and why, with the key signals of that day (a view on the
    incremental int_account_signals_daily, which a run going back to an earlier
    as_of_date cuts to that day; the view reads only the days up to the as_of_date
    whatever the table holds). -#}
{{ config(materialized='view') }}

with history as (
    select * from {{ ref('int_account_signals_daily') }}
    where signal_date <= {{ as_of_date() }}
),

stage_definitions as (
    select * from {{ ref('stage_definitions') }}
),

final as (
    select
        history.account_id,
        history.signal_date as stage_date,
        history.stage,
        stage_definitions.owner_team,
        history.reason_codes,
        history.core_events_30d,
        history.active_users_30d,
        history.unresolved_tickets,
        history.is_paying,
        history.mrr,
        history.seats,
        history.days_to_renewal
    from history
    inner join stage_definitions
        on history.stage = stage_definitions.stage
)

select * from final
