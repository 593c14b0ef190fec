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
