{#-
    When each identifier of the erasure scope entered it: the as_of_date and the start
    of the first run that found it in stg_privacy__erased_identifiers. The scope grows after a
    request too: a device whose login arrives later joins the person, and it enters
    the scope that day although its request is older. The daily history reads this to
    rebuild every account after the scope grows, not only after a new request. Salted
    hashes only, as in the scope; an identifier that leaves the scope (its request
    withdrawn) keeps its row, which can only cause one more rebuild.
-#}
{{
    config(
        materialized='incremental',
        incremental_strategy='append',
        on_schema_change='fail',
    )
}}

with erased as (
    select * from {{ ref('stg_privacy__erased_identifiers') }}
),

final as (
    select
        erased.identifier_type,
        erased.identifier_hash,
        erased.first_requested_at,
        {{ as_of_date() }} as entered_scope_on,
        {{ run_started_timestamp() }} as entered_scope_at
    from erased
    {%- if is_incremental() %}
    where not exists (
        select 1
        from {{ this }} as entered
        where
            erased.identifier_type = entered.identifier_type
            and erased.identifier_hash = entered.identifier_hash
    )
    {%- endif %}
)

select * from final
