{#-
    How to reach each known person: the plain email and name, for the CS and sales tools
    that must contact people. The only published model with raw personal data; it lives
    in the restricted schema, granted to pii_reader_roles only (analysts join on
    email_hash, which person_status carries).
-#}
with persons as (
    select * from {{ ref('int_persons') }}
),

contacts as (
    select * from {{ ref('stg_salesforce__contacts') }}
),

leads as (
    select * from {{ ref('stg_salesforce__leads') }}
),

contact_names as (
    {#- both names from one contact: of the contacts with that email, the latest created
        one that has a name (several contacts may share an address) #}
    select
        email,
        first_name,
        last_name
    from (
        select
            email,
            first_name,
            last_name,
            row_number() over (
                partition by email
                order by
                    (first_name is not null or last_name is not null) desc,
                    created_at desc nulls last,
                    contact_id asc
            ) as contact_rank
        from contacts
        where email is not null
    ) as ranked_contacts
    where contact_rank = 1
),

{# a lead without dates (undated) ranks before every dated one #}
{% set lead_recency = "coalesce(last_modified_at, created_at, cast('"
    ~ var('earliest_valid_date') ~ "' as " ~ dbt.type_timestamp() ~ "))" -%}
lead_names as (
    {#- a person known only as a CRM lead: the names on its latest leads that have them
        (the same on every engine: Snowflake's max_by would return a NULL name) #}
    select
        email,
        max_by(first_name, case when first_name is not null then {{ lead_recency }} end)
            as first_name,
        max_by(last_name, case when last_name is not null then {{ lead_recency }} end)
            as last_name
    from leads
    where email is not null and (first_name is not null or last_name is not null)
    group by email
),

final as (
    select
        persons.person_id,
        {{ pii_hash('persons.primary_email') }} as email_hash,
        persons.primary_email,
        case
            when contact_names.email is not null then contact_names.first_name
            else lead_names.first_name
        end as first_name,
        case
            when contact_names.email is not null then contact_names.last_name
            else lead_names.last_name
        end as last_name,
        persons.primary_user_id
    from persons
    left join contact_names
        on persons.primary_email = contact_names.email
    left join lead_names
        on persons.primary_email = lead_names.email
    where
        persons.primary_email is not null
        and not persons.is_internal
)

select * from final
