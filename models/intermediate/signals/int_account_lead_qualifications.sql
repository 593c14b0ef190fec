{#-
    Each qualified lead on its account, and when it was qualified: its last change while
    its status is one of qualified_lead_statuses (CRM rows are their current state, so
    that change stands for the qualification). An account can have several, each
    confirming a problem from its own day.
-#}
with leads as (
    select * from {{ ref('stg_salesforce__leads') }}
),

lead_accounts as (
    select * from {{ ref('int_lead_accounts') }}
),

final as (
    select
        lead_accounts.account_id,
        leads.lead_id,
        leads.last_modified_at as qualified_at,
        cast(leads.last_modified_at as date) as qualified_date
    from leads
    inner join lead_accounts
        on leads.lead_id = lead_accounts.lead_id
    where
        lead_accounts.account_id is not null
        and leads.last_modified_at is not null
        and leads.lead_status in ({{ quoted_list(var('qualified_lead_statuses')) }})
)

select * from final
