{#-
    A Salesforce record id in its 18-character form. People copy ids from Salesforce's
    screens in the 15-character, case-sensitive form, while the API (and so Fivetran)
    gives 18 characters: the 15 plus a 3-character suffix that encodes, for each block
    of 5 characters, which ones are capital letters. A 15-character value gets its
    suffix. An 18-character value all in one case (a tool lower- or upper-cased it)
    whose suffix is made of the suffix's characters gets the case its suffix encodes,
    so it meets its record again (a correct id in one case comes back as it was). Any
    other value is returned as it is.
-#}
{% macro salesforce_id_18(expression) %}
    {%- set alphabet = "'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345'" -%}
    {%- set suffix_values = [] -%}
    {%- for block in range(3) -%}
        {%- do suffix_values.append('(position(upper(substr(' ~ expression ~ ', '
            ~ (16 + block) ~ ', 1)) in ' ~ alphabet ~ ') - 1)') -%}
    {%- endfor -%}
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
        when
            length({{ expression }}) = 18
            and (
                {{ expression }} = lower({{ expression }})
                or {{ expression }} = upper({{ expression }})
            )
            {%- for value in suffix_values %}
            and {{ value }} >= 0
            {%- endfor %}
            then
            {%- for index in range(15) %}
            case
                when mod(cast(floor({{ suffix_values[index // 5] }} / {{ 2 ** (index % 5) }}) as integer), 2) = 1
                    then upper(substr({{ expression }}, {{ index + 1 }}, 1))
                else lower(substr({{ expression }}, {{ index + 1 }}, 1))
            end
            ||
            {%- endfor %}
            upper(substr({{ expression }}, 16, 3))
        else {{ expression }}
    end
{%- endmacro %}
