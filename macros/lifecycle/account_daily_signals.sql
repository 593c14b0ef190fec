{#-
    Every lifecycle signal for every (non-internal) account and every day from
    `range_start` to `range_end` (SQL date expressions), computed only from what was
    known on that day. The daily history calls it; the as-of signals read that
    history's as_of_date row, so the two cannot disagree.

    `full_history_accounts` (optional) is a query returning account_ids whose days
    are computed from their first day instead of from range_start: an incremental run
    passes the accounts it builds whole (never built, such as an account re-keyed by
    identity resolution, or whose kept days no longer match: see
    int_account_signals_daily), so their history is whole.

    How: a dense grid of account-days starting 90 days before each account's first
    day to compute (the longest look-back any rolling sum needs: 90-day ticket
    and failed-payment counts, active users 90 days ago); date-range joins,
    over the days returned only (output_grid), for things that are open for a while
    (tickets, subscriptions, opportunities, billing issues). Active users, NPS
    answers of the last nps_window_days (each respondent by their latest answer) and
    ticket ratings of the last 90 days (each ticket by the rating it had that day) are
    running sums of +1/-1 changes (a change before the grid counts on its first day, so
    these need no look-back of their own). The rolling sums are computed two ways, with
    the same result, chosen per account by how many days it has to return:
      - more than max_summed_days (is_windowed: every account in a full build of a
        longer range, and in an incremental run an account built whole with a longer
        history, or every account after a pause): sliding window sums over every grid
        day (daily, windowed_sums), where nearly every grid day is returned.
      - fewer (an incremental run's new days after the 90-day look-back): each returned
        day sums its account's changes since the grid's first day (changes,
        recent_sums), a join with nothing windowed. Its rows grow with the days
        returned times the days of changes, hence the limit. (An incremental run at 10M
        events, timed alone twice each: 1.9-2.0 s, against 4.3-4.6 s for differences
        of running totals looked up through a running max and lags over the dense
        grid; the same rows.)
    Rows before range_start are only context and are dropped at the end. The windows
    partition by account_num, a dense integer per account: sorting tens of millions of
    account-days by an integer is about twice as fast as by the hashed account_id. The
    windowed rows carry only that integer, and `signals` joins the account_id back
    (the whole model at 10M events over a stored copy of its inputs, alternated:
    31.1-33.3 s against 34.6-38.3 s with the account_id in the windowed rows). The
    rows carry account_num, for the caller's own windows over the days of each account.
-#}
{% macro account_daily_signals(
    range_start, range_end, full_history_accounts=none
) %}
{%- set lookback_days = 90 %}
{%- set max_summed_days = 14 %}
{#- sums are cast back to bigint: DuckDB sums integers into 128-bit integers, which are
    slow to window, store and scan (its windows add up doubles: window_sum_input) -#}
{%- set bigint = dbt.type_bigint() %}
{#- the daily counts (one row per account and day each) and the measures they hold #}
{%- set measures = [
    'core_events', 'events', 'gated_attempts', 'hand_raises', 'tickets_opened', 'ratings_good',
    'ratings_bad', 'failed_payments', 'promoters', 'passives', 'detractors', 'active_user_change',
] %}
{%- set change_sources = [
    ('activity', 'activity_date', {
        'core_events': 'core_event_count', 'events': 'event_count',
        'gated_attempts': 'gated_feature_attempt_count', 'hand_raises': 'hand_raise_count'}),
    ('ticket_days', 'activity_date', {'tickets_opened': 'tickets_opened'}),
    ('rating_days', 'change_date', {'ratings_good': 'ratings_good', 'ratings_bad': 'ratings_bad'}),
    ('failed_payment_days', 'activity_date', {'failed_payments': 'failed_payments'}),
    ('nps_days', 'activity_date', {
        'promoters': 'promoters', 'passives': 'passives', 'detractors': 'detractors'}),
    ('active_user_change_days', 'change_date', {'active_user_change': 'change'}),
] %}
{#- the rolling sums both ways compute: (column, measure, days summed back from the day,
    or none: since the grid's first day, a running sum of +1/-1 changes for ratings, NPS
    answers and active users); core_events_prior_30d, active_users_90d_ago and
    last_core_date_in_grid are written out in each -#}
{%- set rolling_sums = [
    ('core_events_30d', 'core_events', 30),
    ('events_30d', 'events', 30),
    ('gated_attempts_30d', 'gated_attempts', 30),
    ('hand_raises_30d', 'hand_raises', 30),
    ('tickets_90d', 'tickets_opened', 90),
    ('failed_payments_30d', 'failed_payments', 30),
    ('failed_payments_90d', 'failed_payments', 90),
    ('satisfaction_good_90d', 'ratings_good', none),
    ('satisfaction_bad_90d', 'ratings_bad', none),
    ('nps_promoters_window', 'promoters', none),
    ('nps_passives_window', 'passives', none),
    ('nps_detractors_window', 'detractors', none),
    ('active_users_30d', 'active_user_change', none),
] %}
{#- is_windowed: the account has more than max_summed_days days to return (a full
    build of a longer range; an account an incremental run builds whole, or every
    account in a run after a pause), so its rolling sums slide windows over its grid
    days; the other accounts' days each sum their changes (recent_sums) -#}
tracked_accounts as (
    select
        accounts.*,
        {{ dbt.datediff(
            greatest_ignoring_nulls('accounts.range_start_date', 'accounts.history_start_date'),
            'cast(' ~ range_end ~ ' as date)', 'day'
        ) }} >= {{ max_summed_days }} as is_windowed
    from (
        select
            profiles.*,
            row_number() over (order by profiles.account_id) as account_num,
            {%- if full_history_accounts %}
            case
                when profiles.account_id in ({{ full_history_accounts }})
                    then least(
                        cast({{ range_start }} as date),
                        coalesce(profiles.history_start_date, cast({{ range_start }} as date))
                    )
                else cast({{ range_start }} as date)
            end as range_start_date
            {%- else %}
            cast({{ range_start }} as date) as range_start_date
            {%- endif %}
        from profiles
        where not profiles.is_internal
    ) as accounts
),

bounds as (
    select
        cast({{ dbt.dateadd('day', -lookback_days, 'min(range_start_date)') }} as date)
            as lookback_start_date,
        cast({{ range_end }} as date) as range_end_date
    from tracked_accounts
),

spine as (
    {{ day_spine('(select lookback_start_date from bounds)', '(select range_end_date from bounds)') }}
),

grid as (
    select
        tracked_accounts.account_id,
        tracked_accounts.account_num,
        tracked_accounts.range_start_date,
        tracked_accounts.is_windowed,
        spine.spine_date as signal_date
    from tracked_accounts
    cross join spine
    where spine.spine_date >= coalesce(tracked_accounts.history_start_date, spine.spine_date)
        and spine.spine_date
        >= {{ dbt.dateadd('day', -lookback_days, 'tracked_accounts.range_start_date') }}
),

-- the days to return; the grid's earlier rows only feed the windows
output_grid as (
    select
        account_id,
        signal_date
    from grid
    where signal_date >= range_start_date
),

grid_starts as (
    select
        account_id,
        min(account_num) as account_num,
        min(signal_date) as first_grid_date
    from grid
    group by account_id
),

-- daily counts, one row per account and day (the change_sources) -------------------
ticket_days as (
    select
        account_id,
        cast(created_at as date) as activity_date,
        count(*) as tickets_opened
    from tickets
    group by account_id, cast(created_at as date)
),

-- ratings: +1 on the day a ticket is rated, -1 when the next change of its rating
-- replaces it or 90 days later, whichever comes first ----------------------------------
rating_changes as (
    {{ spell_changes(
        'ticket_ratings', 'ratings', 'cast(ratings.rated_at as date)',
        least_ignoring_nulls(
            'cast(ratings.replaced_at as date)',
            'cast(' ~ dbt.dateadd('day', 90, 'cast(ratings.rated_at as date)') ~ ' as date)'
        ),
        columns=['satisfaction_rating']
    ) }}
),

rating_days as (
    select
        account_id,
        change_date,
        cast(sum(case when satisfaction_rating = 'good' then change else 0 end) as {{ bigint }})
            as ratings_good,
        cast(sum(case when satisfaction_rating = 'bad' then change else 0 end) as {{ bigint }})
            as ratings_bad
    from rating_changes
    group by account_id, change_date
),

-- NPS answers: +1 on the answer's day, -1 when its respondent answers again on the
-- account or nps_window_days later, whichever comes first ----------------------------
nps_answers as (
    select
        nps_responses.account_id,
        nps_responses.nps_category,
        nps_responses.response_date,
        nps_responses.replaced_at
    from nps_responses
    inner join tracked_accounts
        on nps_responses.account_id = tracked_accounts.account_id
    where nps_responses.response_date
        >= coalesce(tracked_accounts.history_start_date, nps_responses.response_date)
),

nps_changes as (
    {{ spell_changes(
        'nps_answers', 'answers', 'answers.response_date',
        least_ignoring_nulls(
            'cast(answers.replaced_at as date)',
            'cast(' ~ dbt.dateadd('day', number_var('nps_window_days'), 'answers.response_date')
                ~ ' as date)'
        ),
        columns=['nps_category']
    ) }}
),

nps_days as (
    select
        account_id,
        change_date as activity_date,
        cast(sum(case when nps_category = 'promoter' then change else 0 end) as {{ bigint }})
            as promoters,
        cast(sum(case when nps_category = 'passive' then change else 0 end) as {{ bigint }})
            as passives,
        cast(sum(case when nps_category = 'detractor' then change else 0 end) as {{ bigint }})
            as detractors
    from nps_changes
    group by account_id, change_date
),

failed_payment_days as (
    select
        account_id,
        started_date as activity_date,
        count(*) as failed_payments
    from billing_issues
    where issue_type = 'failed_payment'
    group by account_id, started_date
),

-- active users: +1 when a spell starts, -1 when it ends, summed along the grid -------
active_user_changes as (
    {{ spell_changes(
        'active_user_spells', 'spells', 'spells.spell_start_date', 'spells.spell_end_date') }}
),

active_user_change_days as (
    select
        account_id,
        change_date,
        cast(sum(change) as {{ bigint }}) as change
    from active_user_changes
    group by account_id, change_date
),

-- the windowed accounts: the daily counts on every grid day (0 when none), then
-- sliding window sums -----------------------------------------------------------------
daily as (
    select
        grid.account_id,
        grid.account_num,
        grid.signal_date,
        {%- for measure in measures %}
        {%- for source, _, columns in change_sources if measure in columns %}
        coalesce({{ source }}.{{ columns[measure] }}, 0) as {{ measure }}
        {%- endfor %}{{ ',' if not loop.last }}
        {%- endfor %}
    from grid
    {%- for source, date_column, _ in change_sources %}
    left join {{ source }}
        on grid.account_id = {{ source }}.account_id
        and grid.signal_date = {{ source }}.{{ date_column }}
    {%- endfor %}
    where grid.is_windowed
),

windowed_sums as (
    select
        account_num,
        signal_date,
        {%- for column, measure, window_days in rolling_sums %}
        cast(sum({{ window_sum_input(measure) }}) over (
            partition by account_num order by signal_date
            rows between {{ (window_days - 1) ~ ' preceding' if window_days else 'unbounded preceding' }}
            and current row
        ) as {{ bigint }}) as {{ column }},
        {%- endfor %}
        cast(sum({{ window_sum_input('core_events') }}) over (
            partition by account_num order by signal_date
            rows between 59 preceding and 30 preceding
        ) as {{ bigint }}) as core_events_prior_30d,
        {#- active users 90 days ago: the running sum up to the row 90 days back (the grid
            has every day) #}
        cast(sum({{ window_sum_input('active_user_change') }}) over (
            partition by account_num order by signal_date
            rows between unbounded preceding and 90 preceding
        ) as {{ bigint }}) as active_users_90d_ago,
        max(case when core_events > 0 then signal_date end) over (
            partition by account_num order by signal_date
            rows between unbounded preceding and current row
        ) as last_core_date_in_grid
    from daily
),

-- the accounts not windowed (at most max_summed_days days to return): each day's sums
-- over its account's changes since the grid's first day ---------------------------------
changes as (
    {%- for source, date_column, columns in change_sources %}
    select
        account_id,
        {{ date_column }} as change_date,
        {%- for measure in measures %}
        {{ columns.get(measure, '0') }} as {{ measure }}{{ ',' if not loop.last }}
        {%- endfor %}
    from {{ source }}
    {{- '\n    union all' if not loop.last }}
    {%- endfor %}
),

{#- templates: within_days.format(n), a change in the last n days up to the returned
    day; sum_of.format(expression), its sum over the joined changes (0 when none) #}
{%- set within_days = 'changes.change_date > ' ~ dbt.dateadd('day', '-{}', 'days.signal_date') %}
{%- set sum_of = 'cast(coalesce(sum({}), 0) as ' ~ bigint ~ ')' %}
recent_sums as (
    select
        days.account_num,
        days.signal_date,
        {%- for column, measure, window_days in rolling_sums %}
        {{ sum_of.format(
            'case when ' ~ within_days.format(window_days) ~ ' then changes.' ~ measure ~ ' end'
            if window_days else 'changes.' ~ measure
        ) }} as {{ column }},
        {%- endfor %}
        {#- 59 to 30 days back: none (null) in the grid's first 30 days #}
        case
            when days.signal_date >= {{ dbt.dateadd('day', 30, 'days.first_grid_date') }}
                then {{ sum_of.format('case when ' ~ within_days.format(60)
                    ~ ' and not ' ~ within_days.format(30) ~ ' then changes.core_events end') }}
        end as core_events_prior_30d,
        case
            when days.signal_date >= {{ dbt.dateadd('day', 90, 'days.first_grid_date') }}
                then {{ sum_of.format('case when not ' ~ within_days.format(90)
                    ~ ' then changes.active_user_change end') }}
        end as active_users_90d_ago,
        max(case when changes.core_events > 0 then changes.change_date end)
            as last_core_date_in_grid
    from (
        select
            grid.account_id,
            grid.account_num,
            grid.signal_date,
            grid_starts.first_grid_date
        from grid
        inner join grid_starts
            on grid.account_num = grid_starts.account_num
        where not grid.is_windowed and grid.signal_date >= grid.range_start_date
    ) as days
    left join changes
        on days.account_id = changes.account_id
        and changes.change_date >= days.first_grid_date
        and changes.change_date <= days.signal_date
    group by days.account_num, days.signal_date, days.first_grid_date
),

{%- set rolling_columns = ['account_num', 'signal_date']
    + rolling_sums | map(attribute=0) | list
    + ['core_events_prior_30d', 'active_users_90d_ago', 'last_core_date_in_grid'] %}
rolling as (
    select {{ rolling_columns | join(', ') }}
    from windowed_sums
    union all
    select {{ rolling_columns | join(', ') }}
    from recent_sums
),

core_before_grid as (
    select
        activity.account_id,
        max(activity.activity_date) as last_core_date
    from activity
    inner join grid_starts
        on activity.account_id = grid_starts.account_id
    where activity.core_event_count > 0 and activity.activity_date < grid_starts.first_grid_date
    group by activity.account_id
),

-- things that stay open for a while: joined on their date ranges ---------------------
support_load as (
    select
        days.account_id,
        days.signal_date,
        count(*) as unresolved_tickets,
        count(case when periods.is_urgent then 1 end) as urgent_unresolved_tickets
    from output_grid as days
    inner join ticket_unresolved_periods as periods
        on days.account_id = periods.account_id
        and days.signal_date >= cast(periods.unresolved_from as date)
        and (
            periods.unresolved_to is null
            or days.signal_date < cast(periods.unresolved_to as date)
        )
    group by days.account_id, days.signal_date
),

{#- an annual subscription version without a period end of its own (one on its items
    only, or its time before the connector's first sync), E a known period end of the
    subscription: that day's period ends on the first of E, E - P, E - 2P, ... (P its
    billing period in months) after the day, each counted from E so a period ending on
    February 29 keeps its day in leap years -#}
{%- set months_to_end = dbt.datediff(
    'days.signal_date', 'subscriptions.known_period_end_date', 'month') %}
{%- set periods_back = 'cast(floor(' ~ months_to_end
    ~ ' / subscriptions.billing_period_months) as integer)' %}
{%- set period_end_in_force = dbt.dateadd(
    'month', '-' ~ periods_back ~ ' * subscriptions.billing_period_months',
    'subscriptions.known_period_end_date') %}
{%- set period_end_after = dbt.dateadd(
    'month', '(1 - ' ~ periods_back ~ ') * subscriptions.billing_period_months',
    'subscriptions.known_period_end_date') %}
{%- set next_anniversary -%}
    case
        when cast({{ period_end_in_force }} as date) > days.signal_date
            then cast({{ period_end_in_force }} as date)
        else cast({{ period_end_after }} as date)
    end
{%- endset %}
billing_state as (
    select
        days.account_id,
        days.signal_date,
        max(case when subscriptions.is_paying then 1 else 0 end) = 1 as is_paying,
        min(case when subscriptions.is_paying then subscriptions.paying_spell_start_date end)
            as paying_since_date,
        sum(case when subscriptions.is_paying then subscriptions.mrr else 0 end) as mrr,
        {#- seats of several items and subscriptions can pass a 32-bit integer: capped
            there, so the marts can hold them as integers (a paying add-on or metered plan
            has none: 0, not a NULL that least() treats one way on DuckDB, another on
            Snowflake) #}
        cast(
            least(
                sum(
                    case
                        when subscriptions.is_paying then coalesce(subscriptions.seat_quantity, 0)
                        else 0
                    end
                ),
                2147483647
            )
            as {{ bigint }}
        ) as seats,
        {#- the named plan bringing the most (Snowflake's max_by would return a NULL name
            that DuckDB's skips) #}
        max_by(
            subscriptions.plan_name,
            case
                when subscriptions.is_paying and subscriptions.plan_name is not null
                    then subscriptions.mrr
            end
        ) as plan_name,
        min(
            case
                when subscriptions.is_paying and subscriptions.is_annual
                    then coalesce(subscriptions.period_end_date, {{ next_anniversary }})
            end
        ) as renewal_date,
        {#- a paying subscription is set to cancel and none bringing revenue goes on (a
            monthly plan cancelled on the switch to an annual one is no cancellation; a
            free or metered subscription left running does not hide one). One set to end
            on a date (Stripe's cancel_at: a request for a later day, or a fixed-term
            contract) counts once that date is risk_renewal_window_days away, as a
            renewal would. #}
        {%- set cancelling = '(subscriptions.is_cancellation_scheduled and coalesce('
            ~ 'subscriptions.cancel_date <= '
            ~ dbt.dateadd('day', var('risk_renewal_window_days'), 'days.signal_date')
            ~ ', true))' %}
        max(
            case
                when subscriptions.is_paying and {{ cancelling }} then 1
                else 0
            end
        ) = 1
        and coalesce(sum(
            case
                when subscriptions.is_paying and not {{ cancelling }}
                    then subscriptions.mrr
            end
        ), 0) = 0 as has_cancellation_requested,
        {#- Stripe's delinquency: the subscription's latest invoice is unpaid (past_due while
            Stripe retries the payment, unpaid once it has stopped) #}
        max(
            case
                when subscriptions.is_paying
                    and {{ subscription_delinquent('subscriptions.subscription_status') }}
                    then 1
                else 0
            end
        ) = 1 as is_past_due
    from output_grid as days
    inner join subscriptions
        on days.account_id = subscriptions.account_id
        and days.signal_date >= subscriptions.valid_from_date
        and (subscriptions.valid_to_date is null or days.signal_date < subscriptions.valid_to_date)
    group by days.account_id, days.signal_date
),

{#- billing is measured from the first subscription, invoice or billing problem (a
    customer by a won deal billed through invoices alone has its failed payments
    measured, and one that never had any has its billing measured too) #}
billing_history as (
    select
        account_id,
        min(first_billing_date) as first_billing_date,
        min(first_paying_date) as first_paying_date
    from (
        select
            account_id,
            valid_from_date as first_billing_date,
            case when is_paying then valid_from_date end as first_paying_date
        from subscriptions
        union all
        select
            account_id,
            started_date as first_billing_date,
            cast(null as date) as first_paying_date
        from billing_issues
        union all
        select
            account_id,
            first_invoice_date as first_billing_date,
            cast(null as date) as first_paying_date
        from profiles
        where first_invoice_date is not null
    ) as billing_records
    group by account_id
),

won_deal_contracts as (
    {#- every won deal with the day its contract spell began: a deal closed while an
        earlier one's contract (customer_contract_days) still ran, such as a renewal or
        an upsell, continues that spell; one closed after a day without a contract
        starts a new one #}
    select
        account_id,
        closed_date,
        max(case when starts_contract_spell then closed_date end) over (
            partition by account_id order by closed_date
            rows between unbounded preceding and current row
        ) as contract_since_date
    from (
        select
            account_id,
            closed_date,
            coalesce(
                {{ dbt.datediff(
                    'lag(closed_date) over (partition by account_id order by closed_date)',
                    'closed_date', 'day') }} > {{ number_var('customer_contract_days') }},
                true
            ) as starts_contract_spell
        from opportunities
        where is_won and closed_date is not null
    ) as won_deal_dates
),

won_deal_history as (
    select
        account_id,
        min(closed_date) as first_won_deal_date
    from won_deal_contracts
    group by account_id
),

open_billing_issues as (
    select
        days.account_id,
        days.signal_date,
        count(case when billing_issues.issue_type = 'open_dispute' then 1 end) as open_disputes,
        count(case when billing_issues.issue_type = 'overdue_invoice' then 1 end)
            as overdue_invoices
    from output_grid as days
    inner join billing_issues
        on days.account_id = billing_issues.account_id
        and days.signal_date >= billing_issues.started_date
        and (billing_issues.ended_date is null or days.signal_date < billing_issues.ended_date)
    where billing_issues.issue_type in ('open_dispute', 'overdue_invoice')
    group by days.account_id, days.signal_date
),

pipeline as (
    select
        days.account_id,
        days.signal_date,
        count(*) as open_opportunities
    from output_grid as days
    inner join opportunities
        on days.account_id = opportunities.account_id
        and days.signal_date >= opportunities.created_date
        and (opportunities.closed_date is null or days.signal_date < opportunities.closed_date)
    group by days.account_id, days.signal_date
),

-- each day's latest lead qualification so far (an account's leads qualify on days of
-- their own: one qualified later does not hide an earlier one)
latest_lead_qualifications as (
    select
        days.account_id,
        days.signal_date,
        max(lead_qualifications.qualified_date) as lead_qualified_date
    from output_grid as days
    inner join lead_qualifications
        on days.account_id = lead_qualifications.account_id
        and lead_qualifications.qualified_date <= days.signal_date
    group by days.account_id, days.signal_date
),

-- paying spells that ended: the day after the last paying day of each
ended_paying_spells as (
    select
        account_id,
        max(valid_to_date) as spell_end_date
    from subscriptions
    where is_paying
    group by account_id, paying_spell_start_date
    having count(*) = count(valid_to_date)
),

won_deals as (
    select
        deals.account_id,
        deals.signal_date,
        deals.last_won_deal_date,
        deals.won_deal_contract_since_date,
        {#- Stripe shows the account stopped paying after the deal closed: the deal's
            contract no longer makes it a customer #}
        count(ended_paying_spells.spell_end_date) > 0 as paying_ended_since_won_deal
    from (
        select
            days.account_id,
            days.signal_date,
            max(won_deal_contracts.closed_date) as last_won_deal_date,
            {#- the latest deal's spell: spells only move forward with the deals #}
            max(won_deal_contracts.contract_since_date) as won_deal_contract_since_date
        from output_grid as days
        inner join won_deal_contracts
            on days.account_id = won_deal_contracts.account_id
            and won_deal_contracts.closed_date <= days.signal_date
            and won_deal_contracts.closed_date
            > {{ dbt.dateadd('day', -number_var('customer_contract_days'), 'days.signal_date') }}
        group by days.account_id, days.signal_date
    ) as deals
    left join ended_paying_spells
        on deals.account_id = ended_paying_spells.account_id
        and deals.last_won_deal_date < ended_paying_spells.spell_end_date
        and deals.signal_date >= ended_paying_spells.spell_end_date
    group by
        deals.account_id,
        deals.signal_date,
        deals.last_won_deal_date,
        deals.won_deal_contract_since_date
),

-- everything together ----------------------------------------------------------------
{#- the next renewal: an annual subscription's period end; for a customer by a won deal
    alone (not paying through Stripe), the end of the deal's contract #}
{%- set renewal_date -%}
    coalesce(
        billing_state.renewal_date,
        case
            when not coalesce(billing_state.is_paying, false)
                and not won_deals.paying_ended_since_won_deal
                then cast({{ dbt.dateadd(
                    'day', number_var('customer_contract_days'), 'won_deals.last_won_deal_date'
                ) }} as date)
        end
    )
{%- endset %}
signals as (
    select
        tracked_accounts.account_id,
        rolling.account_num,
        rolling.signal_date,
        rolling.core_events_30d,
        rolling.core_events_prior_30d,
        rolling.events_30d,
        rolling.active_users_30d,
        rolling.active_users_90d_ago,
        {{ dbt.datediff(
            'coalesce(rolling.last_core_date_in_grid, core_before_grid.last_core_date)',
            'rolling.signal_date', 'day') }} as days_since_last_core_event,
        case
            when profiles.first_core_event_date <= rolling.signal_date
                then profiles.first_core_event_date
        end as first_core_event_date,
        rolling.gated_attempts_30d,
        rolling.hand_raises_30d,
        case
            when cast(activation.signed_up_at as date) <= rolling.signal_date
                then cast(activation.signed_up_at as date)
        end as signed_up_date,
        case
            when cast(activation.activated_at as date) <= rolling.signal_date
                then cast(activation.activated_at as date)
        end as activated_date,
        case
            when cast(activation.activated_at as date) <= rolling.signal_date
                then activation.days_to_activate
        end as days_to_activate,
        coalesce(support_load.unresolved_tickets, 0) as unresolved_tickets,
        coalesce(support_load.urgent_unresolved_tickets, 0) as urgent_unresolved_tickets,
        rolling.tickets_90d,
        rolling.satisfaction_good_90d,
        rolling.satisfaction_bad_90d,
        coalesce(billing_state.is_paying, false) as is_paying,
        coalesce(billing_state.mrr, 0) as mrr,
        coalesce(billing_state.seats, 0) as seats,
        billing_state.plan_name,
        {{ renewal_date }} as renewal_date,
        {{ dbt.datediff('rolling.signal_date', renewal_date, 'day') }} as days_to_renewal,
        coalesce(billing_state.has_cancellation_requested, false) as has_cancellation_requested,
        coalesce(billing_state.is_past_due, false) as is_past_due,
        coalesce(billing_history.first_billing_date <= rolling.signal_date, false)
            as has_billing_data,
        case
            when billing_history.first_paying_date <= rolling.signal_date
                then billing_history.first_paying_date
        end as first_paying_date,
        billing_state.paying_since_date,
        won_deals.last_won_deal_date,
        won_deals.won_deal_contract_since_date,
        coalesce(won_deals.paying_ended_since_won_deal, false) as paying_ended_since_won_deal,
        case
            when won_deal_history.first_won_deal_date <= rolling.signal_date
                then won_deal_history.first_won_deal_date
        end as first_won_deal_date,
        rolling.failed_payments_30d,
        rolling.failed_payments_90d,
        rolling.nps_promoters_window as nps_promoters,
        rolling.nps_passives_window as nps_passives,
        rolling.nps_detractors_window as nps_detractors,
        coalesce(open_billing_issues.open_disputes, 0) as open_disputes,
        coalesce(open_billing_issues.overdue_invoices, 0) as overdue_invoices,
        coalesce(pipeline.open_opportunities, 0) as open_opportunities,
        {#- the criteria count from the day a record holding firmographics existed #}
        case
            when coalesce(profiles.icp_known_since_date <= rolling.signal_date, true)
                then profiles.icp_criteria_met
            else 0
        end as icp_criteria_met,
        {#- contactable: a person with an email or a CRM record, or a product signup
            (the product holds the address it signed up with) #}
        coalesce(
            profiles.known_contact_since_date <= rolling.signal_date, profiles.is_known_contact, false
        )
        or coalesce(cast(activation.signup_event_at as date) <= rolling.signal_date, false)
            as has_known_contact,
        {{ dbt.datediff(
            'latest_lead_qualifications.lead_qualified_date', 'rolling.signal_date', 'day'
        ) }} as days_since_lead_qualified
    from rolling
    inner join tracked_accounts
        on rolling.account_num = tracked_accounts.account_num
    inner join profiles
        on tracked_accounts.account_id = profiles.account_id
    left join core_before_grid
        on tracked_accounts.account_id = core_before_grid.account_id
    left join activation
        on tracked_accounts.account_id = activation.account_id
    left join support_load
        on tracked_accounts.account_id = support_load.account_id
        and rolling.signal_date = support_load.signal_date
    left join billing_state
        on tracked_accounts.account_id = billing_state.account_id
        and rolling.signal_date = billing_state.signal_date
    left join billing_history
        on tracked_accounts.account_id = billing_history.account_id
    left join open_billing_issues
        on tracked_accounts.account_id = open_billing_issues.account_id
        and rolling.signal_date = open_billing_issues.signal_date
    left join pipeline
        on tracked_accounts.account_id = pipeline.account_id
        and rolling.signal_date = pipeline.signal_date
    left join won_deals
        on tracked_accounts.account_id = won_deals.account_id
        and rolling.signal_date = won_deals.signal_date
    left join won_deal_history
        on tracked_accounts.account_id = won_deal_history.account_id
    left join latest_lead_qualifications
        on tracked_accounts.account_id = latest_lead_qualifications.account_id
        and rolling.signal_date = latest_lead_qualifications.signal_date
    where rolling.signal_date >= tracked_accounts.range_start_date
)
{% endmacro %}
