{#-
    When each person counted as an active user of an account: a person is active on
    a day when they did a core event on that day or in the 29 days before. Each spell
    runs from its first core-event day to 30 days after its last one (exclusive end),
    so counting the spells covering a day gives the account's active users that day.
    A core day starts a spell when the person's previous one is more than 30 days
    before, and ends one when the next is more than 30 days after; only those days
    are numbered and grouped (one window pass over every core row, then a few rows).

    The core rows are not made distinct first: a day with several core events has one
    row per event, and only its first row (in the window's order) can start a spell
    and only its last can end one, the others being 0 days from a neighbour. The
    numbering puts a day's starting row before its other rows, so the day's rows share
    the spell it starts.

    Incremental: int_events_attributed replaces whole days and stamps them with the run
    that wrote them. A run reads the days stamped since the latest run that wrote
    spells (computed_at); core rows before the earliest of them are unchanged, so
    every spell whose last core day is more than 30 days before it is final. The run
    computes spells again from the core rows of the 31 days before that day on: the
    first one continues the spell built before it when that one started earlier, and
    the numbers follow the spells kept. It replaces every spell of the persons it
    computed (delete+insert by account and person, the kept ones written again); the
    post-hook deletes the spells it did not write whose first day holds no core event
    of theirs any more (a person merged away, re-keyed to another account, or erased).
    After an erasure that reached the scope since the last run
    (stg_privacy__erasure_scope_entries), which can take whole days away, the run
    computes every spell again.
-#}
-- depends_on: {{ ref('stg_privacy__erasure_scope_entries') }}
{{
    config(
        materialized='incremental',
        incremental_strategy='delete+insert',
        unique_key=['account_id', 'person_id'],
        on_schema_change='fail',
        post_hook="delete from {{ this }}
            where computed_at < {{ run_started_timestamp() }} and not exists (
                select 1 from {{ ref('int_events_attributed') }} as events
                where events.is_core
                    and events.account_id = {{ this.identifier }}.account_id
                    and events.person_id = {{ this.identifier }}.person_id
                    and events.event_date = {{ this.identifier }}.spell_start_date)",
    )
}}

{%- do require_built_column('computed_at') %}
{%- set person_days = 'partition by account_id, person_id order by event_date' %}
{%- if is_incremental() %}
{#- the first day computed again: 31 days before the earliest day stamped since the
    last build (none when no day was), or every day after an erasure; read before the
    run, so that the scan of the events skips the days before it -#}
{%- set from_date = day_as_literal(first_day_to_recompute(
    ref('int_events_attributed'), 'event_date', 'attributed_at', last_run_stamp(this),
    days_before=31
)) %}
{%- endif %}
with events as {{ cte_not_materialized() }} (
    select * from {{ ref('int_events_attributed') }}
),

{%- if is_incremental() %}

built_spells as (
    select * from {{ this }}
),
{%- endif %}

core_rows as (
    select
        account_id,
        person_id,
        event_date
    from events
    where
        is_core
        and account_id is not null
        and person_id is not null
    {%- if is_incremental() %}
        and event_date >= {{ from_date }}
    {%- endif %}
),

spell_bounds as (
    select
        account_id,
        person_id,
        event_date,
        coalesce(
            {{ dbt.datediff('lag(event_date) over (' ~ person_days ~ ')', 'event_date', 'day') }}
            > 30,
            true
        ) as starts_spell,
        coalesce(
            {{ dbt.datediff('event_date', 'lead(event_date) over (' ~ person_days ~ ')', 'day') }}
            > 30,
            true
        ) as ends_spell
    from core_rows
),

numbered as (
    select
        account_id,
        person_id,
        event_date,
        cast(sum(case when starts_spell then 1 else 0 end) over (
            {{ person_days }}, starts_spell desc
            rows between unbounded preceding and current row
        ) as {{ dbt.type_bigint() }}) as spell_number
    from spell_bounds
    where starts_spell or ends_spell
),

spells as (
    select
        account_id,
        person_id,
        spell_number,
        min(event_date) as spell_start_date,
        cast({{ dbt.dateadd('day', 30, 'max(event_date)') }} as date) as spell_end_date
    from numbered
    group by account_id, person_id, spell_number
),

{%- if is_incremental() %}

{#- a built spell is final when its last core day (spell_end_date - 30) is before the
    first day computed again; the one that started before that day and is not final
    is continued by the first spell computed -#}
built_spell_states as (
    select
        built.*,
        built.spell_end_date < {{ dbt.dateadd('day', 30, from_date) }} as is_final,
        built.spell_start_date < {{ from_date }} as started_before
    from built_spells as built
),

kept_spells as (
    select * from built_spell_states
    where is_final
),

continued_spells as (
    select * from built_spell_states
    where not is_final and started_before
),

kept_counts as (
    select
        account_id,
        person_id,
        count(*) as kept_spells
    from kept_spells
    group by account_id, person_id
),

{#- the persons computed again: with a spell computed, or a built spell not kept -#}
recomputed_persons as (
    select
        account_id,
        person_id
    from spells

    union

    select
        account_id,
        person_id
    from built_spell_states
    where not is_final
),

final as (
    select
        kept_spells.account_id,
        kept_spells.person_id,
        kept_spells.spell_number,
        kept_spells.spell_start_date,
        kept_spells.spell_end_date,
        {{ run_started_timestamp() }} as computed_at
    from kept_spells
    inner join recomputed_persons
        on kept_spells.account_id = recomputed_persons.account_id
        and kept_spells.person_id = recomputed_persons.person_id

    union all

    select
        spells.account_id,
        spells.person_id,
        spells.spell_number + coalesce(kept_counts.kept_spells, 0) as spell_number,
        case
            when spells.spell_number = 1 and continued_spells.spell_start_date is not null
                then continued_spells.spell_start_date
            else spells.spell_start_date
        end as spell_start_date,
        spells.spell_end_date,
        {{ run_started_timestamp() }} as computed_at
    from spells
    left join kept_counts
        on spells.account_id = kept_counts.account_id
        and spells.person_id = kept_counts.person_id
    left join continued_spells
        on spells.account_id = continued_spells.account_id
        and spells.person_id = continued_spells.person_id
)
{%- else %}

final as (
    select
        *,
        {{ run_started_timestamp() }} as computed_at
    from spells
)
{%- endif %}

select * from final
