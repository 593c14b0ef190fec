{#-
    Stripe subscription statuses, as conditions on a status column.

    In force: the subscription is running and billing the customer, whether or not its
    latest invoice is paid: active, past_due (a payment failed and Stripe retries it)
    and unpaid (retries are exhausted; the subscription stays in place and its invoices
    stay open). Trialing, incomplete, paused and canceled subscriptions are not.
    Delinquent: in force with an unpaid invoice (past_due or unpaid).
-#}
{% macro subscription_in_force(status) -%}
    {{ status }} in ('active', 'past_due', 'unpaid')
{%- endmacro %}

{% macro subscription_delinquent(status) -%}
    {{ status }} in ('past_due', 'unpaid')
{%- endmacro %}
