{#-
    The daily history of every account's signals, stage and PQL score, from its first day to the
    as_of_date var. Incremental: a run recomputes the last history_reprocess_days days
    it already has (late-arriving data) and adds the days up to as_of_date; a full
    refresh backfills from history_start_date (default: the first day with data).

    Identity resolution can re-key an account (two merge, a workspace joins a CRM
    account) or move its first day (an identifier seen earlier joins it, or a deleted
    record takes its earliest one away), and a CRM record loaded since can change the
    ICP criteria or the known contact every day counts. An incremental run therefore
    builds the whole history of every account it has never built, whose history now
    starts before or after its first day built, or whose days kept count other ICP
    criteria or another known contact, and its post-hooks
    remove the days of accounts that no longer
    exist and the days before an account's (possibly later) first day, so the table
    keeps the same rows as a full rebuild. A run that goes back to an earlier as_of_date
    drops the days after it (the accounts it builds whole are built to that day only:
    later days kept would skip or keep stale days once runs go forward again), so the
    next run computes them again. After an erasure request
    (requested since the day before the last day built), or once the erasure scope
    reached an identifier since (stg_privacy__erasure_scope_entries: a device whose
    login arrived after the request), it rebuilds every account's whole history, so no
    count keeps the erased person's events.

    Rolling sums (see account_daily_signals): windows slide over the days of an
    account with more than 14 days to build (in a full build, an account built whole
    with a longer history, every account after a pause); an account's few new days
    each sum its changes since the 90-day look-back. An incremental run logs how many
    accounts it builds whole and how many it windows.
-#}
-- depends_on: {{ ref('stg_privacy__erasure_scope_entries') }}
{{
    config(
        materialized='incremental',
        unique_key=['account_id', 'signal_date'],
        incremental_strategy='delete+insert',
        on_schema_change='fail',
        post_hook=[
            "delete from {{ this }} where account_id not in (select account_id"
            ~ " from {{ ref('int_account_profiles') }} where not is_internal)",
            "delete from {{ this }} where signal_date < (select min(profiles.history_start_date)"
            ~ " from {{ ref('int_account_profiles') }} as profiles"
            ~ " where profiles.account_id = {{ this.identifier }}.account_id)",
            "delete from {{ this }} where signal_date > {{ as_of_date() }}",
        ],
    )
}}

{#- where this run starts: the last days already built, or the very beginning -#}
{%- set built_whole = none -%}
{%- if is_incremental() -%}
{%- set reprocess_days = number_var('history_reprocess_days') -%}
{%- set reprocess_start = dbt.dateadd('day', 1 - reprocess_days, 'max(signal_date)') -%}
{%- set range_start = '(select ' ~ reprocess_start ~ ' from ' ~ this ~ ')' -%}
{%- set last_built_day = '(select max(signal_date) from ' ~ this ~ ')' -%}
{%- set erased = ref('stg_privacy__erasure_scope_entries') -%}
{%- set profiles = ref('int_account_profiles') -%}
{#- a request since the day before the last day built, or an identifier the scope
    reached since that day was built (a device linked later): found by a run for a
    later day, or by this run (the same day built again) -#}
{%- set recent_erasures = '(select count(*) from ' ~ erased ~ ' as erased'
    ~ ' where cast(erased.first_requested_at as date) >= '
    ~ dbt.dateadd('day', -1, last_built_day)
    ~ ' or erased.entered_scope_on > ' ~ last_built_day
    ~ ' or erased.entered_scope_at = ' ~ run_started_timestamp() ~ ')' -%}
{#- accounts built whole: never built, or whose history now starts before the first
    day built (identity resolution joined an identifier seen earlier) or after it (a
    deleted record took the earliest one away: the days kept were computed from the
    old start; compared with the account's own start, which a whole build starts from
    when history_start_date is set too), or whose ICP criteria or known contact the
    days kept no longer count as the profile does now (a CRM record loaded since,
    undated or edited: the criteria met, or the day they or the contact count from),
    or every account after an erasure -#}
{%- set first_built_days = '(select account_id, min(signal_date) as first_built_day,'
    ~ ' min(case when icp_criteria_met > 0 then signal_date end) as first_icp_day,'
    ~ ' max(icp_criteria_met) as icp_criteria_met,'
    ~ ' min(case when has_known_contact then signal_date end) as first_contact_day'
    ~ ' from ' ~ this ~ ' group by account_id)' -%}
{%- set history_start = 'profiles.history_start_date' if not var('history_start_date')
    else "greatest(profiles.history_start_date, cast('" ~ var('history_start_date') ~ "' as date))" -%}
{%- set first_icp_day_now = 'case when profiles.icp_criteria_met > 0 and coalesce('
    ~ 'profiles.icp_known_since_date, built.first_built_day) <= ' ~ last_built_day ~ ' then '
    ~ greatest_ignoring_nulls('profiles.icp_known_since_date', 'built.first_built_day') ~ ' end' -%}
{%- set icp_counted_otherwise = '(' ~ first_icp_day_now ~ ') is distinct from built.first_icp_day'
    ~ ' or (built.first_icp_day is not null'
    ~ ' and built.icp_criteria_met != profiles.icp_criteria_met)' -%}
{#- the first day built with a known contact, as the profile and signup now say -#}
{%- set contact_day_now = least_ignoring_nulls(
    'case when profiles.is_known_contact then '
        ~ greatest_ignoring_nulls('profiles.known_contact_since_date', 'built.first_built_day')
        ~ ' end',
    'case when activation.signup_event_at is not null then '
        ~ greatest_ignoring_nulls('cast(activation.signup_event_at as date)', 'built.first_built_day')
        ~ ' end'
) -%}
{%- set contact_counted_otherwise = '(case when ' ~ contact_day_now ~ ' <= ' ~ last_built_day
    ~ ' then ' ~ contact_day_now ~ ' end) is distinct from built.first_contact_day' -%}
{%- set built_whole = 'select profiles.account_id from profiles left join ' ~ first_built_days
    ~ ' as built on profiles.account_id = built.account_id left join activation'
    ~ ' on profiles.account_id = activation.account_id where built.account_id is null or '
    ~ history_start ~ ' < built.first_built_day or profiles.history_start_date'
    ~ ' > built.first_built_day or ' ~ icp_counted_otherwise
    ~ ' or ' ~ contact_counted_otherwise ~ ' or ' ~ recent_erasures ~ ' > 0' -%}
{#- in the run's log: how many accounts this run builds whole, and how many have their
    rolling sums windowed (more than 14 days to build: see account_daily_signals),
    counted on the macro's own tracked_accounts, the only part of it the count reads -#}
{%- set account_counts -%}
    with
    {{ account_signal_inputs() }}
    {{ account_daily_signals(range_start, as_of_date(), full_history_accounts=built_whole) }}
    select
        count(case when account_id in ({{ built_whole }}) then 1 end) as built_whole,
        count(case when is_windowed then 1 end) as windowed,
        count(*) as accounts
    from tracked_accounts
{%- endset -%}
{%- if execute -%}
{%- set counts = run_query(account_counts).rows[0] -%}
{{- log('int_account_signals_daily: ' ~ counts[0] ~ ' of ' ~ counts[2]
    ~ ' accounts built whole; ' ~ counts[1] ~ ' with windowed rolling sums', info=True) -}}
{%- endif -%}
{%- elif var('history_start_date') -%}
{%- set range_start = "cast('" ~ var('history_start_date') ~ "' as date)" -%}
{%- else -%}
{%- set profiles = ref('int_account_profiles') -%}
{%- set range_start = '(select min(history_start_date) from ' ~ profiles ~ ')' -%}
{%- endif %}

with
{{ account_signal_inputs() }}

{{ account_daily_signals(
    range_start, as_of_date(), full_history_accounts=built_whole
) }},

staged as (
    {#- the stage alone before the window that compares it with the day before's, the
        other columns from the stage's inputs after it: the window's rows are narrower
        (a full build at 10M events, timed alone four times each: 56.7-60.6 s against
        57.3-63.6 s; the same rows) #}
    select
        signals.*,
        {{ lifecycle_stage_column() }}
    from signals
),

{#- where a stay in a stage starts: the stage differs from the day before's, read from
    the rows already built for the first day this run computes. None there, or one from
    before the account's history start (which the post-hook deletes: an erasure or a
    re-keying moved the start later), makes the day the account's first. #}
{%- if is_incremental() %}
first_days as (
    select
        account_id,
        min(signal_date) as first_day
    from staged
    group by account_id
),

stages_before as (
    select
        built.account_id,
        built.stage
    from {{ this }} as built
    inner join first_days
        on built.account_id = first_days.account_id
        and built.signal_date = {{ dbt.dateadd('day', -1, 'first_days.first_day') }}
    inner join profiles
        on built.account_id = profiles.account_id
        and built.signal_date >= coalesce(profiles.history_start_date, built.signal_date)
),
{%- endif %}

final as (
    select
        {#- exclude takes bare column names #}
        staged.* exclude (account_num),  -- noqa: RF03
        {{ lifecycle_reason_codes_column() }},
        {{ lifecycle_stage_conditions().is_customer }} as is_customer,
        {{ pql_score_columns() }},
        coalesce(
            staged.stage != lag(staged.stage) over (
                partition by staged.account_num order by staged.signal_date
            ),
            {%- if is_incremental() %}
            staged.stage != stages_before.stage,
            {%- endif %}
            true
        ) as is_stage_start
    from staged
    {%- if is_incremental() %}
    left join stages_before
        on staged.account_id = stages_before.account_id
    {%- endif %}
)

select * from final
