{#- Identifier types an erasure request may name: the person-level node types of the
    identity graph. -#}
{% macro erasure_identifier_types() %}
    {{ return(['email', 'user_id', 'anonymous_id', 'salesforce_contact', 'salesforce_lead',
               'zendesk_user']) }}
{% endmacro %}

{#-
    True when any of `columns` holds an identifier of a person with an erasure request.
    `columns` is a list of (column, identifier_type) pairs, compared through pii_hash
    with stg_privacy__erased_identifiers, which holds hashes only.
-#}
{% macro is_erased(columns) %}
    {%- set erased = ref('stg_privacy__erased_identifiers') -%}
    (
    {%- for column, identifier_type in columns %}
        {{ pii_hash(column) }} in (
            select erased.identifier_hash from {{ erased }} as erased
            where erased.identifier_type = '{{ identifier_type }}'
        )
        {%- if not loop.last %} or{% endif %}
    {%- endfor %}
    )
{% endmacro %}

{#-
    True when there is any erasure request at all. The post-hooks below test it first:
    with none (most runs) they skip their scan, which would otherwise hash the person
    columns of every stored row (about a second over ten million tracks) to find nothing.
-#}
{% macro any_erasure_requested() %}
    {%- set erased = ref('stg_privacy__erased_identifiers') -%}
    exists (select 1 from {{ erased }})
{%- endmacro %}

{#-
    Post-hook of an incremental base model: rows triaged by earlier runs whose person
    has since asked for erasure get what a rebuild would give them (excluded as
    `erased`, personal columns null, record key hashed). Rows already erased are left
    alone, so running it again changes nothing.
-#}
{% macro erase_in_place(person_columns, personal_columns) %}
    update {{ this }}
    set
        row_disposition = 'excluded',
        disposition_reason = 'erased',
        source_record_key = {{ pii_hash('source_record_key') }}
        {%- for column in personal_columns %},
        {{ column }} = null
        {%- endfor %}
    where {{ any_erasure_requested() }}
        and coalesce(disposition_reason, '') != 'erased'
        and {{ is_erased(person_columns) }}
{% endmacro %}

{#-
    Post-hook of an incremental model keyed by a person's identifiers: delete the rows
    of people who have since asked for erasure (a rebuild would not have them).
-#}
{% macro delete_erased_rows(person_columns) %}
    delete from {{ this }}
    where {{ any_erasure_requested() }}
        and {{ is_erased(person_columns) }}
{% endmacro %}

{#-
    Post-hook of an incremental lookup keyed by (identifier type, identifier value):
    delete the keys of people who have since asked for erasure.
-#}
{% macro delete_erased_keys(type_column, value_column) %}
    delete from {{ this }}
    where {{ any_erasure_requested() }} and (
    {%- for identifier_type in erasure_identifier_types() %}
        ({{ type_column }} = '{{ identifier_type }}'
            and {{ is_erased([(value_column, identifier_type)]) }})
        {%- if not loop.last %} or{% endif %}
    {%- endfor %}
    )
{% endmacro %}

{#-
    Post-hook of lifecycle_state_snapshot: remove every version of an account that
    existed only through a person who asked for erasure, i.e. an account gone from
    lifecycle_state whose workspace or email domain was that person's. Accounts still in
    lifecycle_state keep their history (it describes the company, not the person).
-#}
{% macro delete_erased_snapshot_versions(state_relation) %}
    delete from {{ this }}
    where {{ any_erasure_requested() }}
        and account_id not in (select state.account_id from {{ state_relation }} as state)
        and {{ is_erased([('workspace_id', 'workspace'), ('primary_domain', 'email_domain')]) }}
{% endmacro %}
