{#-
    When each support ticket was unresolved, as periods: from its creation, or a change
    back to new, open, pending or hold (a reopened ticket), to its next change to solved
    or closed (exclusive; null while unresolved). Read from the ticket's status history;
    its current status counts as its latest change, so a ticket solved or reopened
    without a history row still ends or starts a period. A period is cut where the
    ticket's priority changed (is_urgent as it was then: before a
    first priority change made after the ticket was created, not urgent; the latest
    change's value is the ticket's current priority). A ticket's periods never overlap (an empty one, solved
    the instant it opened, is left out), so the daily history counts a ticket once on
    each day one of its periods covers.
-#}
with tickets as (
    select * from {{ ref('int_account_support_tickets') }}
    where account_id is not null
),

field_changes as (
    {{ optional_ref('stg_zendesk__ticket_field_history', 'lifecycle_using_zendesk', {
        'ticket_id': 'string', 'field_name': 'string', 'field_value': 'string',
        'changed_at': 'timestamp',
    }) }}
),

status_changes as (
    select
        field_changes.ticket_id,
        field_changes.changed_at,
        field_changes.field_value in ('solved', 'closed') as is_resolved
    from field_changes
    inner join tickets
        on field_changes.ticket_id = tickets.ticket_id
    where
        field_changes.field_name = 'status'
        and field_changes.field_value is not null
        and field_changes.changed_at >= tickets.created_at
),

last_changes as (
    select
        ticket_id,
        max(changed_at) as last_changed_at
    from status_changes
    group by ticket_id
),

{# creation opens a ticket; the current status is its latest state (last among
    changes at the same time) #}
ticket_states as (
    select
        ticket_id,
        created_at as changed_at,
        false as is_resolved,
        0 as state_order
    from tickets
    union all
    select
        ticket_id,
        changed_at,
        is_resolved,
        1 as state_order
    from status_changes
    union all
    select
        tickets.ticket_id,
        greatest(
            tickets.created_at,
            coalesce(tickets.resolved_at, tickets.created_at),
            coalesce(last_changes.last_changed_at, tickets.created_at)
        ) as changed_at,
        tickets.ticket_status in ('solved', 'closed') as is_resolved,
        2 as state_order
    from tickets
    left join last_changes
        on tickets.ticket_id = last_changes.ticket_id
),

ordered_states as (
    select
        ticket_id,
        changed_at,
        is_resolved,
        state_order,
        lag(is_resolved) over (
            partition by ticket_id order by changed_at, state_order
        ) as was_resolved
    from ticket_states
),

{# the changes that flip the ticket between unresolved and resolved #}
flips as (
    select
        ticket_id,
        changed_at,
        is_resolved,
        lead(changed_at) over (
            partition by ticket_id order by changed_at, state_order
        ) as next_flip_at
    from ordered_states
    where was_resolved is null or is_resolved != was_resolved
),

{# when the ticket was urgent: spans between its priority changes #}
priority_changes as (
    select
        field_changes.ticket_id,
        field_changes.changed_at,
        coalesce(field_changes.field_value = 'urgent', false) as is_urgent,
        row_number() over (
            partition by field_changes.ticket_id
            order by field_changes.changed_at desc, field_changes.field_value desc
        ) = 1 as is_latest,
        min(field_changes.changed_at) over (
            partition by field_changes.ticket_id
        ) as first_changed_at
    from field_changes
    inner join tickets
        on field_changes.ticket_id = tickets.ticket_id
    where field_changes.field_name = 'priority'
),

urgency_spans as (
    select
        priority_changes.ticket_id,
        case
            when priority_changes.is_latest then tickets.is_urgent
            else priority_changes.is_urgent
        end as is_urgent,
        {#- a change made when the ticket was created holds from its start #}
        case
            when priority_changes.changed_at > tickets.created_at
                then priority_changes.changed_at
        end as urgent_from,
        lead(priority_changes.changed_at) over (
            partition by priority_changes.ticket_id
            order by priority_changes.changed_at, priority_changes.is_latest
        ) as urgent_to
    from priority_changes
    inner join tickets
        on priority_changes.ticket_id = tickets.ticket_id
    union all
    {#- before a first change made after the ticket was created: not urgent #}
    select distinct
        priority_changes.ticket_id,
        false as is_urgent,
        cast(null as {{ dbt.type_timestamp() }}) as urgent_from,
        priority_changes.first_changed_at as urgent_to
    from priority_changes
    inner join tickets
        on priority_changes.ticket_id = tickets.ticket_id
    where priority_changes.first_changed_at > tickets.created_at
    union all
    select
        ticket_id,
        is_urgent,
        cast(null as {{ dbt.type_timestamp() }}) as urgent_from,
        cast(null as {{ dbt.type_timestamp() }}) as urgent_to
    from tickets
    where ticket_id not in (select priority_changes.ticket_id from priority_changes)
),

periods as (
    select
        flips.ticket_id,
        tickets.account_id,
        flips.changed_at as unresolved_from,
        flips.next_flip_at as unresolved_to
    from flips
    inner join tickets
        on flips.ticket_id = tickets.ticket_id
    where
        not flips.is_resolved
        and (flips.next_flip_at is null or flips.next_flip_at > flips.changed_at)
),

final as (
    select
        periods.ticket_id,
        periods.account_id,
        urgency_spans.is_urgent,
        {{ greatest_ignoring_nulls('periods.unresolved_from', 'urgency_spans.urgent_from') }}
            as unresolved_from,
        {{ least_ignoring_nulls('periods.unresolved_to', 'urgency_spans.urgent_to') }}
            as unresolved_to
    from periods
    inner join urgency_spans
        on periods.ticket_id = urgency_spans.ticket_id
        and (urgency_spans.urgent_to is null or periods.unresolved_from < urgency_spans.urgent_to)
        and (
            urgency_spans.urgent_from is null
            or periods.unresolved_to is null
            or periods.unresolved_to > urgency_spans.urgent_from
        )
)

select * from final
