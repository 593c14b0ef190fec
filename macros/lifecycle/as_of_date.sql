{#-
    The date every signal is computed as of, as a SQL date literal: the `as_of_date`
    var (YYYY-MM-DD) or, when it is not set, the UTC date the run started. Anything
    else stops the run before any SQL is sent.
-#}
{% macro as_of_date() -%}
    {%- set value = var('as_of_date', none) -%}
    {%- if value is none or value == '' -%}
        {%- set value = run_started_at.strftime('%Y-%m-%d') -%}
    {%- endif -%}
    {%- set value = value | string -%}
    {%- if not modules.re.fullmatch('[0-9]{4}-[0-9]{2}-[0-9]{2}', value) -%}
        {{ exceptions.raise_compiler_error(
            "Invalid as_of_date " ~ (value | tojson) ~ ": expected a date as YYYY-MM-DD, e.g. --vars '{as_of_date: 2026-06-30}'"
        ) }}
    {%- endif -%}
    {%- set parts = value.split('-') -%}
    {%- set year, month, day = parts[0] | int, parts[1] | int, parts[2] | int -%}
    {%- set days_in_month = [31, 29 if (year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)) else 28,
                             31, 30, 31, 30, 31, 31, 30, 31, 30, 31] -%}
    {%- if month < 1 or month > 12 or day < 1 or day > days_in_month[month - 1] -%}
        {{ exceptions.raise_compiler_error("Invalid as_of_date " ~ (value | tojson) ~ ": no such calendar date") }}
    {%- endif -%}
    cast('{{ value }}' as date)
{%- endmacro %}
