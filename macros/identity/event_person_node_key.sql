{#- The identity node of the person behind a product event: its user id, else (an event
    sent before signing in, or with a placeholder such as 'undefined' for the user id,
    which is nobody) its device. -#}
{% macro event_person_node_key(user_id='user_id', anonymous_id='anonymous_id') -%}
    coalesce(
        'user_id:' || {{ signed_in_user_id(user_id) }},
        'anonymous_id:' || {{ anonymous_id }}
    )
{%- endmacro %}
