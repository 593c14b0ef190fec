with opportunities as (
    select * from {{ ref('base_salesforce__opportunities') }}
    where row_disposition = 'staged'
),

final as (
    select
        opportunity_id,
        account_id,
        owner_user_id,
        opportunity_name,
        stage_name,
        opportunity_type,
        lead_source,
        amount,
        probability,
        is_closed,
        is_won,
        close_date,
        created_at,
        last_modified_at,
        synced_at
    from opportunities
)

select * from final
