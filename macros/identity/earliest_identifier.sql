{#- In an aggregate over a person's identifiers: the value of their earliest-seen
    identifier of `identifier_type` (lowest node_num), null when they have none -#}
{% macro earliest_identifier(identifier_type) -%}
    min_by(
        case when identifier_type = '{{ identifier_type }}' then identifier_value end,
        case when identifier_type = '{{ identifier_type }}' then node_num end
    )
{%- endmacro %}
