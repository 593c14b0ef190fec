{#- Raw rows deliberately left out of staging: soft deletes, redelivered duplicates
    and test-mode objects, with the table, key and reason. -#}
with excluded as (
    {{ union_triaged_rows('excluded') }}
),

final as (
    select
        source_name,
        source_table,
        source_record_key,
        duplicate_rank,
        disposition_reason as exclusion_reason,
        source_loaded_at
    from excluded
)

select * from final
