{#- Whether `value` (a SQL expression: a user, anonymous or workspace id) is one of the
    identity_placeholder_ids an app sends when it has no id ('undefined', 'null', ...),
    whatever its case: true or false, never null (an empty list renders `in (null)`).
    Such a value names nobody: it links nothing and counts as no person on a device. -#}
{% macro is_placeholder_id(value) %}
    coalesce(
        lower({{ value }})
        in ({{ quoted_list(var('identity_placeholder_ids') | map('lower') | list) }}),
        false
    )
{%- endmacro %}
