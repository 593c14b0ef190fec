{#-
    Every satisfaction rating (good or bad) a support ticket was given, on the ticket's
    account, and when the ticket's next change of rating replaced it (null while it is
    the ticket's rating): the daily history counts a ticket by the rating it had on
    each day, so a ticket rated bad and later good was bad until the change.
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

rating_changes as (
    select
        ticket_id,
        field_value as satisfaction_rating,
        changed_at as rated_at,
        lead(changed_at) over (
            partition by ticket_id order by changed_at, field_value
        ) as replaced_at
    from field_changes
    where field_name = 'satisfaction_score'
),

final as (
    select
        rating_changes.ticket_id,
        tickets.account_id,
        rating_changes.satisfaction_rating,
        rating_changes.rated_at,
        rating_changes.replaced_at
    from rating_changes
    inner join tickets
        on rating_changes.ticket_id = tickets.ticket_id
    where rating_changes.satisfaction_rating in ('good', 'bad')
)

select * from final
