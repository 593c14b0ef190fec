{#- Raw rows that failed validation, with the table, key and reason: nothing a loader
    delivers is dropped silently. Fix the source or the rule, never the count. -#}
with quarantined as (
    {{ union_triaged_rows('quarantined') }}
),

final as (
    select
        source_name,
        source_table,
        source_record_key,
        duplicate_rank,
        disposition_reason as quarantine_reason,
        source_loaded_at
    from quarantined
)

select * from final
