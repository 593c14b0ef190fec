{#-
    The lifecycle stage and its reason codes from one row of account signals (the
    columns of account_daily_signals). Entry conditions and precedence are those of
    the stage_definitions seed; thresholds are project vars. Emits two columns:
    `stage` and `reason_codes` (comma-separated codes of the signals behind the stage;
    each code is prefixed with a comma and the first one dropped, which every
    warehouse does alike). A customer pays through Stripe, or won a deal within
    customer_contract_days that no ended Stripe subscription has superseded (a paying
    spell that ended after the deal closed means the customer left since). A former
    customer paid once or signed a deal. A customer's tenure counts from the start of
    its current paying spell (a customer paying again after a pause is new again), or,
    for a customer by won deals alone, from the start of its current contract spell (a
    renewal or an upsell closed while a contract runs does not make it new again).
-#}
{% macro lifecycle_stage_conditions() %}
    {%- set days_as_customer = dbt.datediff(
        'coalesce(paying_since_date, won_deal_contract_since_date)', 'signal_date', 'day') -%}
    {%- set c = {} -%}
    {%- do c.update({
        'paying_subscription': 'is_paying',
        'closed_won_deal': '(last_won_deal_date is not null'
            ~ ' and not coalesce(paying_ended_since_won_deal, false))',
    }) -%}
    {%- do c.update({
        'is_customer': '(' ~ c.paying_subscription ~ ' or ' ~ c.closed_won_deal ~ ')',
        'usage_drop': '(core_events_prior_30d >= ' ~ var('usage_drop_min_baseline')
            ~ ' and core_events_30d <= core_events_prior_30d * ' ~ var('usage_drop_max_ratio') ~ ')',
        'unresolved_tickets': '(unresolved_tickets >= ' ~ var('risk_min_unresolved_tickets') ~ ')',
        'renewal_due': '(days_to_renewal between 0 and ' ~ var('risk_renewal_window_days') ~ ')',
        'usage_stopped': '(days_since_last_core_event >= ' ~ var('risk_no_use_days')
            ~ ' and ' ~ days_as_customer ~ ' >= ' ~ var('risk_no_use_days') ~ ')',
        'payment_failed': '(failed_payments_30d > 0)',
        'open_dispute': '(open_disputes > 0)',
        'overdue_invoice': '(overdue_invoices > 0)',
        'past_due': 'is_past_due',
        'cancellation_requested': 'has_cancellation_requested',
        'active_usage': '(core_events_30d >= ' ~ var('active_min_core_events')
            ~ ' and active_users_30d >= ' ~ var('active_min_users') ~ ')',
        'seats_nearly_full': '(seats > 0 and active_users_30d >= seats * '
            ~ var('expansion_seat_utilization') ~ ')',
        'gated_feature_attempts': '(gated_attempts_30d >= ' ~ var('expansion_min_gated_attempts') ~ ')',
        'user_growth': '(active_users_90d_ago > 0 and active_users_30d >= active_users_90d_ago * '
            ~ var('expansion_user_growth_ratio') ~ ')',
        'inactive': 'coalesce(days_since_last_core_event >= ' ~ var('dormant_inactive_days') ~ ', true)',
        'open_opportunity': '(open_opportunities > 0)',
        'icp_fit': '(icp_criteria_met >= ' ~ var('icp_min_criteria') ~ ')',
        'lead_qualified': '(days_since_lead_qualified < ' ~ var('qualified_confirmation_window_days') ~ ')',
        'hand_raise': '(hand_raises_30d > 0)',
        'gated_feature_attempt': '(gated_attempts_30d > 0)',
        'pql': '(' ~ pql_score_expression() ~ ' >= ' ~ var('pql_min_score') ~ ')',
        'known_contact': 'has_known_contact',
        'tenured_customer': '(' ~ days_as_customer ~ ' >= ' ~ var('dormant_inactive_days') ~ ')',
        'former_customer': '(first_paying_date is not null or first_won_deal_date is not null)',
        'used_product': '(first_core_event_date is not null)',
    }) -%}
    {#- every atomic condition is false, never null, when its inputs are missing -#}
    {%- for name, condition in c.items() if name not in ('is_customer', 'inactive') -%}
        {%- do c.update({name: 'coalesce(' ~ condition ~ ', false)'}) -%}
    {%- endfor -%}
    {%- do c.update({
        'is_customer': '(' ~ c.paying_subscription ~ ' or ' ~ c.closed_won_deal ~ ')',
    }) -%}
    {#- a PQL score confirms a prospect's problem; a former customer's score comes from
        the use it made as a customer, so for it only an explicit sign counts -#}
    {%- do c.update({
        'problem_confirmed': '(' ~ c.lead_qualified ~ ' or ' ~ c.hand_raise ~ ' or '
            ~ c.gated_feature_attempt ~ ' or (' ~ c.pql ~ ' and not ' ~ c.former_customer ~ '))',
        'at_risk': '(' ~ c.usage_drop ~ ' or ' ~ c.usage_stopped ~ ' or ' ~ c.unresolved_tickets ~ ' or ' ~ c.renewal_due
            ~ ' or ' ~ c.payment_failed ~ ' or ' ~ c.open_dispute ~ ' or ' ~ c.overdue_invoice
            ~ ' or ' ~ c.past_due ~ ' or ' ~ c.cancellation_requested ~ ')',
        'expansion_signal': '(' ~ c.seats_nearly_full ~ ' or ' ~ c.gated_feature_attempts ~ ' or '
            ~ c.user_growth ~ ')',
    }) -%}
    {%- do c.update({
        'subscription_ended': '(not ' ~ c.is_customer ~ ' and ' ~ c.former_customer ~ ')',
    }) -%}
    {#- dormant: long-term inactive, or a subscription or contract that ended (a former
        customer is dormant from the day it stops being one, active or not); never while
        an opportunity is open or a problem was just confirmed -#}
    {%- do c.update({
        'dormant': '(not ' ~ c.open_opportunity ~ ' and not ' ~ c.problem_confirmed
            ~ ' and (' ~ c.subscription_ended ~ ' or (' ~ c.inactive ~ ' and (('
            ~ c.is_customer ~ ' and ' ~ c.tenured_customer ~ ') or (not ' ~ c.is_customer
            ~ ' and ' ~ c.used_product ~ ')))))',
    }) -%}
    {{ return(c) }}
{% endmacro %}

{#- the stages by precedence: (stage, entry condition, [(reason code, condition)]); as
    in problem_confirmed, a former customer's PQL score is no reason code. A dormant
    customer (paying, or in a won deal's contract) also carries the risk codes beyond
    its silence (a renewal
    due, tickets, billing trouble), which Dormant's precedence would otherwise hide; a
    prospect's confirmed problem and a former customer's past are named in the stages
    below Customer too. -#}
{% macro lifecycle_stages() %}
    {%- set c = lifecycle_stage_conditions() -%}
    {%- set risks_beyond_silence = [
        ('unresolved_tickets', c.unresolved_tickets),
        ('renewal_due', c.renewal_due),
        ('payment_failed', c.payment_failed),
        ('open_dispute', c.open_dispute),
        ('overdue_invoice', c.overdue_invoice),
        ('subscription_past_due', c.past_due),
        ('cancellation_requested', c.cancellation_requested),
    ] -%}
    {%- set dormant_customer_risks = [] -%}
    {%- for code, condition in risks_beyond_silence -%}
        {%- do dormant_customer_risks.append((code, c.is_customer ~ ' and ' ~ condition)) -%}
    {%- endfor -%}
    {%- set confirmed_problems = [
        ('lead_qualified', c.lead_qualified),
        ('hand_raise', c.hand_raise),
        ('gated_feature_attempt', c.gated_feature_attempt),
        ('pql', c.pql ~ ' and not ' ~ c.former_customer),
    ] -%}
    {%- set stages = [
        ('Dormant', c.dormant, [
            ('no_core_events_90d', c.inactive),
            ('customer_inactive', c.is_customer),
            ('former_customer', c.subscription_ended),
            ('product_abandoned', 'not ' ~ c.is_customer ~ ' and not ' ~ c.former_customer),
        ] + dormant_customer_risks),
        ('Risk', c.is_customer ~ ' and ' ~ c.at_risk, [
            ('usage_drop_50pct', c.usage_drop),
            ('usage_stopped', c.usage_stopped),
        ] + risks_beyond_silence),
        ('Expansion', c.is_customer ~ ' and ' ~ c.active_usage ~ ' and ' ~ c.expansion_signal, [
            ('active_usage', 'true'),
            ('seats_nearly_full', c.seats_nearly_full),
            ('gated_feature_attempts', c.gated_feature_attempts),
            ('user_growth', c.user_growth),
        ]),
        ('Active', c.is_customer ~ ' and ' ~ c.active_usage, [
            ('active_usage', 'true'),
        ]),
        ('Customer', c.is_customer, [
            ('paying_subscription', c.paying_subscription),
            ('closed_won_deal', 'not ' ~ c.paying_subscription),
            ('below_active_usage', 'true'),
        ]),
        ('Opportunity', c.open_opportunity, [
            ('open_opportunity', 'true'),
            ('former_customer', c.former_customer),
        ]),
        ('Qualified', c.icp_fit ~ ' and ' ~ c.problem_confirmed, [
            ('icp_fit', 'true'),
        ] + confirmed_problems + [
            ('former_customer', c.former_customer),
        ]),
        ('Lead', c.known_contact, [
            ('known_contact', 'true'),
        ] + confirmed_problems + [
            ('former_customer', c.former_customer),
        ]),
        ('Unknown', 'true', [
            ('no_known_contact', 'true'),
        ]),
    ] -%}
    {{ return(stages) }}
{% endmacro %}

{% macro lifecycle_stage_column() %}
    case
        {%- for stage, condition, _ in lifecycle_stages() %}
        when {{ condition }} then '{{ stage }}'
        {%- endfor %}
    end as stage
{%- endmacro %}

{% macro lifecycle_reason_codes_column() %}
    case
        {%- for stage, condition, reasons in lifecycle_stages() %}
        when {{ condition }} then substr(
            {%- for code, reason_condition in reasons %}
            case when {{ reason_condition }} then ',{{ code }}' else '' end
            {%- if not loop.last %} ||{% endif %}
            {%- endfor %},
            2
        )
        {%- endfor %}
    end as reason_codes
{%- endmacro %}

{% macro lifecycle_stage_columns() %}
    {{ lifecycle_stage_column() }},
    {{ lifecycle_reason_codes_column() }}
{%- endmacro %}
