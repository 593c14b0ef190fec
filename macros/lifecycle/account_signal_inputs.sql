{#- The import CTEs account_daily_signals reads, for the models that call it. -#}
{% macro account_signal_inputs() %}
profiles as (
    select * from {{ ref('int_account_profiles') }}
),

activity as (
    select * from {{ ref('int_account_activity_daily') }}
),

active_user_spells as (
    select * from {{ ref('int_account_active_user_spells') }}
),

activation as (
    select * from {{ ref('int_account_activation') }}
),

tickets as (
    select * from {{ ref('int_account_support_tickets') }}
    where account_id is not null
),

ticket_ratings as (
    select * from {{ ref('int_account_ticket_ratings') }}
),

ticket_unresolved_periods as (
    select * from {{ ref('int_account_ticket_unresolved_periods') }}
),

subscriptions as (
    select * from {{ ref('int_account_subscription_periods') }}
),

billing_issues as (
    select * from {{ ref('int_account_billing_issues') }}
),

opportunities as (
    select * from {{ ref('int_account_opportunities') }}
),

lead_qualifications as (
    select * from {{ ref('int_account_lead_qualifications') }}
),

nps_responses as (
    select * from {{ ref('int_account_nps_responses') }}
    where account_id is not null
),
{% endmacro %}
