{#-
    Billing trouble on each account as date ranges [started_date, ended_date): failed
    payments (one day), disputes (open until won or lost) and overdue invoices (from the
    day after the due date, or for an invoice charged automatically from its first
    failed charge, which is a failed payment as well, until paid, or written off as
    uncollectible or voided, on the day Stripe dates that (status_transitions), else the
    day of its paying charge or, for one written off, of the latest sync of an invoice
    marked so, as for a closed dispute; a voided invoice was still overdue on the days
    before; a paid invoice without any payment time was paid in time). ended_date is
    null while the issue is still open. Stripe's customer `delinquent` flag is not used:
    it is today's state only, while these ranges date each day's billing trouble.
-#}
with charges as (
    {{ optional_ref('stg_stripe__charges', 'lifecycle_using_stripe', {
        'charge_id': 'string', 'customer_id': 'string', 'invoice_id': 'string',
        'charge_status': 'string', 'is_paid': 'boolean', 'created_at': 'timestamp',
    }) }}
),

disputes as (
    {{ optional_ref('stg_stripe__disputes', 'lifecycle_using_stripe', {
        'dispute_id': 'string', 'charge_id': 'string', 'dispute_status': 'string',
        'created_at': 'timestamp', 'synced_at': 'timestamp',
    }) }}
),

invoices as (
    {{ optional_ref('stg_stripe__invoices', 'lifecycle_using_stripe', {
        'invoice_id': 'string', 'customer_id': 'string', 'invoice_status': 'string',
        'due_at': 'timestamp', 'paid_at': 'timestamp', 'voided_at': 'timestamp',
        'marked_uncollectible_at': 'timestamp', 'synced_at': 'timestamp',
    }) }}
),

account_identifiers as (
    select * from {{ ref('int_account_identifiers') }}
),

invoice_payments as (
    select
        invoice_id,
        min(created_at) as paid_at
    from charges
    where is_paid
    group by invoice_id
),

{# an invoice charged automatically (no due date) is overdue from its first failed charge #}
invoice_failures as (
    select
        invoice_id,
        min(created_at) as first_failed_at
    from charges
    where charge_status = 'failed' and invoice_id is not null
    group by invoice_id
),

{#- an invoice is overdue from the day after its due date, or for one charged
    automatically (no due date) from its first failed charge -#}
{%- set overdue_from -%}
    coalesce(
        cast({{ dbt.dateadd('day', 1, 'cast(invoices.due_at as date)') }} as date),
        cast(invoice_failures.first_failed_at as date)
    )
{%- endset %}

issues as (
    select
        'failed_payment' as issue_type,
        charge_id as issue_id,
        customer_id,
        cast(created_at as date) as started_date,
        cast({{ dbt.dateadd('day', 1, 'cast(created_at as date)') }} as date) as ended_date
    from charges
    where charge_status = 'failed'

    union all

    select
        'open_dispute' as issue_type,
        disputes.dispute_id as issue_id,
        charges.customer_id,
        cast(disputes.created_at as date) as started_date,
        case
            {#- closed: decided, refunded, or prevented before it was filed (Stripe's
                prevented status, as with Visa's rapid dispute resolution) #}
            when
                disputes.dispute_status
                in ('won', 'lost', 'warning_closed', 'charge_refunded', 'prevented')
                then cast(disputes.synced_at as date)
        end as ended_date
    from disputes
    inner join charges
        on disputes.charge_id = charges.charge_id

    union all

    select
        'overdue_invoice' as issue_type,
        invoices.invoice_id as issue_id,
        invoices.customer_id,
        {{ overdue_from }} as started_date,
        case
            {#- the first of Stripe's dates: paid, or written off or voided (Stripe no
                longer asks for it, nor counts it as delinquency) #}
            when invoices.invoice_status in ('paid', 'uncollectible', 'void')
                then coalesce(
                    cast({{ least_ignoring_nulls(
                        'invoices.paid_at', 'invoices.marked_uncollectible_at', 'invoices.voided_at'
                    ) }} as date),
                    case
                        when invoices.invoice_status = 'paid'
                            {#- paid, but nothing says when: in time (no overdue day) #}
                            then coalesce(
                                cast(invoice_payments.paid_at as date), {{ overdue_from }}
                            )
                        {#- written off or voided: overdue until the sync that showed it,
                            as the days before knew it #}
                        else cast(invoices.synced_at as date)
                    end
                )
        end as ended_date
    from invoices
    left join invoice_payments
        on invoices.invoice_id = invoice_payments.invoice_id
    left join invoice_failures
        on invoices.invoice_id = invoice_failures.invoice_id
    where
        (invoices.due_at is not null or invoice_failures.first_failed_at is not null)
        and invoices.invoice_status in ('open', 'paid', 'uncollectible', 'void')
),

final as (
    select
        issues.issue_type,
        issues.issue_id,
        account_lookup.account_id,
        issues.started_date,
        issues.ended_date
    from issues
    inner join account_identifiers as account_lookup
        on account_lookup.node_key = 'stripe_customer:' || issues.customer_id
    where issues.ended_date is null or issues.ended_date > issues.started_date
)

select * from final
