with customers as (
    select * from {{ ref('base_stripe__customers') }}
    where row_disposition = 'staged'
),

final as (
    select
        customer_id,
        workspace_id,
        salesforce_account_id,
        email,
        customer_name,
        metadata_json,
        has_invalid_metadata,
        is_delinquent,
        is_deleted,
        created_at,
        synced_at
    from customers
)

select * from final
