with pages as (
    select * from {{ ref('base_segment__pages') }}
    where row_disposition = 'staged'
),

final as (
    select
        message_id,
        anonymous_id,
        user_id,
        page_path,
        utm_source,
        utm_medium,
        occurred_at,
        received_at
    from pages
)

select * from final
