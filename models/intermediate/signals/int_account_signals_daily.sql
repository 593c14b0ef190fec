{#-
    The daily history of every account's signals, stage and PQL score, from its first day to the
    as_of_date var. Incremental: a run recomputes the last history_reprocess_days days
    it already has (late-arriving data) and adds the days up to as_of_date; a full
    refresh backfills from history_start_date (default: the first day with data).
-#}
{{
    config(
        materialized='incremental',
        unique_key=['account_id', 'signal_date'],
        incremental_strategy='delete+insert',
        on_schema_change='fail',
    )
}}

{#- where this run starts: the last days already built, or the very beginning -#}
{%- if is_incremental() -%}
{%- set reprocess_days = var('history_reprocess_days') -%}
{%- set reprocess_from = dbt.dateadd('day', 1 - reprocess_days, 'max(signal_date)') -%}
{%- set range_start = '(select ' ~ reprocess_from ~ ' from ' ~ this ~ ')' -%}
{%- elif var('history_start_date') -%}
{%- set range_start = "cast('" ~ var('history_start_date') ~ "' as date)" -%}
{%- else -%}
{%- set profiles = ref('int_account_profiles') -%}
{%- set range_start = '(select min(history_start_date) from ' ~ profiles ~ ')' -%}
{%- endif %}

with
{{ account_signal_inputs() }}

{{ account_daily_signals(range_start, as_of_date()) }},

final as (
    select
        signals.*,
        {{ lifecycle_stage_columns() }},
        {{ lifecycle_stage_conditions().is_customer }} as is_customer,
        {{ pql_score_columns() }}
    from signals
)

select * from final
