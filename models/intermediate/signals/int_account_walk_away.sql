{#-
    Walk-away clocks (seed 000) as of the as_of_date var: a lead nobody met (and who
    did not use the product either) within walk_away_no_meeting_days, an opportunity
    without a demo after walk_away_no_demo_days (counted from its creation or the
    account's later product use), an account that took no meaningful step
    request) within walk_away_no_activation_days of first appearing (or of its latest
    lead or product signup: a new lead or signup on an old account starts again), a prospect
    known from the product alone (no open lead) that stopped using it
    walk_away_no_use_days ago, and a lead sales qualified (met) that never used the
    product and never had an opportunity: no demo walk_away_no_demo_days after it was
    qualified. A step the prospect takes (a hand-raise, a gated-feature
    attempt, a lead qualified) restarts the meeting, product-use and demo clocks as
    product use does; an opportunity open on the as_of_date stops the meeting and
    product-use clocks, and a deal closed lost restarts them from its close (a
    prospect with nothing but a deal lost long ago walks away walk_away_no_use_days
    after it). A lead belongs to its
    account as in int_lead_accounts (a free-mail lead by its website's company too).
    One row per account whose clock ran out (the earliest one), with the day it ran
    out. Accounts that ever paid are not prospects and have no clock.
-#}
{#- from its first dated sighting, or its latest lead or signup (a new lead or a signup
    on an account the CRM has held for years enters the pipeline that day): an account
    whose records are all undated has no such clock, since nobody knows when it
    appeared -#}
{%- set activation_deadline = dbt.dateadd(
    'day', var('walk_away_no_activation_days'),
    greatest_ignoring_nulls('profiles.first_seen_date', 'entries.last_entry_date')) %}

with profiles as (
    select * from {{ ref('int_account_profiles') }}
),

activation as (
    select * from {{ ref('int_account_activation') }}
),

opportunities as (
    select * from {{ ref('int_account_opportunities') }}
),

leads as (
    select * from {{ ref('stg_salesforce__leads') }}
),

subscriptions as (
    select * from {{ ref('int_account_subscription_periods') }}
),

activity as (
    select * from {{ ref('int_account_activity_daily') }}
),

last_product_use as (
    select
        account_id,
        max(activity_date) as last_core_event_date
    from activity
    where core_event_count > 0 and activity_date <= {{ as_of_date() }}
    group by account_id
),

lead_accounts as (
    select * from {{ ref('int_lead_accounts') }}
),

lead_qualifications as (
    select * from {{ ref('int_account_lead_qualifications') }}
),

last_steps as (
    {#- a step the prospect took: a hand-raise, a gated-feature attempt, a lead qualified #}
    select
        account_id,
        max(step_date) as last_step_date
    from (
        select
            account_id,
            activity_date as step_date
        from activity
        where
            (hand_raise_count > 0 or gated_feature_attempt_count > 0)
            and activity_date <= {{ as_of_date() }}
        union all
        select
            account_id,
            qualified_date as step_date
        from lead_qualifications
        where qualified_date <= {{ as_of_date() }}
    ) as steps
    group by account_id
),

open_leads as (
    {#- a lead loaded without its last change moved when it was created #}
    select
        lead_accounts.account_id,
        max(coalesce(leads.last_modified_at, leads.created_at)) as last_moved_at
    from leads
    inner join lead_accounts
        on leads.lead_id = lead_accounts.lead_id
    where
        leads.lead_status in ({{ quoted_list(var('open_lead_statuses')) }})
        and not leads.is_converted
        and leads.created_at < {{ dbt.dateadd('day', 1, as_of_date()) }}
        and lead_accounts.account_id is not null
    group by lead_accounts.account_id
),

entries as (
    {#- the latest day the account entered the pipeline: a lead created, a signup
        event in the product #}
    select
        account_id,
        max(entry_date) as last_entry_date
    from (
        select
            lead_accounts.account_id,
            cast(leads.created_at as date) as entry_date
        from leads
        inner join lead_accounts
            on leads.lead_id = lead_accounts.lead_id
        where lead_accounts.account_id is not null
        union all
        select
            account_id,
            cast(last_signup_event_at as date) as entry_date
        from activation
    ) as account_entries
    where entry_date <= {{ as_of_date() }}
    group by account_id
),

open_opportunities as (
    select * from opportunities
    where
        created_date <= {{ as_of_date() }}
        and (closed_date is null or closed_date > {{ as_of_date() }})
),

last_closed_deals as (
    select
        account_id,
        max(closed_date) as last_closed_date
    from opportunities
    where closed_date <= {{ as_of_date() }}
    group by account_id
),

prospects as (
    select open_leads.account_id from open_leads
    union
    select last_product_use.account_id from last_product_use
    union
    select last_steps.account_id from last_steps
    union
    select last_closed_deals.account_id from last_closed_deals
),

movements as (
    {#- what moved each prospect (an open lead, product use, a step or a closed deal)
        with no open opportunity (an open one stops the meeting and product-use
        clocks): the lead's last change, the last product use, the last step (a
        hand-raise, a gated-feature attempt, a lead qualified), the last deal closed
        (lost) #}
    select
        prospects.account_id,
        last_product_use.last_core_event_date,
        last_steps.last_step_date,
        last_closed_deals.last_closed_date,
        cast(open_leads.last_moved_at as date) as last_lead_change_date,
        open_leads.account_id is not null as has_open_lead,
        {#- a lead sales qualified, never a product user and never in a deal: it waits
            for a demo #}
        last_product_use.account_id is null
        and last_closed_deals.account_id is null
        and prospects.account_id in (
            select lead_qualifications.account_id from lead_qualifications
            where lead_qualifications.qualified_date <= {{ as_of_date() }}
        ) as is_qualified_lead_only
    from prospects
    left join open_leads
        on prospects.account_id = open_leads.account_id
    left join last_product_use
        on prospects.account_id = last_product_use.account_id
    left join last_steps
        on prospects.account_id = last_steps.account_id
    left join last_closed_deals
        on prospects.account_id = last_closed_deals.account_id
    where prospects.account_id not in (select open_opportunities.account_id from open_opportunities)
),

clocks as (
    -- the clocks run from the latest movement: a lead nobody met, a prospect known from
    -- the product alone that stopped using it, a qualified lead with no demo
    select
        account_id,
        'no_first_meeting' as walk_away_reason,
        cast({{ dbt.dateadd('day', var('walk_away_no_meeting_days'), greatest_ignoring_nulls(
            'last_lead_change_date', 'last_core_event_date', 'last_step_date', 'last_closed_date'
        )) }} as date) as walk_away_date
    from movements
    where has_open_lead

    union all

    select
        account_id,
        'no_product_use' as walk_away_reason,
        cast({{ dbt.dateadd('day', var('walk_away_no_use_days'), greatest_ignoring_nulls(
            'last_core_event_date', 'last_step_date', 'last_closed_date'
        )) }} as date) as walk_away_date
    from movements
    where not has_open_lead and not is_qualified_lead_only

    union all

    select
        account_id,
        'no_demo' as walk_away_reason,
        cast({{ dbt.dateadd('day', var('walk_away_no_demo_days'), 'last_step_date') }} as date)
            as walk_away_date
    from movements
    where not has_open_lead and is_qualified_lead_only

    union all

    {#- a deal waiting for its demo: from its creation, or the account's later product
        use or step (a prospect that came back to the product is moving) #}
    select
        opportunities.account_id,
        'no_demo' as walk_away_reason,
        cast({{ dbt.dateadd('day', var('walk_away_no_demo_days'), greatest_ignoring_nulls(
            'opportunities.created_date',
            'last_product_use.last_core_event_date',
            'last_steps.last_step_date'
        )) }} as date) as walk_away_date
    from open_opportunities as opportunities
    left join last_product_use
        on opportunities.account_id = last_product_use.account_id
    left join last_steps
        on opportunities.account_id = last_steps.account_id
    where
        opportunities.stage_name in ({{ quoted_list(var('pre_demo_opportunity_stages')) }})

    union all

    select
        profiles.account_id,
        'no_activation' as walk_away_reason,
        cast({{ activation_deadline }} as date) as walk_away_date
    from profiles
    left join activation
        on profiles.account_id = activation.account_id
    left join entries
        on profiles.account_id = entries.account_id
    where
        (
            activation.activated_at is null
            or cast(activation.activated_at as date) > {{ as_of_date() }}
        )
        {#- an opportunity, a step (a hand-raise, a gated-feature attempt, a lead
            qualified) or core use of the product is a step too: that account is not idle
            (one that stops has the product-use clock) #}
        and profiles.account_id not in (
            select opportunities.account_id from opportunities
            where opportunities.created_date <= {{ as_of_date() }}
        )
        and profiles.account_id not in (select last_product_use.account_id from last_product_use)
        and profiles.account_id not in (select last_steps.account_id from last_steps)
),

customers as (
    -- the clocks are for prospects: anyone who has paid or signed is out of scope
    select account_id from subscriptions
    where is_paying and valid_from_date <= {{ as_of_date() }}
    union
    select account_id from opportunities
    where is_won and closed_date <= {{ as_of_date() }}
),

final as (
    select
        clocks.account_id,
        min_by(clocks.walk_away_reason, clocks.walk_away_date) as walk_away_reason,
        min(clocks.walk_away_date) as walk_away_date
    from clocks
    where
        clocks.walk_away_date <= {{ as_of_date() }}
        and clocks.account_id not in (select customers.account_id from customers)
    group by clocks.account_id
)

select * from final
