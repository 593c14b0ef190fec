{#-
    Final step of every base model: give each raw row exactly one disposition.

    `relation` is a CTE holding the renamed raw rows plus two columns the model computes:
    `quarantine_reason` (the row fails validation) and `exclusion_reason` (the row is
    deliberately left out, e.g. a soft delete; a deleted row is not worth validating).
    The macro adds duplicate detection on the
    natural key and decides, in this order:

      0. person erased            -> excluded,    erased
      1. key missing              -> quarantined, missing_primary_key
      2. a better copy of the key -> excluded,    duplicate
      3. exclusion_reason         -> excluded,    <reason>
      4. quarantine_reason        -> quarantined, <reason>
      5. otherwise                -> staged

    so that raw rows = staged + quarantined + excluded, which the
    `reconciles_with_source` test checks for every raw table.

    Erasure: `person_columns` lists (column, identifier type) pairs naming a person.
    A row whose person has an erasure request (is_erased) is excluded as `erased` when
    `erase_rows` (the row is the person's: an event, a contact), or else only redacted
    (a company's row that mentions the person: a billing contact, a ticket requester);
    either way the columns in `personal_columns` become null, and an erased row's
    source_record_key is replaced by its pii_hash.

    `rank_offset` (an expression, default 0) counts copies of the key triaged by
    earlier runs of an incremental model: a copy arriving later is then a duplicate
    even when it is alone in its batch. `helper_columns` names columns of `relation`
    used only to triage (such as that count) and left out of the result, so the
    result does not depend on how the rows were split into runs.
-#}
{% macro triage_rows(relation, key, keep_first_by, source_name, source_table, loaded_at,
                     rank_offset=0, helper_columns=[], person_columns=[], erase_rows=true,
                     personal_columns=[]) %}
    {%- set key_columns = [key] if key is string else key -%}
    {%- set key_missing -%}
        {%- for column in key_columns -%}
            {{ column }} is null{% if not loop.last %} or {% endif %}
        {%- endfor -%}
    {%- endset %}
    {%- set record_key -%}
        {% for column in key_columns -%}
            coalesce(cast({{ column }} as {{ dbt.type_string() }}), '')
            {%- if not loop.last %} || '|' || {% endif %}
        {%- endfor %}
    {%- endset %}
    {%- set hidden = helper_columns + (['is_person_erased'] if person_columns else []) %}
ranked as (
    select
        *,
        {%- if person_columns %}
        coalesce({{ is_erased(person_columns) }}, false) as is_person_erased,
        {%- endif %}
        {#- copies equal on keep_first_by (synced at the same time): one without a
            reason to leave it out first, whatever order the rows were stored in #}
        {{ rank_offset }} + row_number() over (
            partition by {{ key_columns | join(', ') }}
            order by
                {{ keep_first_by }},
                exclusion_reason is not null,
                quarantine_reason is not null
        ) as duplicate_rank
    from {{ relation }}
),

triaged as (
    select
        *,
        case
            {%- if person_columns and erase_rows %}
            when is_person_erased then 'excluded'
            {%- endif %}
            when {{ key_missing }} then 'quarantined'
            when duplicate_rank > 1 then 'excluded'
            when exclusion_reason is not null then 'excluded'
            when quarantine_reason is not null then 'quarantined'
            else 'staged'
        end as row_disposition,
        case
            {%- if person_columns and erase_rows %}
            when is_person_erased then 'erased'
            {%- endif %}
            when {{ key_missing }} then 'missing_primary_key'
            when duplicate_rank > 1 then 'duplicate'
            when exclusion_reason is not null then exclusion_reason
            when quarantine_reason is not null then quarantine_reason
        end as disposition_reason,
        '{{ source_name }}' as source_name,
        '{{ source_table }}' as source_table,
        {%- if person_columns and erase_rows %}
        case
            when is_person_erased then {{ pii_hash(record_key) }}
            else {{ record_key }}
        end as source_record_key,
        {%- else %}
        {{ record_key }} as source_record_key,
        {%- endif %}
        {{ loaded_at }} as source_loaded_at
    from ranked
)
{%- if person_columns and personal_columns %},

redacted as (
    select * replace (
        {%- for column in personal_columns %}
        case when not is_person_erased then {{ column }} end as {{ column }}
        {%- if not loop.last %},{% endif %}
        {%- endfor %}
    )
    from triaged
)
{%- endif %}

select *{% if hidden %} exclude ({{ hidden | join(', ') }}){% endif %}
from {{ 'redacted' if person_columns and personal_columns else 'triaged' }}
{%- endmacro %}
