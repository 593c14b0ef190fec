{#-
    Every combination of workspace, user id and device id seen together on product
    events, once, with the first event that showed it: what identity resolution needs
    of the event stream (when each identifier was first seen, which user ids a device
    logged in as, and the evidence), a few hundred thousand rows instead of the ten
    million daily counts the three identity models would otherwise each group again.
-#}
with daily_events as (
    select * from {{ ref('int_product_events_daily') }}
),

final as (
    select
        workspace_id,
        user_id,
        anonymous_id,
        min(first_occurred_at) as first_occurred_at,
        min_by(first_message_id, first_occurred_at) as first_message_id
    from daily_events
    group by workspace_id, user_id, anonymous_id
)

select * from final
