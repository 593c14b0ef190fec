{#-
    Every key int_events_attributed looks an event up by, what it resolves to, and when
    that last changed: user and device ids to their person and the person's account,
    workspaces to their account, event names to their event_taxonomy flags.
    Incremental: a run writes only the keys that are new or resolve differently, and a
    removal row for a key that no longer resolves, each stamped with the run's start, so
    int_events_attributed can re-attribute just the days holding a changed key. A run
    in which nothing changed writes nothing. The post-hook deletes the keys of people
    who have since asked for erasure.
-#}
{{
    config(
        materialized='incremental',
        incremental_strategy='delete+insert',
        unique_key=['key_type', 'key_value'],
        on_schema_change='fail',
        post_hook="{{ delete_erased_keys('key_type', 'key_value') }}",
    )
}}

{%- set resolved_columns = ['person_id', 'account_id', 'is_internal_person', 'is_core',
                            'is_activation', 'is_gated_feature', 'is_hand_raise',
                            'is_signup'] %}

with person_identifiers as (
    select * from {{ ref('int_person_identifiers') }}
    where identifier_type in ('user_id', 'anonymous_id')
),

person_accounts as (
    select * from {{ ref('int_person_accounts') }}
),

persons as (
    select * from {{ ref('int_persons') }}
),

workspace_accounts as (
    select * from {{ ref('int_account_identifiers') }}
    where identifier_type = 'workspace'
),

taxonomy as (
    select * from {{ ref('event_taxonomy') }}
),

identifier_keys as (
    select
        person_identifiers.identifier_type as key_type,
        person_identifiers.identifier_value as key_value,
        person_identifiers.person_id,
        person_accounts.account_id,
        coalesce(persons.is_internal, false) as is_internal_person
    from person_identifiers
    left join person_accounts
        on person_identifiers.person_id = person_accounts.person_id
    left join persons
        on person_identifiers.person_id = persons.person_id

    union all

    select
        'workspace' as key_type,
        identifier_value as key_value,
        cast(null as {{ dbt.type_string() }}) as person_id,
        account_id,
        cast(null as boolean) as is_internal_person
    from workspace_accounts
),

resolved as (
    select
        key_type,
        key_value,
        person_id,
        account_id,
        is_internal_person,
        cast(null as boolean) as is_core,
        cast(null as boolean) as is_activation,
        cast(null as boolean) as is_gated_feature,
        cast(null as boolean) as is_hand_raise,
        cast(null as boolean) as is_signup
    from identifier_keys

    union all

    select
        'event_name' as key_type,
        event_name as key_value,
        cast(null as {{ dbt.type_string() }}) as person_id,
        cast(null as {{ dbt.type_string() }}) as account_id,
        cast(null as boolean) as is_internal_person,
        coalesce(is_core, false) as is_core,
        coalesce(is_activation, false) as is_activation,
        coalesce(is_gated_feature, false) as is_gated_feature,
        coalesce(is_hand_raise, false) as is_hand_raise,
        coalesce(is_signup, false) as is_signup
    from taxonomy
),

{% if is_incremental() %}
stored as (
    select * from {{ this }}
),

new_or_changed as (
    select resolved.*
    from resolved
    left join stored
        on resolved.key_type = stored.key_type
        and resolved.key_value = stored.key_value
    where stored.key_type is null
        or stored.is_removed
        {%- for column in resolved_columns %}
        or resolved.{{ column }} is distinct from stored.{{ column }}
        {%- endfor %}
),

removed as (
    select
        stored.key_type,
        stored.key_value
        {%- for column in resolved_columns %},
        cast(null as {{ 'boolean' if column.startswith('is_') else dbt.type_string() }})
            as {{ column }}
        {%- endfor %}
    from stored
    left join resolved
        on stored.key_type = resolved.key_type
        and stored.key_value = resolved.key_value
    where resolved.key_type is null
        and not stored.is_removed
),

final as (
    select
        new_or_changed.*,
        false as is_removed,
        {{ run_started_timestamp() }} as changed_at
    from new_or_changed

    union all

    select
        removed.*,
        true as is_removed,
        {{ run_started_timestamp() }} as changed_at
    from removed
)
{%- else %}
final as (
    select
        resolved.*,
        false as is_removed,
        {{ run_started_timestamp() }} as changed_at
    from resolved
)
{%- endif %}

select * from final
