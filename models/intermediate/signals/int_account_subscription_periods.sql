{#-
    Every version of every subscription, on its account, with what it was worth: seats,
    plan and monthly recurring revenue (MRR, in the currency's major unit). A version is
    paying when its status is active or past_due. The plan is the price on the
    subscription's item today (Stripe keeps no item history).
-#}
with versions as (
    {{ optional_ref('stg_stripe__subscription_history', 'lifecycle_using_stripe', {
        'subscription_id': 'string', 'customer_id': 'string', 'subscription_status': 'string',
        'seat_quantity': 'bigint', 'is_cancel_at_period_end': 'boolean',
        'current_period_end_at': 'timestamp', 'ended_at': 'timestamp',
        'valid_from': 'timestamp', 'valid_to': 'timestamp',
    }) }}
),

items as (
    {{ optional_ref('stg_stripe__subscription_items', 'lifecycle_using_stripe', {
        'subscription_item_id': 'string', 'subscription_id': 'string', 'price_id': 'string',
        'seat_quantity': 'bigint', 'created_at': 'timestamp',
    }) }}
),

prices as (
    {{ optional_ref('stg_stripe__prices', 'lifecycle_using_stripe', {
        'price_id': 'string', 'price_name': 'string', 'currency': 'string',
        'recurring_interval': 'string', 'recurring_interval_count': 'bigint',
        'unit_amount_cents': 'bigint',
    }) }}
),

account_identifiers as (
    select * from {{ ref('int_account_identifiers') }}
),

subscription_prices as (
    select
        items.subscription_id,
        max_by(prices.price_name, items.created_at) as plan_name,
        max_by(prices.unit_amount_cents, items.created_at) as unit_amount_cents,
        max_by(prices.recurring_interval, items.created_at) as billing_interval,
        max_by(coalesce(prices.recurring_interval_count, 1), items.created_at)
            as billing_interval_count
    from items
    inner join prices
        on items.price_id = prices.price_id
    group by items.subscription_id
),

final as (
    select
        versions.subscription_id,
        account_lookup.account_id,
        versions.subscription_status,
        versions.seat_quantity,
        subscription_prices.plan_name,
        subscription_prices.billing_interval,
        versions.is_cancel_at_period_end,
        versions.valid_from,
        cast(versions.valid_from as date) as valid_from_date,
        cast(versions.valid_to as date) as valid_to_date,
        cast(versions.current_period_end_at as date) as period_end_date,
        versions.subscription_status in ('active', 'past_due') and versions.ended_at is null
            as is_paying,
        subscription_prices.billing_interval = 'year' as is_annual,
        coalesce(versions.seat_quantity, 0) * subscription_prices.unit_amount_cents / 100.0
        / (
            case subscription_prices.billing_interval
                when 'year' then 12.0
                when 'month' then 1.0
                when 'week' then 12.0 / 52.0
                when 'day' then 12.0 / 365.0
            end
            * subscription_prices.billing_interval_count
        ) as mrr
    from versions
    inner join account_identifiers as account_lookup
        on account_lookup.node_key = 'stripe_customer:' || versions.customer_id
    left join subscription_prices
        on versions.subscription_id = subscription_prices.subscription_id
)

select * from final
