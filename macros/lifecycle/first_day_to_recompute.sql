{#- The first day an incremental model stamped by runs must compute again, as a SQL
    date expression: `days_before` days before the earliest day of `stamped_rows` whose
    `stamp_column` is later than `last_build` (the model's own latest run stamp), so
    null when no day was stamped since; or every day (1900-01-01) once the erasure
    scope reached an identifier since that run, since an erasure deletes rows without
    stamping their days. The model reads it to pick its rows, and its post-hook reads
    it again to delete what the run replaced. -#}
{% macro first_day_to_recompute(stamped_rows, day_column, stamp_column, last_build,
                                days_before=0) -%}
    case
        when exists (
            select 1
            from {{ ref('stg_privacy__erasure_scope_entries') }} as erased
            where erased.entered_scope_at > {{ last_build }}
        ) then cast('1900-01-01' as date)
        else cast({{ dbt.dateadd('day', -days_before, '(select min(stamped.' ~ day_column
            ~ ') from ' ~ stamped_rows ~ ' as stamped where stamped.' ~ stamp_column
            ~ ' > ' ~ last_build ~ ')') }} as date)
    end
{%- endmacro %}
