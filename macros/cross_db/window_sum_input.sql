{#- The value a window sum adds up, for integer counts. DuckDB sums integers into
    128-bit integers, whose window aggregates are slower than double ones (the daily
    history's sixteen rolling sums over 11.8M account-days at 10M events: 29.5-31.7 s
    against 32.0-34.2 s for the whole model, the same rows); a double holds every
    integer up to 2^53 exactly, so the sums cast back to bigint are the same. Other
    warehouses sum the integers as they are. -#}
{% macro window_sum_input(expression) -%}
    {{ return(adapter.dispatch('window_sum_input', 'customer_lifecycle')(expression)) }}
{%- endmacro %}

{% macro default__window_sum_input(expression) -%}{{ expression }}{%- endmacro %}

{% macro duckdb__window_sum_input(expression) -%}
    cast({{ expression }} as double)
{%- endmacro %}
