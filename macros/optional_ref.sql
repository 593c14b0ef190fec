{#-
    `select * from ref(model_name)` when the source behind it is switched on
    (`enabled_var` is true), otherwise an empty relation with the given columns, so
    downstream models need no switches of their own.
    `columns` maps column name -> one of string, timestamp, date, bigint, float, boolean.
-#}
{% macro optional_ref(model_name, enabled_var, columns) %}
    {%- if var(enabled_var) -%}
        select * from {{ ref(model_name) }}
    {%- else -%}
        {%- set types = {
            'string': dbt.type_string(),
            'timestamp': dbt.type_timestamp(),
            'date': 'date',
            'bigint': dbt.type_bigint(),
            'float': dbt.type_float(),
            'boolean': dbt.type_boolean(),
        } -%}
        select
        {%- for name, type in columns.items() %}
            cast(null as {{ types[type] }}) as {{ name }}{% if not loop.last %},{% endif %}
        {%- endfor %}
        where 1 = 0
    {%- endif -%}
{% endmacro %}
