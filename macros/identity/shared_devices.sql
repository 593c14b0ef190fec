{#-
    Shared devices, read from the raw Segment tables (every row: quarantined ones, and
    those of people who asked for erasure, too): each anonymous id logged in as more
    than identity_max_users_per_device user ids, or with more email addresses typed
    while signed out (identify calls without a user id, or with a placeholder for it);
    an identifier that links nothing (a placeholder, a role address, text that is no
    address) is nobody. Once there is an erasure request, identity resolution
    (int_shared_devices) and the erasure scope (stg_privacy__erased_identifiers) take
    their shared devices from this one rule over the same rows, so the two always
    agree, and an erasure does not turn a shared device into a private one (the erased
    user's rows stay in the raw tables until the loader deletes them).

    raw_device_logins: each device, user, workspace and signed-out email seen together
    in the raw event tables, made distinct before anything is trimmed (the tables are
    large and these combinations few); `where` (SQL, optional) filters every table read.
-#}
{% macro raw_device_logins(where='') %}
    {%- for relation, workspace in [
        ('identifies', none),
        ('tracks', 'context_group_id'),
        ('pages', none),
        ('groups', 'group_id'),
        ('nps_survey_submitted', none),
    ] %}
    {%- if not loop.first %}
    union
    {%- endif %}
    select
        anonymous_id,
        user_id,
        {{ workspace if workspace else 'cast(null as ' ~ dbt.type_string() ~ ')' }} as workspace_id,
        {%- if relation == 'identifies' %}
        case
            when {{ signed_in_user_id(trimmed_or_null('user_id')) }} is null then email
        end as logged_out_email
        {%- else %}
        cast(null as {{ dbt.type_string() }}) as logged_out_email
        {%- endif %}
    from {{ source('segment', relation) }}
    {{ where }}
    {%- endfor %}
{%- endmacro %}

{#- The shared devices among `logins` (anonymous_id, user_id, logged_out_email), as CTEs
    ending in `<prefix>` (node_key, linked_user_count): each device with the number of
    people it was used by, its user ids or its logged-out email addresses, whichever are
    more, counting only those that may link records (identifier_exclusion_reason over
    `exclusions`: a placeholder such as 'undefined', a role address, or text that is no
    address, is nobody), when that is above identity_max_users_per_device -#}
{% macro shared_devices(prefix, logins, exclusions) %}
{{ prefix }}_people as (
    select
        'anonymous_id:' || {{ trimmed_or_null('anonymous_id') }} as device_key,
        'user_id:' || {{ trimmed_or_null('user_id') }} as node_key
    from {{ logins }}
    union
    select
        'anonymous_id:' || {{ trimmed_or_null('anonymous_id') }} as device_key,
        'email:' || {{ normalize_email('logged_out_email') }} as node_key
    from {{ logins }}
),

{{ prefix }}_person_nodes as (
    select
        node_key,
        {{ node_key_parts(email_parts=true) }}
    from (select distinct node_key from {{ prefix }}_people) as people
    where node_key is not null
),

{{ prefix }}_excluded_people as (
    {{- identifier_exclusion_reason(prefix ~ '_person_nodes', exclusions) }}
),

{{ prefix }} as (
    select
        node_key,
        linked_user_count
    from (
        select
            people.device_key as node_key,
            {#- the union made each device's people distinct -#}
            greatest(
                count(case when people.node_key like 'user_id:%' then 1 end),
                count(case when people.node_key like 'email:%' then 1 end)
            ) as linked_user_count
        from {{ prefix }}_people as people
        left join {{ prefix }}_excluded_people as excluded
            on people.node_key = excluded.node_key
        where people.device_key is not null and people.node_key is not null
            and excluded.node_key is null
        group by people.device_key
    ) as people_per_device
    where linked_user_count > {{ var('identity_max_users_per_device') }}
)
{%- endmacro %}
