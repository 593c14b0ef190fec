{#- A raw column the sources YAML marks optional (`meta: {optional: true}`): the column
    when the raw table has it, else a NULL of `data_type`. For what a loader may not
    land at all: a Salesforce custom field an org does not have, a Segment trait the
    app never sent (Segment creates a trait's column with its first value). The raw
    table itself is looked up, also in a unit test (whose fixture dbt builds with the
    raw table's columns, and where source() names the fixture): there from the
    source's vars, `<source>_database` (else `raw_database`) and `<source>_schema`
    (else `raw_<source>`), as the sources YAML reads them. A raw table that does not
    exist yet is taken to have the column. -#}
{% macro optional_column(source_name, table_name, column, data_type) -%}
    {%- if execute -%}
        {%- set raw = source(source_name, table_name) -%}
        {%- if raw.identifier.startswith('__dbt__cte__') -%}
            {%- set raw = api.Relation.create(
                database=var(source_name ~ '_database', var('raw_database', target.database)),
                schema=var(source_name ~ '_schema', 'raw_' ~ source_name),
                identifier=table_name
            ) -%}
        {%- endif -%}
        {%- set names = [] -%}
        {%- for found in adapter.get_columns_in_relation(raw) -%}
            {%- do names.append(found.name | lower) -%}
        {%- endfor -%}
        {%- if names and column | lower not in names -%}
            {{ return('cast(null as ' ~ data_type ~ ')') }}
        {%- endif -%}
    {%- endif -%}
    {{ return(column) }}
{%- endmacro %}
