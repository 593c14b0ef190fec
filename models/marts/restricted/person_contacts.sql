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

names as (
    select
        email,
        min(first_name) as first_name,
        min(last_name) as last_name
    from contacts
    where email is not null
    group by email
),

final as (
    select
        persons.person_id,
        {{ pii_hash('persons.primary_email') }} as email_hash,
        persons.primary_email,
        names.first_name,
        names.last_name,
        persons.primary_user_id
    from persons
    left join names
        on persons.primary_email = names.email
    where
        persons.primary_email is not null
        and not persons.is_internal
)

select * from final
