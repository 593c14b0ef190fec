{#-
    Adapter macro overrides for running dbt-snowflake against the fakesnow emulator.
    They live with the tests and are copied into a scratch copy of the project for the
    emulated run only; the project itself never contains them. Each one refuses to run
    against anything but the fakesnow target, so they can never change what runs on a
    real Snowflake account.
-#}

{% macro fakesnow_only() %}
    {%- if target.type != 'snowflake' or target.account != 'fakesnow' -%}
        {{ exceptions.raise_compiler_error(
            "fakesnow override used against " ~ target.type ~ " account " ~ target.account
            ~ ": these macros exist only for the emulated test run"
        ) }}
    {%- endif -%}
{% endmacro %}

{#- fakesnow cannot parse COMMENT ON: documentation is not persisted in the emulator. -#}
{% macro snowflake__alter_relation_comment(relation, relation_comment) -%}
    {{ fakesnow_only() }}
    select 1
{%- endmacro %}

{% macro snowflake__alter_column_comment(relation, column_dict) -%}
    {{ fakesnow_only() }}
    select 1
{%- endmacro %}

{% macro get_persist_docs_column_list(model_columns, query_columns) -%}
    {{ fakesnow_only() }}
{%- endmacro %}

{#- DuckDB, behind fakesnow, only allows temporary tables in its own temp catalog:
    create ordinary tables instead (dropped by dbt like any intermediate relation). -#}
{% macro snowflake__create_table_temporary_sql(relation, compiled_code) -%}
    {{ fakesnow_only() }}
    {%- set contract_config = config.get('contract') -%}
    {%- if contract_config.enforced -%}
        {{- get_assert_columns_equivalent(compiled_code) -}}
        {%- set compiled_code = get_select_subquery(compiled_code) -%}
    {%- endif -%}
    create or replace table {{ relation }}
        {%- if contract_config.enforced %}
        {{ get_table_columns_and_constraints() }}
        {%- endif %}
    as (
        {{ compiled_code }}
    );
{%- endmacro %}

{#- Nor temporary views (an append-only incremental model's batch): create ordinary
    views instead, dropped by the incremental materialization after its insert. -#}
{% macro snowflake__create_view_as_with_temp_flag(relation, sql, is_temporary=False) -%}
    {{ fakesnow_only() }}
    create or replace view {{ relation }} as (
        {{ sql }}
    );
{%- endmacro %}

{#- DuckDB, behind fakesnow, finds the unqualified column names in the VALUES list of a
    MERGE's INSERT ambiguous: qualify them with the source alias, as Snowflake would
    resolve them. -#}
{% macro snowflake__snapshot_merge_sql(target, source, insert_cols) -%}
    {{ fakesnow_only() }}
    {%- set dml = default__snapshot_merge_sql(target, source, insert_cols) -%}
    {%- set qualified = [] -%}
    {%- for column in insert_cols -%}
        {%- do qualified.append('DBT_INTERNAL_SOURCE.' ~ column) -%}
    {%- endfor -%}
    {{ return(dml.replace(
        'values (' ~ insert_cols | join(', ') ~ ')',
        'values (' ~ qualified | join(', ') ~ ')'
    )) }}
{%- endmacro %}

{#- fakesnow has no roles and cannot run GRANT: record what would be granted in
    <database>.emulated.grants, so the test can check who may read what. -#}
{% macro snowflake__apply_grants(relation, grant_config, should_revoke=True) %}
    {{ fakesnow_only() }}
    {%- if grant_config %}
        {%- set log_table = target.database ~ '.emulated.grants' -%}
        {%- do run_query('create schema if not exists ' ~ target.database ~ '.emulated') -%}
        {%- do run_query('create table if not exists ' ~ log_table
            ~ ' (relation varchar, privilege varchar, grantee varchar)') -%}
        {%- do run_query("delete from " ~ log_table ~ " where relation = '"
            ~ relation.identifier | lower ~ "'") -%}
        {%- for privilege, grantees in grant_config.items() %}
            {%- for grantee in grantees %}
                {%- do run_query("insert into " ~ log_table ~ " values ('"
                    ~ relation.identifier | lower ~ "', '" ~ privilege ~ "', '" ~ grantee ~ "')") -%}
            {%- endfor %}
        {%- endfor %}
    {%- endif %}
{% endmacro %}
