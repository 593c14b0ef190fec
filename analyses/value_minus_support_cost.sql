{#- Seed 000's walk-away framework: customers ranked by lifetime value (paid invoices)
    minus support cost (tickets x support_cost_per_ticket); the bottom decile is where
    to ask whether re-engaging pays. -#}
with all_invoices as (
    {{ optional_ref('stg_stripe__invoices', 'lifecycle_using_stripe', {
        'customer_id': 'string', 'invoice_status': 'string', 'amount_paid_cents': 'bigint',
        'created_at': 'timestamp',
    }) }}
),

invoices as (
    select * from all_invoices
    where invoice_status = 'paid' and cast(created_at as date) <= {{ as_of_date() }}
),

tickets as (
    select * from {{ ref('int_account_support_tickets') }}
    where cast(created_at as date) <= {{ as_of_date() }}
),

account_identifiers as (
    select * from {{ ref('int_account_identifiers') }}
),

lifecycle_state as (
    select * from {{ ref('lifecycle_state') }}
),

lifetime_value as (
    select
        account_lookup.account_id,
        sum(invoices.amount_paid_cents) / 100.0 as lifetime_value
    from invoices
    inner join account_identifiers as account_lookup
        on account_lookup.node_key = 'stripe_customer:' || invoices.customer_id
    group by account_lookup.account_id
),

support_load as (
    select
        account_id,
        count(*) as tickets
    from tickets
    where account_id is not null
    group by account_id
),

valued as (
    select
        lifetime_value.account_id,
        lifetime_value.lifetime_value,
        coalesce(support_load.tickets, 0) as tickets,
        coalesce(support_load.tickets, 0) * {{ var('support_cost_per_ticket') }} as support_cost,
        lifetime_value.lifetime_value
        - coalesce(support_load.tickets, 0) * {{ var('support_cost_per_ticket') }} as net_value
    from lifetime_value
    left join support_load
        on lifetime_value.account_id = support_load.account_id
),

final as (
    select
        valued.*,
        lifecycle_state.account_name,
        lifecycle_state.stage,
        ntile(10) over (order by valued.net_value) as value_decile
    from valued
    left join lifecycle_state
        on valued.account_id = lifecycle_state.account_id
)

select * from final
where value_decile = 1
order by net_value
