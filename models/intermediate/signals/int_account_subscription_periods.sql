{#-
    Every version of every subscription, on its account, with what it was worth: seats,
    plan and monthly recurring revenue (MRR, in the price's currency's major unit:
    amounts in different currencies are summed as they are). A version is
    paying when the subscription is in force (active, past_due or unpaid: see the
    subscription_in_force macro), has not ended and is not free (its items' prices add
    up to 0, an unknown price being no proof of that, and no invoice of the
    subscription was ever paid: a free plan, not a paying customer's downgrade or a
    quantity of 0). A paying version that ends at a time of day pays that day too
    when no other paying version of the account is in force later that day (a
    cancellation at 23:00, or a switch to another subscription overnight, leaves no day
    unpaid; a switch during the day counts the day once, by the later version). MRR
    sums every item (quantity times
    price), an item added to the subscription from the day it was created; seats sum
    the items' quantities, but those of the prices in the non_seat_price_ids var
    (add-ons) and of items without one (metered); the plan is the seat item bringing
    the most. Items are otherwise as they are today (Stripe keeps no item history),
    except a single-item subscription's quantity, which each version of the
    subscription keeps. A version is cut on the days items were added during it. A paying version carries
    the first day of the account's paying spell it belongs to (paying versions of any of
    the account's subscriptions that overlap or touch, without a day unpaid between):
    a customer who stopped paying and pays again starts a new spell.

    Fivetran's history of a subscription starts the day the connector first synced it:
    one already running then has its first version from that day. Its time before is
    read from its own dates, as a version of its own (active, with the first version's
    seats and plan, its periods ending on the anniversaries of a known period end):
    paying from its start (or the end of its trial) until that first
    version, or until it ended when the first version was already cancelled (when that
    leaves a day or more). A cancelled first version dated before the subscription
    ended (a record loaded once, after the end, dated from its start) then starts at
    the end.

    Fivetran records a subscription's end with the version that syncs it, hours or a
    day after Stripe's ended_at: no version runs past the subscription's end, so the
    last paying version ends when the subscription did, not at that sync.
-#}
{%- set paying_order = 'partition by account_id, is_paying order by valid_from, subscription_id' %}

with synced_versions as (
    {{ optional_ref('stg_stripe__subscription_history', 'lifecycle_using_stripe', {
        'subscription_id': 'string', 'customer_id': 'string', 'subscription_status': 'string',
        'seat_quantity': 'bigint', 'is_cancellation_scheduled': 'boolean', 'cancel_at': 'timestamp',
        'current_period_end_at': 'timestamp', 'ended_at': 'timestamp',
        'trial_started_at': 'timestamp', 'valid_from': 'timestamp', 'valid_to': 'timestamp',
        'started_at': 'timestamp', 'canceled_at': 'timestamp', 'trial_ended_at': 'timestamp',
    }) }}
),

first_syncs as (
    select
        subscription_id,
        min(valid_from) as first_valid_from
    from synced_versions
    group by subscription_id
),

first_versions as (
    select
        synced_versions.*,
        {{ greatest_ignoring_nulls(
            'synced_versions.started_at', 'synced_versions.trial_ended_at'
        ) }} as paid_from,
        {#- a subscription in force was paid until this version; a cancelled one until it
            ended, or this version's end when that came first -#}
        case
            when
                {{ subscription_in_force('synced_versions.subscription_status') }}
                and synced_versions.ended_at is null
                then synced_versions.valid_from
            when synced_versions.subscription_status = 'canceled'
                then {{ least_ignoring_nulls(
                    'coalesce(synced_versions.ended_at, synced_versions.canceled_at)',
                    'synced_versions.valid_to'
                ) }}
        end as paid_until
    from synced_versions
    inner join first_syncs
        on synced_versions.subscription_id = first_syncs.subscription_id
        and synced_versions.valid_from = first_syncs.first_valid_from
),

{# the paying time before the connector's first sync of a subscription already running #}
versions_before_first_sync as (
    select
        * exclude (paid_until) replace (
            'active' as subscription_status,
            paid_from as valid_from,
            paid_until as valid_to,
            cast(null as {{ dbt.type_timestamp() }}) as ended_at,
            false as is_cancellation_scheduled,
            cast(null as {{ dbt.type_timestamp() }}) as cancel_at,
            {#- its periods end on the anniversaries of a known period end, not all on
                the first version's -#}
            cast(null as {{ dbt.type_timestamp() }}) as current_period_end_at
        )
    from first_versions
    where cast(paid_from as date) < cast(paid_until as date)
),

recorded_versions as (
    select * exclude (paid_from) from versions_before_first_sync
    union all
    {#- a first version cancelled before the time paid before it ended starts then (one
        left without a moment of its own is dropped) #}
    select
        synced_versions.* replace (
            {{ greatest_ignoring_nulls(
                'synced_versions.valid_from', 'paid_before.valid_to'
            ) }} as valid_from
        )
    from synced_versions
    left join versions_before_first_sync as paid_before
        on synced_versions.subscription_id = paid_before.subscription_id
    where
        paid_before.valid_to is null
        or synced_versions.valid_to is null
        or synced_versions.valid_to > paid_before.valid_to
),

subscription_ends as (
    select
        subscription_id,
        min(ended_at) as ended_at
    from synced_versions
    where ended_at is not null
    group by subscription_id
),

{# a version followed by another (the one that records the end) stops at the end #}
versions as (
    select
        recorded_versions.* replace (
            case
                when
                    subscription_ends.ended_at > recorded_versions.valid_from
                    and subscription_ends.ended_at < recorded_versions.valid_to
                    then subscription_ends.ended_at
                else recorded_versions.valid_to
            end as valid_to
        )
    from recorded_versions
    left join subscription_ends
        on recorded_versions.subscription_id = subscription_ends.subscription_id
),

invoices as (
    {{ optional_ref('stg_stripe__invoices', 'lifecycle_using_stripe', {
        'invoice_id': 'string', 'subscription_id': 'string', 'amount_paid_cents': 'bigint',
    }) }}
),

billed_subscriptions as (
    select distinct subscription_id
    from invoices
    where amount_paid_cents > 0 and subscription_id is not null
),

items as (
    {{ optional_ref('stg_stripe__subscription_items', 'lifecycle_using_stripe', {
        'subscription_item_id': 'string', 'subscription_id': 'string', 'price_id': 'string',
        'seat_quantity': 'bigint', 'created_at': 'timestamp', 'current_period_end_at': 'timestamp',
    }) }}
),

{# a known period end, which the daily history steps back from by the plan's billing
    period (billing_period_months) for a version without one of its own: for the time
    before the first sync, the first period end a version recorded (the nearest);
    otherwise the current one on the items (Stripe connections made since 2025-07-31
    have it there, not on the subscription's versions, and a renewal then makes no new
    version), each else the other #}
item_period_ends as (
    select
        subscription_id,
        max(current_period_end_at) as current_period_end_at
    from items
    group by subscription_id
),

version_period_ends as (
    select
        subscription_id,
        min(current_period_end_at) as first_period_end_at,
        min(valid_from) as first_valid_from
    from synced_versions
    group by subscription_id
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

{# Items added to a subscription count from the day they were created (an add-on
    bought in July is no revenue in June): a version is cut into segments on those
    days. The subscription's first items (created on the day of its earliest seat
    item, or of its earliest item when it has no seat item, or with no creation time)
    count from its start, whenever Stripe dates them: an item replaced on an upgrade
    leaves only the new one. #}
seat_flagged_items as (
    select
        *,
        {{ is_seat_price('price_id') }} as is_seat_item
    from items
),

first_item_days as (
    select
        subscription_id,
        coalesce(
            min(case when is_seat_item then cast(created_at as date) end),
            min(cast(created_at as date))
        ) as first_item_date
    from seat_flagged_items
    group by subscription_id
),

dated_items as (
    select
        items.*,
        case
            when cast(items.created_at as date) > first_item_days.first_item_date
                then cast(items.created_at as date)
        end as added_date
    from seat_flagged_items as items
    inner join first_item_days
        on items.subscription_id = first_item_days.subscription_id
),

item_cuts as (
    select distinct
        versions.subscription_id,
        versions.valid_from,
        dated_items.added_date as segment_from_date
    from versions
    inner join dated_items
        on versions.subscription_id = dated_items.subscription_id
        and dated_items.added_date > cast(versions.valid_from as date)
        and (
            versions.valid_to is null
            or dated_items.added_date < cast(versions.valid_to as date)
        )
),

segment_starts as (
    select
        subscription_id,
        valid_from,
        cast(valid_from as date) as segment_from_date
    from versions
    union all
    select
        subscription_id,
        valid_from,
        segment_from_date
    from item_cuts
),

segments as (
    select
        versions.* replace (
            case
                when segment_starts.segment_from_date > cast(versions.valid_from as date)
                    then cast(segment_starts.segment_from_date as {{ dbt.type_timestamp() }})
                else versions.valid_from
            end as valid_from,
            coalesce(
                cast(lead(segment_starts.segment_from_date) over (
                    partition by versions.subscription_id, versions.valid_from
                    order by segment_starts.segment_from_date
                ) as {{ dbt.type_timestamp() }}),
                versions.valid_to
            ) as valid_to
        )
    from versions
    inner join segment_starts
        on versions.subscription_id = segment_starts.subscription_id
        and versions.valid_from = segment_starts.valid_from
),

{# an item's monthly revenue: its quantity (1 when Stripe leaves it empty) times its
    price, over the months its billing interval spans; null for a price without a unit
    amount (tiered or volume pricing). Its quantity is seats unless its price is listed
    in the non_seat_price_ids var (an add-on sold by the unit) or it has none (metered
    usage). #}
priced_items as (
    select
        items.subscription_id,
        items.subscription_item_id,
        items.added_date,
        items.seat_quantity,
        prices.price_name,
        prices.recurring_interval,
        prices.recurring_interval_count,
        items.is_seat_item,
        {#- billed once a year or less often: a yearly price, or one of 12+ months #}
        prices.recurring_interval = 'year'
        or (prices.recurring_interval = 'month' and prices.recurring_interval_count >= 12)
            as is_annual,
        {{ major_currency_units('prices.unit_amount_cents', 'prices.currency') }} / (
            case prices.recurring_interval
                when 'year' then 12.0
                when 'month' then 1.0
                when 'week' then 12.0 / 52.0
                when 'day' then 12.0 / 365.0
            end
            * coalesce(prices.recurring_interval_count, 1)
        ) as unit_mrr
    from dated_items as items
    left join prices
        on items.price_id = prices.price_id
),

{# each segment's items, the plan first: the seat item with a quantity bringing the
    most revenue (a metered item, without quantity, only when no item has one; any item
    when none is a seat item), ties broken by item id #}
segment_items as (
    select
        segments.subscription_id,
        segments.valid_from,
        priced_items.subscription_item_id,
        priced_items.seat_quantity,
        priced_items.price_name,
        priced_items.recurring_interval,
        priced_items.recurring_interval_count,
        priced_items.is_seat_item,
        priced_items.is_annual,
        priced_items.unit_mrr,
        row_number() over (
            partition by segments.subscription_id, segments.valid_from
            order by
                case
                    when priced_items.is_seat_item and priced_items.seat_quantity is not null then 0
                    when priced_items.is_seat_item then 1
                    else 2
                end,
                coalesce(coalesce(priced_items.seat_quantity, 1) * priced_items.unit_mrr, 0) desc,
                priced_items.subscription_item_id
        ) as plan_rank
    from segments
    inner join priced_items
        on segments.subscription_id = priced_items.subscription_id
        and coalesce(priced_items.added_date <= cast(segments.valid_from as date), true)
),

{# the revenue is every item's, the seats those of the seat items with a quantity,
    the plan's name, interval and price those of the plan item #}
subscription_items as (
    select
        subscription_id,
        valid_from,
        count(*) as item_count,
        count(case when is_seat_item then 1 end) as seat_item_count,
        sum(coalesce(seat_quantity, 1) * unit_mrr) as items_mrr,
        count(unit_mrr) = count(*) as is_every_item_priced,
        sum(case when is_seat_item then seat_quantity end) as item_seats,
        max(case when plan_rank = 1 then price_name end) as plan_name,
        max(case when plan_rank = 1 then recurring_interval end) as plan_recurring_interval,
        max(case when plan_rank = 1 then recurring_interval_count end) as plan_interval_count,
        max(case when plan_rank = 1 and is_annual then 1 else 0 end) = 1 as plan_is_annual,
        max(case when plan_rank = 1 then unit_mrr end) as plan_unit_mrr
    from segment_items
    group by subscription_id, valid_from
),

periods as (
    select
        segments.subscription_id,
        account_lookup.account_id,
        segments.subscription_status,
        {#- a single-item subscription's quantity is kept per version (seat changes show
            in the history); several items carry theirs on the items -#}
        case
            when
                coalesce(subscription_items.item_count, 0) <= 1
                and coalesce(subscription_items.seat_item_count, 1) = 1
                then coalesce(segments.seat_quantity, subscription_items.item_seats)
            else subscription_items.item_seats
        end as seat_quantity,
        subscription_items.plan_name,
        subscription_items.plan_recurring_interval as billing_interval,
        segments.is_cancellation_scheduled,
        cast(segments.cancel_at as date) as cancel_date,
        segments.valid_from,
        cast(segments.valid_from as date) as valid_from_date,
        segments.valid_to,
        cast(segments.valid_to as date) as valid_to_date,
        cast(segments.current_period_end_at as date) as period_end_date,
        cast(
            case
                when segments.valid_from < version_period_ends.first_valid_from
                    then coalesce(
                        version_period_ends.first_period_end_at,
                        item_period_ends.current_period_end_at
                    )
                else coalesce(
                    item_period_ends.current_period_end_at,
                    version_period_ends.first_period_end_at
                )
            end
            as date
        ) as known_period_end_date,
        {#- the plan's billing period in months (a yearly price: 12, a 2-year one: 24) #}
        case subscription_items.plan_recurring_interval
            when 'year' then 12 * coalesce(subscription_items.plan_interval_count, 1)
            when 'month' then coalesce(subscription_items.plan_interval_count, 1)
        end as billing_period_months,
        {{ subscription_in_force('segments.subscription_status') }} and segments.ended_at is null
            as is_in_force,
        coalesce(subscription_items.plan_is_annual, false) as is_annual,
        segments.trial_started_at,
        subscription_items.is_every_item_priced,
        case
            when segments.seat_quantity is not null and subscription_items.item_count = 1
                then segments.seat_quantity * subscription_items.plan_unit_mrr
            else subscription_items.items_mrr
        end as mrr
    from segments
    inner join account_identifiers as account_lookup
        on account_lookup.node_key = 'stripe_customer:' || segments.customer_id
    left join subscription_items
        on segments.subscription_id = subscription_items.subscription_id
        and segments.valid_from = subscription_items.valid_from
    left join item_period_ends
        on segments.subscription_id = item_period_ends.subscription_id
    left join version_period_ends
        on segments.subscription_id = version_period_ends.subscription_id
),

paid_periods as (
    {#- a free plan (known prices adding up to 0, never billed) is no payment -#}
    select
        * exclude (is_in_force, is_every_item_priced),
        is_in_force
        and not coalesce(
            mrr = 0
            and is_every_item_priced
            and subscription_id not in (
                select billed_subscriptions.subscription_id from billed_subscriptions
            ),
            false
        ) as is_paying
    from periods
),

part_paid_endings as (
    {#- paying versions ending at a time of day -#}
    select * from paid_periods
    where is_paying and valid_to > cast(valid_to_date as {{ dbt.type_timestamp() }})
),

covered_endings as (
    {#- those whose last day another paying version of the account covers: one in force
        that day after the ending (a downgrade at 10:00 then cancelled at 18:00 pays the
        day once, by the later version; inner join and filters: as join conditions of
        an outer join they take a nested loop) -#}
    select
        ending.subscription_id,
        ending.valid_from
    from part_paid_endings as ending
    inner join paid_periods as other
        on ending.account_id = other.account_id
    where
        other.is_paying
        and not (
            ending.subscription_id = other.subscription_id
            and ending.valid_from = other.valid_from
        )
        and ending.valid_to_date >= other.valid_from_date
        and (other.valid_to is null or ending.valid_to < other.valid_to)
),

part_paid_last_days as (
    {#- the others: their last day is paid too -#}
    select
        subscription_id,
        valid_from
    from part_paid_endings
    except
    select
        subscription_id,
        valid_from
    from covered_endings
),

paid_days as (
    select
        paid_periods.* replace (
            case
                when part_paid_last_days.subscription_id is not null
                    then cast({{ dbt.dateadd('day', 1, 'paid_periods.valid_to_date') }} as date)
                else paid_periods.valid_to_date
            end as valid_to_date
        )
    from paid_periods
    left join part_paid_last_days
        on paid_periods.subscription_id = part_paid_last_days.subscription_id
        and paid_periods.valid_from = part_paid_last_days.valid_from
),

spell_bounds as (
    {#- a paying version starts a spell when it starts after every earlier paying version
        of the account ended; versions that are not paying are windowed apart and get no
        spell #}
    select
        *,
        coalesce(
            valid_from_date > max(coalesce(valid_to_date, cast('9999-12-31' as date))) over (
                {{ paying_order }}
                rows between unbounded preceding and 1 preceding
            ),
            true
        ) as starts_spell
    from paid_days
),

numbered_spells as (
    select
        *,
        sum(case when starts_spell then 1 else 0 end) over (
            {{ paying_order }}
            rows between unbounded preceding and current row
        ) as spell_number
    from spell_bounds
),

final as (
    select
        * exclude (starts_spell, spell_number),
        case
            when is_paying
                then min(valid_from_date) over (partition by account_id, is_paying, spell_number)
        end as paying_spell_start_date
    from numbered_spells
)

select * from final  -- noqa: AM04
