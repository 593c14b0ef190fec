{#- A raw column the sources YAML marks optional (`meta: {optional: true}`): the column
    when the raw table has it, else a NULL of `data_type`. For what a loader may not
    land at all: a Salesforce custom field an org does not have, a Segment trait the
    app never sent (Segment creates a trait's column with its first value). A relation
    whose columns cannot be read (a unit test's fixture) is taken to have it. -#}
{% macro optional_column(relation, column, data_type) -%}
    {%- if execute -%}
        {%- set names = [] -%}
        {%- for found in adapter.get_columns_in_relation(relation) -%}
            {%- do names.append(found.name | lower) -%}
        {%- endfor -%}
        {%- if names and column | lower not in names -%}
            {{ return('cast(null as ' ~ data_type ~ ')') }}
        {%- endif -%}
    {%- endif -%}
    {{ return(column) }}
{%- endmacro %}
