{#- An erased person whose links go further than erasure_max_hops would keep records:
    raise the var. Only types and counts are shown, never identifiers. -#}
select
    identifier_type,
    count(*) as identifiers_with_unfollowed_links
from {{ ref('stg_privacy__erased_identifiers') }}
where has_unfollowed_links
group by identifier_type
