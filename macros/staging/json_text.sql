{#- One top-level key of a JSON object stored as text, as text; null when the
    document is not valid JSON, has no such key, or holds something other than a
    string or a number there (an object, a list, true: no id). -#}
{% macro json_text(column, key) -%}
    {{ return(adapter.dispatch('json_text', 'customer_lifecycle')(column, key)) }}
{%- endmacro %}

{% macro default__json_text(column, key) -%}
    case
        when
            json_valid({{ column }})
            and json_type({{ column }}, '$.{{ key }}') in ('VARCHAR', 'BIGINT', 'UBIGINT', 'DOUBLE')
            then json_extract_string({{ column }}, '$.{{ key }}')
    end
{%- endmacro %}

{% macro snowflake__json_text(column, key) -%}
    case
        when
            typeof(try_parse_json(to_varchar({{ column }})):"{{ key }}")
            in ('VARCHAR', 'INTEGER', 'DECIMAL', 'DOUBLE')
            then try_parse_json(to_varchar({{ column }})):"{{ key }}"::varchar
    end
{%- endmacro %}

{#- True when a text column holds something (not blank) that is not valid JSON. -#}
{% macro is_invalid_json(column) -%}
    {{ return(adapter.dispatch('is_invalid_json', 'customer_lifecycle')(column)) }}
{%- endmacro %}

{% macro default__is_invalid_json(column) -%}
    coalesce(trim({{ column }}) != '' and not json_valid({{ column }}), false)
{%- endmacro %}

{% macro snowflake__is_invalid_json(column) -%}
    coalesce(
        trim(to_varchar({{ column }})) != '' and try_parse_json(to_varchar({{ column }})) is null,
        false
    )
{%- endmacro %}
