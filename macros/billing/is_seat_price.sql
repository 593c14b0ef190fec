{#- True when a Stripe price's quantity is seats: it is not listed in the
    non_seat_price_ids var (add-ons sold by the unit). -#}
{% macro is_seat_price(price_id) -%}
    {%- if var('non_seat_price_ids') -%}
        coalesce({{ price_id }} not in ({{ quoted_list(var('non_seat_price_ids')) }}), true)
    {%- else -%}
        true
    {%- endif -%}
{%- endmacro %}
