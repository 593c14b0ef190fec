{#-
    Post-hook of an incremental model that appends, stamped with its run in
    `stamp_column`, every row of the groups it counts again (`group_columns`): delete the
    rows an earlier run wrote for those groups, which the new rows replace. Groups match
    NULL to NULL (a count without a workspace is a group too). It renders nothing on a
    full refresh, and a first build has no earlier rows to delete.
-#}
{% macro delete_replaced_rows(group_columns, stamp_column) %}
{%- if is_incremental() %}
delete from {{ this }}
using (
    select distinct {{ group_columns | join(', ') }}
    from {{ this }}
    where {{ stamp_column }} = {{ run_started_timestamp() }}
) as replaced
where {{ this.identifier }}.{{ stamp_column }} != {{ run_started_timestamp() }}
    {%- for column in group_columns %}
    and {{ this.identifier }}.{{ column }} is not distinct from replaced.{{ column }}
    {%- endfor %}
{%- endif %}
{% endmacro %}
