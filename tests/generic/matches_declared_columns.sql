{#-
    A raw table still has every column the sources YAML declares, each of the declared
    type family (text, number, boolean, timestamp, date, json; loaders differ in exact names
    such as varchar/text or timestamp/timestamp_ntz, so families are compared), or of
    a family its `meta.also_accepts` lists (a Segment property typed by its first
    value). Extra columns are fine: loaders add them; a column marked
    `meta.optional` may be missing (the staging reads it through optional_column), and
    a missing column's `meta.missing_column_hint` says what makes a loader land it. A
    table that does not exist fails with its own message (the table's
    `meta.missing_table_hint` when it has one).

    A mismatch fails the test with an error that names the table and each column, so a
    `dbt build` stops before any model reads the changed table and the models built
    by earlier runs stay as they were. (dbt's summary of a failing test only counts
    rows, hence an error rather than result rows.)
-#}
{% test matches_declared_columns(model) %}
{%- set families = {
    'varchar': 'text', 'text': 'text', 'string': 'text', 'char': 'text',
    'character varying': 'text', 'bigint': 'number', 'integer': 'number', 'int': 'number',
    'smallint': 'number', 'hugeint': 'number', 'number': 'number', 'decimal': 'number',
    'numeric': 'number', 'double': 'number', 'float': 'number', 'real': 'number',
    'boolean': 'boolean', 'timestamp': 'timestamp', 'timestamp_ntz': 'timestamp',
    'timestamp_tz': 'timestamp', 'timestamp_ltz': 'timestamp', 'datetime': 'timestamp',
    'timestamp with time zone': 'timestamp', 'timestamptz': 'timestamp', 'date': 'date',
    'timestamp_ns': 'timestamp', 'timestamp_ms': 'timestamp', 'timestamp_s': 'timestamp',
    'json': 'json', 'variant': 'json', 'object': 'json',
} -%}
{%- if execute -%}
    {%- set declared = {} -%}
    {%- set also_accepted = {} -%}
    {%- set optional = [] -%}
    {%- set column_hints = {} -%}
    {%- set table_label = [] -%}
    {%- set missing_hints = [] -%}
    {%- for node in graph.sources.values()
        if node.identifier | lower == model.identifier | lower
        and node.schema | lower == model.schema | lower -%}
        {%- do table_label.append(node.source_name ~ '.' ~ node.name) -%}
        {%- set table_meta = node.get('config', {}).get('meta', {}) or node.get('meta', {}) -%}
        {%- if table_meta.get('missing_table_hint') -%}
            {%- do missing_hints.append(table_meta.get('missing_table_hint') | trim) -%}
        {%- endif -%}
        {%- for column in node.columns.values() if column.data_type -%}
            {%- set meta = column.get('config', {}).get('meta', {}) or column.get('meta', {}) -%}
            {%- do declared.update({column.name | lower: column.data_type | lower}) -%}
            {%- do also_accepted.update({column.name | lower: meta.get('also_accepts', [])}) -%}
            {%- if meta.get('optional') -%}{%- do optional.append(column.name | lower) -%}{%- endif -%}
            {%- if meta.get('missing_column_hint') -%}
                {%- do column_hints.update({
                    column.name | lower: meta.get('missing_column_hint') | trim
                }) -%}
            {%- endif -%}
        {%- endfor -%}
    {%- endfor -%}
    {%- set actual = {} -%}
    {%- for column in adapter.get_columns_in_relation(model) -%}
        {%- do actual.update({column.name | lower: column.dtype | lower}) -%}
    {%- endfor -%}
    {%- if not actual -%}
        {{ exceptions.raise_compiler_error(
            'Raw table ' ~ (table_label | first | default(model)) ~ ' (' ~ model
            ~ ') does not exist. ' ~ (missing_hints | first | default(
                'Load it, or create it empty with the columns of the'
                ~ ' sources YAML (`lifecycle --db <file> generate --empty` creates every raw'
                ~ ' table on DuckDB) when the loader has no rows for it yet.'))
        ) }}
    {%- endif -%}
    {%- set problems = [] -%}
    {%- for name, declared_type in declared.items() -%}
        {%- set expected = families.get(declared_type, declared_type) -%}
        {%- if name not in actual and name in optional -%}
        {%- elif name not in actual -%}
            {%- do problems.append('column ' ~ name ~ ' (' ~ declared_type ~ ') is missing'
                ~ ((' (' ~ column_hints[name] ~ ')') if name in column_hints else '')) -%}
        {%- else -%}
            {%- set found_type = actual[name].split('(')[0] | trim -%}
            {%- set found_family = families.get(found_type, found_type) -%}
            {%- if found_family != expected and found_family not in also_accepted[name] -%}
                {%- do problems.append('column ' ~ name ~ ' is declared ' ~ declared_type
                    ~ ' but is ' ~ actual[name]) -%}
            {%- endif -%}
        {%- endif -%}
    {%- endfor -%}
    {%- if problems -%}
        {{ exceptions.raise_compiler_error(
            'Raw table ' ~ (table_label | first | default(model)) ~ ' (' ~ model
            ~ ') no longer matches the sources YAML: ' ~ problems | join('; ')
            ~ '. Fix the loader or update the sources YAML and the staging model.'
        ) }}
    {%- endif -%}
{%- endif %}

-- Reached only when every declared column is present with its declared type.
select 1 as mismatch
where 1 = 0

{% endtest %}
