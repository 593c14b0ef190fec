{#- The raw table of a source as a dict of lower-case column name -> lower-case type,
    empty before execution or when the table does not exist yet. The raw table itself
    is looked up, also in a unit test (whose fixture dbt builds with the raw table's
    columns, and where source() names the fixture): there from the source's vars,
    `<source>_database` (else `raw_database`) and `<source>_schema` (else
    `raw_<source>`), as the sources YAML reads them. -#}
{% macro raw_source_columns(source_name, table_name) -%}
    {%- set columns = {} -%}
    {%- if execute -%}
        {%- set raw = source(source_name, table_name) -%}
        {%- if raw.identifier.startswith('__dbt__cte__') -%}
            {%- set raw = api.Relation.create(
                database=var(source_name ~ '_database', var('raw_database', target.database)),
                schema=var(source_name ~ '_schema', 'raw_' ~ source_name),
                identifier=table_name
            ) -%}
        {%- endif -%}
        {%- for found in adapter.get_columns_in_relation(raw) -%}
            {%- do columns.update({found.name | lower: found.dtype | lower}) -%}
        {%- endfor -%}
    {%- endif -%}
    {{ return(columns) }}
{%- endmacro %}

{#- A raw column the sources YAML marks optional (`meta: {optional: true}`): the column
    when the raw table has it, else a NULL of `data_type`. For what a loader may not
    land at all: a Salesforce custom field an org does not have, a Segment trait the
    app never sent (Segment creates a trait's column with its first value). A raw table
    that does not exist yet is taken to have the column. -#}
{% macro optional_column(source_name, table_name, column, data_type) -%}
    {%- set names = raw_source_columns(source_name, table_name) -%}
    {%- if names and column | lower not in names -%}
        {{ return('cast(null as ' ~ data_type ~ ')') }}
    {%- endif -%}
    {{ return(column) }}
{%- endmacro %}

{#- A raw id column as text, trimmed (NULL when blank), whichever type the loader gave
    it: an id a loader typed as a number (Zendesk's external ids, as Fivetran's package
    types them) goes through a 64-bit integer first, so 12345 is '12345' on every
    warehouse (DuckDB writes a double as '12345.0', Snowflake as '12345'). -#}
{% macro text_id_column(source_name, table_name, column) -%}
    {%- set raw_type = raw_source_columns(source_name, table_name).get(column | lower, '') -%}
    {%- set numeric_types = ['bigint', 'integer', 'int', 'smallint', 'hugeint', 'number',
        'decimal', 'numeric', 'double', 'float', 'real', 'tinyint', 'ubigint', 'uinteger'] -%}
    {%- if raw_type.split('(')[0] | trim in numeric_types -%}
        {{ return('cast(cast(' ~ column ~ ' as ' ~ dbt.type_bigint() ~ ') as '
            ~ dbt.type_string() ~ ')') }}
    {%- endif -%}
    {{ return(trimmed_or_null('cast(' ~ column ~ ' as ' ~ dbt.type_string() ~ ')')) }}
{%- endmacro %}
