{#-
    A Salesforce record id in its 18-character form. People copy ids from Salesforce's
    screens in the 15-character, case-sensitive form, while the API (and so Fivetran)
    gives 18 characters: the 15 plus a 3-character suffix that encodes, for each block
    of 5 characters, which ones are capital letters. A 15-character value gets its
    suffix; any other value is returned as it is.
-#}
{% macro salesforce_id_18(expression) %}
    {%- set alphabet = "'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345'" -%}
    case
        when length({{ expression }}) = 15
            then {{ expression }}
            {%- for block in range(3) %}
            || substr(
                {{ alphabet }},
                1
                {%- for position in range(5) %}
                + case
                    when substr({{ expression }}, {{ block * 5 + position + 1 }}, 1) between 'A' and 'Z'
                        then {{ 2 ** position }}
                    else 0
                end
                {%- endfor %},
                1
            )
            {%- endfor %}
        else {{ expression }}
    end
{%- endmacro %}
