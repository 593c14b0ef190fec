{#- Every lifecycle signal of every account as of the as_of_date var: the as_of_date
    row of the daily history (int_account_signals_daily), which computes each day from
    what was known on that day. One computation serves both, so they cannot disagree,
    and the as-of signals cost a filter instead of a second pass over the history. The
    excluded columns are the stage and PQL score the history derives from the signals,
    and where its stays start; the marts derive the stage and score again from this
    model with the same macros. (`select *` resolves to the history's columns less
    those six, hence the AM04 exemption.) -#}
with history as (
    select * from {{ ref('int_account_signals_daily') }}
),

final as (
    select
        * exclude (
            stage, reason_codes, is_customer, pql_score, pql_reasons, is_stage_start
        )
    from history
    where signal_date = {{ as_of_date() }}
)

select * from final  -- noqa: AM04
