with accounts as (
    select * from {{ ref('base_salesforce__accounts') }}
    where row_disposition = 'staged'
),

final as (
    select
        account_id,
        owner_user_id,
        account_name,
        website,
        industry,
        billing_country,
        account_type,
        account_source,
        number_of_employees,
        created_at,
        synced_at
    from accounts
)

select * from final
