{#-
    The account each CRM lead belongs to: the account it was converted into, else its
    person's account, else the account of its company domain (its website's, else its
    email's). A lead on a free-mail address whose website names its company still
    belongs to that company's account. Null when none applies.
-#}
with leads as (
    select * from {{ ref('stg_salesforce__leads') }}
),

person_identifiers as (
    select * from {{ ref('int_person_identifiers') }}
),

person_accounts as (
    select * from {{ ref('int_person_accounts') }}
),

account_identifiers as (
    select * from {{ ref('int_account_identifiers') }}
),

final as (
    select
        leads.lead_id,
        coalesce(
            converted_account.account_id,
            person_accounts.account_id,
            domain_account.account_id
        ) as account_id
    from leads
    left join account_identifiers as converted_account
        on converted_account.node_key = 'crm_account:' || leads.converted_account_id
    left join person_identifiers as lead_person
        on lead_person.node_key = 'salesforce_lead:' || leads.lead_id
    left join person_accounts
        on lead_person.person_id = person_accounts.person_id
    left join account_identifiers as domain_account
        on domain_account.node_key = 'email_domain:' || coalesce(
            {{ website_domain('leads.website') }},
            {{ dbt.split_part('leads.email', "'@'", 2) }}
        )
)

select * from final
