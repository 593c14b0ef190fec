{#-
    When each person counted as an active user of an account: a person is active on
    a day when they did a core event on that day or in the 29 days before. Each spell
    runs from its first core-event day to 30 days after its last one (exclusive end),
    so counting the spells covering a day gives the account's active users that day.
-#}
with core_days as (
    select distinct
        account_id,
        person_id,
        event_date
    from {{ ref('int_events_attributed') }}
    where is_core and account_id is not null and person_id is not null
),

with_gaps as (
    select
        account_id,
        person_id,
        event_date,
        case
            when {{ dbt.datediff(
                'lag(event_date) over (partition by account_id, person_id order by event_date)',
                'event_date', 'day') }} <= 30 then 0
            else 1
        end as starts_spell
    from core_days
),

numbered as (
    select
        account_id,
        person_id,
        event_date,
        cast(sum(starts_spell) over (
            partition by account_id, person_id order by event_date
            rows between unbounded preceding and current row
        ) as {{ dbt.type_bigint() }}) as spell_number
    from with_gaps
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
