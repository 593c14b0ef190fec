{#-
    What is known about each account regardless of the day: firmographics (from the
    CRM account, else from its leads, each created by the as_of_date), how many ICP
    criteria it meets and since when a record holding firmographics exists (the daily
    history counts the criteria from that day only), whether and since when a contact is
    known, when a lead was last qualified, when it first used the product, when Stripe
    first invoiced it.
    One row per account the lifecycle follows: a company domain alone that no person,
    lead or event belongs to (the address domain of a consultant who works in client
    workspaces, say) is an identifier without an account behind it, and is left out.
-#}
with accounts as (
    select * from {{ ref('int_accounts') }}
),

crm_accounts as (
    select * from {{ ref('stg_salesforce__accounts') }}
    {#- a CRM account created after the as_of_date tells nothing about that day #}
    where coalesce(created_at < {{ dbt.dateadd('day', 1, as_of_date()) }}, true)
),

leads as (
    select * from {{ ref('stg_salesforce__leads') }}
),

person_identifiers as (
    select * from {{ ref('int_person_identifiers') }}
),

person_accounts as (
    select * from {{ ref('int_person_accounts') }}
),

group_calls as (
    select * from {{ ref('stg_segment__groups') }}
),

account_identifiers as (
    select * from {{ ref('int_account_identifiers') }}
),

persons as (
    select * from {{ ref('int_persons') }}
),

activity as (
    select * from {{ ref('int_account_activity_daily') }}
),

icp_criteria as (
    select * from {{ ref('icp_criteria') }}
),

lead_accounts as (
    select * from {{ ref('int_lead_accounts') }}
),

lead_qualifications as (
    select * from {{ ref('int_account_lead_qualifications') }}
),

opportunities as (
    select * from {{ ref('int_account_opportunities') }}
),

subscription_periods as (
    select * from {{ ref('int_account_subscription_periods') }}
),

invoices as (
    {{ optional_ref('stg_stripe__invoices', 'lifecycle_using_stripe', {
        'invoice_id': 'string', 'customer_id': 'string', 'created_at': 'timestamp',
    }) }}
),

account_leads as (
    select
        lead_accounts.account_id,
        leads.lead_id,
        leads.lead_status,
        leads.industry,
        leads.number_of_employees,
        leads.country,
        leads.created_at,
        leads.last_modified_at
    from leads
    inner join lead_accounts
        on leads.lead_id = lead_accounts.lead_id
    where
        lead_accounts.account_id is not null
        {#- a lead created after the as_of_date tells nothing about that day #}
        and coalesce(leads.created_at < {{ dbt.dateadd('day', 1, as_of_date()) }}, true)
),

lead_facts as (
    select
        account_id,
        max_by(industry, case when industry is not null then last_modified_at end) as industry,
        max_by(
            number_of_employees,
            case when number_of_employees is not null then last_modified_at end
        ) as number_of_employees,
        max_by(country, case when country is not null then last_modified_at end) as country
    from account_leads
    group by account_id
),

latest_lead_qualifications as (
    select
        account_id,
        max(qualified_at) as lead_qualified_at
    from lead_qualifications
    where qualified_date <= {{ as_of_date() }}
    group by account_id
),

-- persons with a way to reach them (an email, a lead, a contact), and since when
-- (always when one of those identifiers is undated)
known_persons as (
    select
        person_id,
        {{ earliest_unless_undated('first_seen_at') }} as known_since
    from person_identifiers
    where identifier_type in ('email', 'salesforce_lead', 'salesforce_contact')
    group by person_id
),

-- each workspace a known person joined (a group call), from when both were true: a
-- person maps to one account, but can be a member of several workspaces (the
-- vendor's own staff are no customer's contact)
known_members as (
    select
        workspace_accounts.account_id,
        {{ greatest_ignoring_nulls('known_persons.known_since', 'min(group_calls.occurred_at)') }}
            as known_at
    from group_calls
    inner join person_identifiers as member_users
        on {{ event_person_node_key('group_calls.user_id', 'group_calls.anonymous_id') }}
        = member_users.node_key
    inner join known_persons
        on member_users.person_id = known_persons.person_id
    inner join persons
        on known_persons.person_id = persons.person_id
    inner join account_identifiers as workspace_accounts
        on 'workspace:' || group_calls.workspace_id = workspace_accounts.node_key
    where not persons.is_internal
    group by workspace_accounts.account_id, known_persons.person_id, known_persons.known_since
),

{# the account's contacts: its known persons and members, its leads, its CRM account
    (the vendor's own staff are no customer's contact: a customer billed to the
    vendor's finance address is not known through it) #}
contact_sightings as (
    select
        account_id,
        {{ earliest_unless_undated('known_at') }} as known_contact_since
    from (
        {#- from when the person was both known and the account's -#}
        select
            person_accounts.account_id,
            {{ greatest_ignoring_nulls(
                'known_persons.known_since', 'person_accounts.first_evidence_at'
            ) }} as known_at
        from known_persons
        inner join person_accounts
            on known_persons.person_id = person_accounts.person_id
        inner join persons
            on known_persons.person_id = persons.person_id
        where not persons.is_internal
        union all
        select
            account_id,
            known_at
        from known_members
        union all
        select
            account_id,
            created_at as known_at
        from account_leads
        union all
        select
            accounts.account_id,
            crm_accounts.created_at as known_at
        from accounts
        inner join crm_accounts
            on accounts.crm_account_id = crm_accounts.account_id
    ) as sightings
    group by account_id
),

first_use as (
    select
        account_id,
        min(activity_date) as first_activity_date,
        min(case when core_event_count > 0 then activity_date end) as first_core_event_date
    from activity
    group by account_id
),

firmographics as (
    select
        accounts.account_id,
        accounts.account_name,
        accounts.is_internal,
        accounts.first_seen_at,
        latest_lead_qualifications.lead_qualified_at,
        first_use.first_activity_date,
        first_use.first_core_event_date,
        contact_sightings.known_contact_since,
        coalesce(crm_accounts.industry, lead_facts.industry) as industry,
        coalesce(crm_accounts.number_of_employees, lead_facts.number_of_employees)
            as number_of_employees,
        coalesce(crm_accounts.billing_country, lead_facts.country) as country,
        contact_sightings.account_id is not null as is_known_contact
    from accounts
    left join crm_accounts
        on accounts.crm_account_id = crm_accounts.account_id
    left join lead_facts
        on accounts.account_id = lead_facts.account_id
    left join latest_lead_qualifications
        on accounts.account_id = latest_lead_qualifications.account_id
    left join contact_sightings
        on accounts.account_id = contact_sightings.account_id
    left join first_use
        on accounts.account_id = first_use.account_id
    where
        accounts.crm_account_id is not null
        or accounts.workspace_id is not null
        or accounts.stripe_customer_id is not null
        or accounts.zendesk_organization_id is not null
        or lead_facts.account_id is not null
        or contact_sightings.account_id is not null
        or first_use.account_id is not null
),

{# since when the account has firmographics on record: the creation of its first record
    (the CRM account or a lead) holding any, or always when such a record is undated. A
    later record (a CRM account created after the lead, with much the same details)
    does not move it, so nightly runs agree with a rebuild; the criteria are counted
    from the current values. #}
firmographic_records as (
    select
        accounts.account_id,
        crm_accounts.industry,
        crm_accounts.number_of_employees,
        crm_accounts.billing_country as country,
        crm_accounts.created_at
    from accounts
    inner join crm_accounts
        on accounts.crm_account_id = crm_accounts.account_id
    union all
    select
        account_id,
        industry,
        number_of_employees,
        country,
        created_at
    from account_leads
),

firmographics_dated as (
    select
        account_id,
        {{ earliest_unless_undated('created_at') }} as firmographics_known_at
    from firmographic_records
    where industry is not null or number_of_employees is not null or country is not null
    group by account_id
),

{# the first day of a deal or a payment: a deal or a subscription can be older than the
    account's identifiers (a deal moved onto a newer CRM account by a merge, a
    subscription's start backdated in Stripe) #}
first_deals_and_payments as (
    select
        account_id,
        min(first_day) as first_deal_or_payment_date
    from (
        select
            account_id,
            {{ least_ignoring_nulls('created_date', 'closed_date') }} as first_day
        from opportunities
        union all
        select
            account_id,
            valid_from_date as first_day
        from subscription_periods
        where is_paying
    ) as deals_and_payments
    {#- what happened after the as_of_date tells nothing about that day #}
    where first_day <= {{ as_of_date() }}
    group by account_id
),

{# the account's first Stripe invoice: its billing can be measured from then (a
    customer by a won deal billed through invoices alone has no subscription) #}
first_invoices as (
    select
        account_identifiers.account_id,
        min(invoices.created_at) as first_invoiced_at
    from invoices
    inner join account_identifiers
        on 'stripe_customer:' || invoices.customer_id = account_identifiers.node_key
    group by account_identifiers.account_id
),

criteria_met as (
    {#- picklist values compared without case or surrounding whitespace #}
    select
        firmographics.account_id,
        count(distinct icp_criteria.criterion) as icp_criteria_met
    from firmographics
    inner join icp_criteria
        on (
            icp_criteria.attribute = 'industry'
            and lower({{ trim_whitespace('firmographics.industry') }})
            = lower(icp_criteria.match_value)
        )
        or (
            icp_criteria.attribute = 'country'
            and lower({{ trim_whitespace('firmographics.country') }})
            = lower(icp_criteria.match_value)
        )
        or (
            icp_criteria.attribute = 'number_of_employees'
            and firmographics.number_of_employees
            between icp_criteria.min_value and icp_criteria.max_value
        )
    group by firmographics.account_id
),

final as (
    select
        firmographics.account_id,
        firmographics.account_name,
        firmographics.industry,
        firmographics.country,
        firmographics.number_of_employees,
        coalesce(criteria_met.icp_criteria_met, 0) as icp_criteria_met,
        coalesce(criteria_met.icp_criteria_met, 0) >= {{ var('icp_min_criteria') }}
            as is_icp_fit,
        cast(firmographics_dated.firmographics_known_at as date) as icp_known_since_date,
        firmographics.is_internal,
        cast(firmographics.first_seen_at as date) as first_seen_date,
        {#- the first of its identifiers' dated sightings, its use of the product, its
            deals and payments; never before earliest_valid_date (a record dated decades
            back does not backfill decades of days), and from there when nothing is
            dated (on every engine: Snowflake's greatest() would be NULL) #}
        {{ greatest_ignoring_nulls(
            least_ignoring_nulls(
                'cast(firmographics.first_seen_at as date)',
                'firmographics.first_activity_date',
                'first_deals_and_payments.first_deal_or_payment_date'
            ),
            "cast('" ~ var('earliest_valid_date') ~ "' as date)"
        ) }} as history_start_date,
        firmographics.is_known_contact,
        cast(firmographics.known_contact_since as date) as known_contact_since_date,
        cast(firmographics.lead_qualified_at as date) as lead_qualified_date,
        firmographics.first_core_event_date,
        cast(first_invoices.first_invoiced_at as date) as first_invoice_date
    from firmographics
    left join firmographics_dated
        on firmographics.account_id = firmographics_dated.account_id
    left join criteria_met
        on firmographics.account_id = criteria_met.account_id
    left join first_invoices
        on firmographics.account_id = first_invoices.account_id
    left join first_deals_and_payments
        on firmographics.account_id = first_deals_and_payments.account_id
)

select * from final
