{#-
    A Stripe amount (always in the currency's smallest unit) in the currency's major
    unit: cents to dollars, but yen are already whole yen (zero-decimal currencies)
    and Kuwaiti dinars count thousandths (three-decimal currencies), as Stripe's
    currency list has it.
-#}
{% macro major_currency_units(amount, currency) -%}
    case
        when lower({{ currency }}) in (
            'bif', 'clp', 'djf', 'gnf', 'jpy', 'kmf', 'krw', 'mga', 'pyg', 'rwf', 'ugx',
            'vnd', 'vuv', 'xaf', 'xof', 'xpf'
        ) then {{ amount }} * 1.0
        when lower({{ currency }}) in ('bhd', 'jod', 'kwd', 'omr', 'tnd')
            then {{ amount }} / 1000.0
        else {{ amount }} / 100.0
    end
{%- endmacro %}
