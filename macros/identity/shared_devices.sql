{#-
    Shared devices, read from the raw Segment tables (every row: quarantined ones, and
    those of people who asked for erasure, too): each anonymous id logged in as more
    than identity_max_users_per_device user ids. Once there is an erasure request,
    identity resolution (int_shared_devices) and the erasure scope
    (stg_privacy__erased_identifiers) take their shared devices from this one rule over
    the same rows, so the two always agree, and an erasure does
    not turn a shared device into a private one (the erased user's rows stay in the raw
    tables until the loader deletes them).

    raw_device_logins: each device, user and workspace seen together in the raw event
    tables, made distinct before anything is trimmed (the tables are large and these
    combinations few); `where` (SQL, optional) filters every table read.
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
        {{ workspace if workspace else 'cast(null as ' ~ dbt.type_string() ~ ')' }} as workspace_id
    from {{ source('segment', relation) }}
    {{ where }}
    {%- endfor %}
{%- endmacro %}

{#- the shared devices among `logins` (anonymous_id, user_id), as node keys with the
    number of user ids each logged in as -#}
{% macro shared_devices(logins) %}
    select
        'anonymous_id:' || {{ trimmed_or_null('anonymous_id') }} as node_key,
        count(distinct {{ trimmed_or_null('user_id') }}) as linked_user_count
    from {{ logins }}
    where {{ trimmed_or_null('anonymous_id') }} is not null
    group by {{ trimmed_or_null('anonymous_id') }}
    having count(distinct {{ trimmed_or_null('user_id') }})
        > {{ var('identity_max_users_per_device') }}
{%- endmacro %}
