{#- No two rows share the same values in all of `combination_of_columns` (a composite
    primary key); NULLs count as equal, as in a group by. See repeated_keys. -#}
{% test unique_combination_of_columns(model, combination_of_columns) %}
{{ repeated_keys(model, combination_of_columns) }}
{% endtest %}
