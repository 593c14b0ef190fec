{#-
    Salted hash of a personal identifier (hex md5 of salt || '|' || value; null stays
    null). The salt is read from the restricted.pii_salt source at run time, so it never
    appears in compiled SQL, logs or artifacts; this macro is the one place outside
    staging that reads a source, because the salt must never be copied into a model.
    Without a salt row the hash is unsalted (a warning test on the source says so).
-#}
{% macro pii_hash(expression) -%}
    {%- set salt = "coalesce((select max(salt) from " ~ source('restricted', 'pii_salt') ~ "), '')" -%}
    case
        when {{ expression }} is not null
            then {{ dbt.hash(salt ~ " || '|' || " ~ expression) }}
    end
{%- endmacro %}
