with contacts as (
    select * from {{ ref('base_salesforce__contacts') }}
    where row_disposition = 'staged'
),

final as (
    select
        contact_id,
        account_id,
        owner_user_id,
        email,
        first_name,
        last_name,
        title,
        lead_source,
        created_at,
        synced_at
    from contacts
)

select * from final
