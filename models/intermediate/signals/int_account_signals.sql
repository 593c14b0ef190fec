{#- Every lifecycle signal of every account as of the as_of_date var, computed by the
    same macro as the daily history (see account_daily_signals). -#}
with
{{ account_signal_inputs() }}

{{ account_daily_signals(as_of_date(), as_of_date()) }}

select * from signals
