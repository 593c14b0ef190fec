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
-#}
{%- set person_days = 'partition by account_id, person_id order by event_date' %}
with core_rows as (
    select
        account_id,
        person_id,
        event_date
    from {{ ref('int_events_attributed') }}
    where is_core and account_id is not null and person_id is not null
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

final as (
    select
        account_id,
        person_id,
        spell_number,
        min(event_date) as spell_start_date,
        cast({{ dbt.dateadd('day', 30, 'max(event_date)') }} as date) as spell_end_date
    from numbered
    group by account_id, person_id, spell_number
)

select * from final
