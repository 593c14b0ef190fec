with leads as (
    select * from {{ ref('base_salesforce__leads') }}
    where row_disposition = 'staged'
),

final as (
    select
        lead_id,
        owner_user_id,
        converted_account_id,
        converted_contact_id,
        converted_opportunity_id,
        referred_by_account_id,
        email,
        first_name,
        last_name,
        company_name,
        website,
        industry,
        country,
        lead_status,
        lead_source,
        number_of_employees,
        is_converted,
        created_at,
        last_modified_at,
        converted_at,
        synced_at
    from leads
)

select * from final
