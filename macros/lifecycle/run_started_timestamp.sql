{#- When this dbt invocation started, UTC, as a SQL timestamp: the stamp incremental
    models write on the rows a run changes, so the next model can pick out what is new. -#}
{% macro run_started_timestamp() -%}
    cast('{{ run_started_at.strftime("%Y-%m-%d %H:%M:%S.%f") }}' as {{ dbt.type_timestamp() }})
{%- endmacro %}

{#- The start of the latest earlier run that wrote rows of `relation` (1970-01-01 when
    none did), from its run stamps: the same before and after this run writes its own. -#}
{% macro last_run_stamp(relation, stamp_column='computed_at') -%}
    (
        select
            coalesce(
                max(built.{{ stamp_column }}), cast('1970-01-01' as {{ dbt.type_timestamp() }})
            )
        from {{ relation }} as built
        where built.{{ stamp_column }} < {{ run_started_timestamp() }}
    )
{%- endmacro %}

{#- Stops an incremental run of a model whose stored table lacks `column` (built by an
    earlier version of the project, before the model stamped its rows), naming the
    model and the one build that fixes it, instead of failing on the missing column.
    A table not built yet, and a unit test's given rows, pass. -#}
{% macro require_built_column(column) -%}
    {#- a unit test names its given rows for this: nothing stored to check -#}
    {%- if execute and is_incremental() and this is not string -%}
        {%- set built = adapter.get_columns_in_relation(this)
            | map(attribute='name') | map('lower') | list -%}
        {%- if built and column | lower not in built -%}
            {{- exceptions.raise_compiler_error(
                this ~ " was built by an earlier version of the project, without its "
                ~ column ~ " column: build it once with --full-refresh (dbt build"
                ~ " --full-refresh --select " ~ this.identifier ~ ")"
            ) -}}
        {%- endif -%}
    {%- endif -%}
{%- endmacro %}
