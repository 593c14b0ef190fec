{#-
    Every identifier of every person named in an erasure request, as salted hashes.

    A request names one identifier; the person's other identifiers are found by
    following, from it, the same person-level links identity resolution uses (device
    logins, identified emails, CRM contacts and leads, Zendesk users), read from the
    raw tables so that no model ever holds the person, and with the same guard rails:
    role and test addresses (identity_exclusions) and shared devices link nothing, and
    Stripe customers (company billing objects) are reached but not followed. Raw rows
    are all read, quarantined ones included, so the scope is never smaller than the
    person identity resolution would build.

    Links are followed erasure_max_hops times; has_unfollowed_links marks an identifier
    whose links were not all followed, and a test fails the build if there is one.
    Base models compare their identifiers with this list (is_erased macro) and exclude
    or redact what matches; `workspace` and `email_domain` rows (the person's
    workspaces and email domains) let the snapshot drop accounts the erasure removed.
-#}
{%- set max_hops = number_var('erasure_max_hops') -%}
{%- set id_types = '(' ~ quoted_list(erasure_identifier_types()) ~ ')' -%}
{#- the event tables' links are read only when there is a request: they are large -#}
{%- set when_requested = 'where exists (select 1 from requested)' -%}

with requests as (
    select * from {{ source('privacy', 'erasure_requests') }}
),

identifies as (
    select * from {{ source('segment', 'identifies') }}
),

contacts as (
    select * from {{ source('salesforce', 'contact') }}
),

leads as (
    select * from {{ source('salesforce', 'lead') }}
),

exclusions as (
    select * from {{ ref('identity_exclusions') }}
),

requested as (
    select
        lower({{ trim_whitespace('identifier_type') }}) || ':' || case
            when lower({{ trim_whitespace('identifier_type') }}) = 'email'
                then {{ normalize_email('identifier_value') }}
            else {{ trim_whitespace('identifier_value') }}
        end as node_key,
        requested_at
    from requests
    where
        lower({{ trim_whitespace('identifier_type') }}) in {{ id_types }}
        and {{ trimmed_or_null('identifier_value') }} is not null
),

{# each device, user and workspace seen together in the events (raw_device_logins) #}
event_logins as {{ cte_materialized() }} (
    {{- raw_device_logins(where=when_requested) }}
),

pairs as (
    select
        'anonymous_id:' || {{ trimmed_or_null('anonymous_id') }} as left_key,
        'user_id:' || {{ trimmed_or_null('user_id') }} as right_key
    from event_logins
    union all
    select
        {{ event_person_node_key(trimmed_or_null('user_id'), trimmed_or_null('anonymous_id')) }}
            as left_key,
        'email:' || {{ normalize_email('email') }} as right_key
    from identifies
    {{ when_requested }}
    union all
    select
        'salesforce_contact:' || {{ trimmed_or_null('id') }} as left_key,
        'email:' || {{ normalize_email('email') }} as right_key
    from contacts
    union all
    select
        'salesforce_lead:' || {{ trimmed_or_null('id') }} as left_key,
        'email:' || {{ normalize_email('email') }} as right_key
    from leads
    union all
    select
        'salesforce_lead:' || {{ trimmed_or_null('id') }} as left_key,
        'salesforce_contact:' || {{ trimmed_or_null('converted_contact_id') }} as right_key
    from leads
    {%- if var('lifecycle_using_zendesk') %}
    union all
    select
        'zendesk_user:' || cast(id as {{ dbt.type_string() }}) as left_key,
        'email:' || {{ normalize_email('email') }} as right_key
    from {{ source('zendesk', 'user') }}
    union all
    select
        'zendesk_user:' || cast(id as {{ dbt.type_string() }}) as left_key,
        'user_id:' || {{ text_id_column('zendesk', 'user', 'external_id') }} as right_key
    from {{ source('zendesk', 'user') }}
    {%- endif %}
    {%- if var('lifecycle_using_stripe') %}
    union all
    select
        'stripe_customer:' || {{ trimmed_or_null('id') }} as left_key,
        'email:' || {{ normalize_email('email') }} as right_key
    from {{ source('stripe', 'customer') }}
    {%- endif %}
),

edges as {{ cte_materialized() }} (
    select distinct
        left_key as node_key,
        right_key as neighbor_key
    from pairs
    where left_key is not null and right_key is not null and left_key != right_key
    union
    select distinct
        right_key as node_key,
        left_key as neighbor_key
    from pairs
    where left_key is not null and right_key is not null and left_key != right_key
),

{{ shared_devices('shared_devices', 'event_logins', 'exclusions') }},

reached_0 as (
    select
        node_key,
        min(requested_at) as first_requested_at,
        0 as hop
    from requested
    group by node_key
),
{% for hop in range(max_hops + 1) %}
{#- the identifiers reached at this hop whose links are followed -#}
frontier_{{ hop }}_parsed as (
    select
        node_key,
        first_requested_at,
        {{ node_key_parts(email_parts=true) }}
    from reached_{{ hop }}
    where
        hop = {{ hop }}
        and node_key not like 'stripe_customer:%'
        and node_key not in (select shared_devices.node_key from shared_devices)
),

frontier_{{ hop }}_excluded as (
    {{- identifier_exclusion_reason('frontier_' ~ hop ~ '_parsed', 'exclusions') }}
),

frontier_{{ hop }} as (
    select
        node_key,
        first_requested_at
    from frontier_{{ hop }}_parsed
    where node_key not in (select excluded.node_key from frontier_{{ hop }}_excluded as excluded)
),

{%- if hop < max_hops %}

linked_{{ hop }} as (
    select
        edges.neighbor_key as node_key,
        min(frontier.first_requested_at) as first_requested_at
    from frontier_{{ hop }} as frontier
    inner join edges
        on frontier.node_key = edges.node_key
    where edges.neighbor_key not in (select reached.node_key from reached_{{ hop }} as reached)
    group by edges.neighbor_key
),

reached_{{ hop + 1 }} as (
    select * from reached_{{ hop }}
    union all
    select
        node_key,
        first_requested_at,
        {{ hop + 1 }} as hop
    from linked_{{ hop }}
),
{% endif %}
{%- endfor %}

{# links of the last hop's identifiers that lead somewhere not reached yet #}
unfollowed as (
    select distinct frontier.node_key
    from frontier_{{ max_hops }} as frontier
    inner join edges
        on frontier.node_key = edges.node_key
    where edges.neighbor_key not in (
        select reached.node_key from reached_{{ max_hops }} as reached
    )
),

{# the requested and reached identifiers whose links were followed: one that links
    nothing, such as a role address or a shared device, is not the person's, even when
    a request names it (erasing it would erase the others who use it; the warning test
    assert_erasure_requests_name_a_person lists such requests) #}
erased_nodes as (
    select
        node_key,
        first_requested_at,
        0 as hop
    from frontier_0
    {%- for hop in range(1, max_hops + 1) %}
    union all
    select
        node_key,
        first_requested_at,
        {{ hop }} as hop
    from frontier_{{ hop }}
    {%- endfor %}
),

flagged_nodes as (
    select
        erased_nodes.node_key,
        erased_nodes.first_requested_at,
        erased_nodes.hop,
        case when unfollowed.node_key is not null then 1 else 0 end as is_unfollowed
    from erased_nodes
    left join unfollowed
        on erased_nodes.node_key = unfollowed.node_key
),

person_identifiers as (
    select
        {{ node_key_parts() }},
        min(first_requested_at) as first_requested_at,
        min(hop) as hops_from_request,
        max(is_unfollowed) = 1 as has_unfollowed_links
    from flagged_nodes
    group by node_key
),

{# the person's devices and users, and the workspaces they used: company identifiers
    the snapshot uses to recognise accounts that existed only through the person #}
erased_logins as (
    select
        identifier_type,
        identifier_value,
        first_requested_at
    from person_identifiers
    where identifier_type in ('anonymous_id', 'user_id')
),

{# plus the person's email domains #}
company_identifiers as (
    {%- for login in ['anonymous_id', 'user_id'] %}
    select
        'workspace' as identifier_type,
        {{ trimmed_or_null('event_logins.workspace_id') }} as identifier_value,
        erased_logins.first_requested_at
    from event_logins
    inner join erased_logins
        on {{ trimmed_or_null('event_logins.' ~ login) }} = erased_logins.identifier_value
        and erased_logins.identifier_type = '{{ login }}'
    where {{ trimmed_or_null('event_logins.workspace_id') }} is not null
    union all
    {%- endfor %}
    select
        'email_domain' as identifier_type,
        {{ dbt.split_part('identifier_value', "'@'", 2) }} as identifier_value,
        min(first_requested_at) as first_requested_at
    from person_identifiers
    where identifier_type = 'email'
    group by {{ dbt.split_part('identifier_value', "'@'", 2) }}
),

final as (
    select
        identifier_type,
        {{ pii_hash('identifier_value') }} as identifier_hash,
        first_requested_at,
        hops_from_request,
        has_unfollowed_links
    from person_identifiers
    union all
    select
        identifier_type,
        {{ pii_hash('identifier_value') }} as identifier_hash,
        min(first_requested_at) as first_requested_at,
        cast(null as {{ dbt.type_int() }}) as hops_from_request,
        false as has_unfollowed_links
    from company_identifiers
    group by identifier_type, identifier_value
)

select * from final
