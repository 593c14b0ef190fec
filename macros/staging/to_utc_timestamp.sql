{#- Raw timestamps as a UTC timestamp without time zone. -#}
{% macro to_utc_timestamp(column) -%}
    {{ return(adapter.dispatch('to_utc_timestamp', 'customer_lifecycle')(column)) }}
{%- endmacro %}

{% macro default__to_utc_timestamp(column) -%}
    cast({{ column }} as {{ dbt.type_timestamp() }})
{%- endmacro %}

{#- Snowflake loaders land TIMESTAMP_TZ / TIMESTAMP_LTZ as often as TIMESTAMP_NTZ;
    converting to UTC first gives the same instant for all three (NTZ values are read
    in the session time zone, which must be UTC: see profiles.example.yml). -#}
{% macro snowflake__to_utc_timestamp(column) -%}
    cast(convert_timezone('UTC', {{ column }}) as timestamp_ntz)
{%- endmacro %}
