{#-
    The account each person belongs to: their first-ranked candidate in
    int_person_account_candidates, which lists the rules and their precedence. Persons
    no rule applies to (anonymous visitors, free-mail signups outside any workspace)
    have no account. A view: the candidates table is small and already ranked.
-#}
{{ config(materialized='view') }}

with candidates as (
    select * from {{ ref('int_person_account_candidates') }}
),

final as (
    select
        person_id,
        account_id,
        mapping_rule,
        mapping_precedence,
        evidence_node_key,
        first_evidence_at,
        evidence_at
    from candidates
    where candidate_rank = 1
)

select * from final
