{#-
    Why identifiers may not link records (identity_exclusions seed rules,
    `placeholder_value` for a user or anonymous id of identity_placeholder_ids, and
    `invalid_email` for an email value that is no address), as a select of (node_key,
    exclusion_reason) for the identifiers of `nodes` that match a rule.
    `nodes` has node_key, identifier_type, identifier_value, email_local_part and
    email_domain; `exclusions` is the seed (patterns lowercase; an exact rule matches
    the value whatever its case). Identity resolution and the erasure scope
    both use it, so a role address or shared device links nothing in either.
-#}
{% macro identifier_exclusion_reason(nodes, exclusions) %}
    select
        node_key,
        min(exclusion_reason) as exclusion_reason
    from (
        select
            nodes.node_key,
            exclusions.exclusion_reason
        from {{ nodes }} as nodes
        inner join {{ exclusions }} as exclusions
            on nodes.identifier_type = exclusions.identifier_type
            and (
                (
                    exclusions.match_type = 'exact'
                    and lower(nodes.identifier_value) = lower(exclusions.pattern)
                )
                or (exclusions.match_type = 'domain' and nodes.email_domain = exclusions.pattern)
                or (
                    exclusions.match_type = 'local_part'
                    and nodes.email_local_part = exclusions.pattern
                )
                or (
                    exclusions.match_type = 'local_part_prefix'
                    and substr(nodes.email_local_part, 1, length(exclusions.pattern))
                    = exclusions.pattern
                )
            )
        union all
        {#- a placeholder an app sends when it has no id ('undefined', 'null', ...) #}
        select
            nodes.node_key,
            'placeholder_value' as exclusion_reason
        from {{ nodes }} as nodes
        where
            nodes.identifier_type in ('user_id', 'anonymous_id')
            and {{ is_placeholder_id('nodes.identifier_value') }}
        union all
        {#- 'unknown', 'n/a', 'ann@' or 'ann@localhost' is no address: it links nothing #}
        select
            nodes.node_key,
            'invalid_email' as exclusion_reason
        from {{ nodes }} as nodes
        where nodes.identifier_type = 'email'
            and (
                coalesce(nodes.email_local_part, '') = ''
                or nodes.email_domain not like '%_._%'
                or nodes.email_domain is null
            )
    ) as matched
    group by node_key
{% endmacro %}
