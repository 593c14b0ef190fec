{#- The identity node of the person behind a product event: its user id, else (an event
    sent before signing in, or with a placeholder such as 'undefined' for the user id,
    which is nobody) its device. -#}
{% macro event_person_node_key(user_id='user_id', anonymous_id='anonymous_id') -%}
    case
        when {{ user_id }} is not null and not {{ is_placeholder_id(user_id) }}
            then 'user_id:' || {{ user_id }}
        else 'anonymous_id:' || {{ anonymous_id }}
    end
{%- endmacro %}
