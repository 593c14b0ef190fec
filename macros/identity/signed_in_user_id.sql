{#- The user id a Segment call was signed in as: `user_id`, or NULL when it has none or
    only a placeholder such as 'undefined' (identity_placeholder_ids), which names
    nobody: such a call was sent signed out, and its device is the person. -#}
{% macro signed_in_user_id(user_id='user_id') -%}
    case when not {{ is_placeholder_id(user_id) }} then {{ user_id }} end
{%- endmacro %}
