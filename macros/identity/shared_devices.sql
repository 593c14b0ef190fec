{#-
    Shared devices, read from the raw Segment tables (every row: quarantined ones, and
    those of people who asked for erasure, too): each anonymous id logged in as more
    than identity_max_users_per_device user ids (placeholders are nobody), or with more
    email addresses typed while logged out (identify calls without a user id). Once
    there is an erasure request, identity resolution (int_shared_devices) and the
    erasure scope (stg_privacy__erased_identifiers) take their shared devices from this
    one rule over the same rows, so the two always agree, and an erasure does not turn
    a shared device into a private one (the erased user's rows stay in the raw tables
    until the loader deletes them).

    raw_device_logins: each device, user, workspace and logged-out email (identify
    calls only) seen together in the raw event tables, made distinct before anything is trimmed (the tables are large and these
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
        {{ workspace if workspace else 'cast(null as ' ~ dbt.type_string() ~ ')' }} as workspace_id,
        {%- if relation == 'identifies' %}
        case when {{ trimmed_or_null('user_id') }} is null then email end as logged_out_email
        {%- else %}
        cast(null as {{ dbt.type_string() }}) as logged_out_email
        {%- endif %}
    from {{ source('segment', relation) }}
    {{ where }}
    {%- endfor %}
{%- endmacro %}

{#- the shared devices among `logins` (anonymous_id, user_id, logged_out_email), as node
    keys with the number of people each was used by: its user ids (placeholders such as
    'undefined' are nobody), or its logged-out email addresses, whichever are more -#}
{% macro shared_devices(logins) %}
    {%- set user_id = trimmed_or_null('user_id') %}
    {%- set users = 'count(distinct case when not ' ~ is_placeholder_id(user_id) ~ ' then '
        ~ user_id ~ ' end)' %}
    {%- set emails = 'count(distinct ' ~ normalize_email('logged_out_email') ~ ')' %}
    select
        'anonymous_id:' || {{ trimmed_or_null('anonymous_id') }} as node_key,
        greatest({{ users }}, {{ emails }}) as linked_user_count
    from {{ logins }}
    where {{ trimmed_or_null('anonymous_id') }} is not null
    group by {{ trimmed_or_null('anonymous_id') }}
    having greatest({{ users }}, {{ emails }}) > {{ var('identity_max_users_per_device') }}
{%- endmacro %}
