{#- dbt's built-in `unique` test, whose SQL dbt looks up by dispatch (root project
    first): the same rows reported (each repeated non-null value once, as unique_field
    with its n_records), found by repeated_keys, which groups by a hash first. -#}
{% macro default__test_unique(model, column_name) %}
select
    {{ column_name }} as unique_field,
    row_count as n_records
from (
    {{ repeated_keys(model, [column_name], where=column_name ~ ' is not null') }}
) as repeated
{%- endmacro %}
