{#-
    Final step of every base model: give each raw row exactly one disposition.

    `relation` is a CTE holding the renamed raw rows plus two columns the model computes:
    `quarantine_reason` (the row fails validation) and `exclusion_reason` (the row is
    deliberately left out, e.g. a soft delete; a deleted row is not worth validating).
    The macro adds duplicate detection on the
    natural key and decides, in this order:

      1. key missing              -> quarantined, missing_primary_key
      2. a better copy of the key -> excluded,    duplicate
      3. exclusion_reason         -> excluded,    <reason>
      4. quarantine_reason        -> quarantined, <reason>
      5. otherwise                -> staged

    so that raw rows = staged + quarantined + excluded, which the
    `reconciles_with_source` test checks for every raw table.

    `rank_offset` (an expression, default 0) counts copies of the key triaged by
    earlier runs of an incremental model: a copy arriving later is then a duplicate
    even when it is alone in its batch. `helper_columns` names columns of `relation`
    used only to triage (such as that count) and left out of the result, so the
    result does not depend on how the rows were split into runs.
-#}
{% macro triage_rows(relation, key, keep_first_by, source_name, source_table, loaded_at,
                     rank_offset=0, helper_columns=[]) %}
    {%- set key_columns = [key] if key is string else key -%}
    {%- set key_missing -%}
        {%- for column in key_columns -%}
            {{ column }} is null{% if not loop.last %} or {% endif %}
        {%- endfor -%}
    {%- endset %}
ranked as (
    select
        *,
        {{ rank_offset }} + row_number() over (
            partition by {{ key_columns | join(', ') }}
            order by {{ keep_first_by }}
        ) as duplicate_rank
    from {{ relation }}
),

triaged as (
    select
        *,
        case
            when {{ key_missing }} then 'quarantined'
            when duplicate_rank > 1 then 'excluded'
            when exclusion_reason is not null then 'excluded'
            when quarantine_reason is not null then 'quarantined'
            else 'staged'
        end as row_disposition,
        case
            when {{ key_missing }} then 'missing_primary_key'
            when duplicate_rank > 1 then 'duplicate'
            when exclusion_reason is not null then exclusion_reason
            when quarantine_reason is not null then quarantine_reason
        end as disposition_reason,
        '{{ source_name }}' as source_name,
        '{{ source_table }}' as source_table,
        {% for column in key_columns -%}
            coalesce(cast({{ column }} as {{ dbt.type_string() }}), '')
            {%- if not loop.last %} || '|' || {% endif %}
        {%- endfor %} as source_record_key,
        {{ loaded_at }} as source_loaded_at
    from ranked
)

select *{% if helper_columns %} exclude ({{ helper_columns | join(', ') }}){% endif %}
from triaged
{%- endmacro %}
