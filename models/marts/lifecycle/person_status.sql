{#-
    One row per person, kept apart from account status: how far the person got
    (anonymous, known, signed up, active, lapsed, dormant) as of the as_of_date var,
    their activation, and the account they belong to with its stage. The email is
    carried only as a salted hash (email_hash); person_contacts holds it in clear.
    Everything is as known on the as_of_date: a login or an address first seen later,
    a workspace joined or a CRM contact created later, and a signup or activation
    after it, do not count yet. Of the evidence for one account, the latest seen by the
    date ranks it; when all but its first sighting came later, the first does.
-#}
with persons as (
    select * from {{ ref('int_persons') }}
),

account_candidates as (
    select * from {{ ref('int_person_account_candidates') }}
),

person_identifiers as (
    select * from {{ ref('int_person_identifiers') }}
),

activation as (
    select * from {{ ref('int_person_activation') }}
),

lifecycle_state as (
    select * from {{ ref('lifecycle_state') }}
),

events as (
    select * from {{ ref('int_events_attributed') }}
    where person_id is not null and event_date <= {{ as_of_date() }}
),

usage as (
    select
        person_id,
        sum(
            case
                when is_core and event_date > {{ dbt.dateadd('day', -30, as_of_date()) }}
                    then event_count
                else 0
            end
        ) as core_events_30d,
        max(case when is_core then event_date end) as last_core_event_date,
        max(event_date) as last_seen_date
    from events
    group by person_id
),

person_accounts as (
    {#- the first-ranked account among the evidence seen by the as_of_date #}
    select
        person_id,
        account_id,
        row_number() over (
            partition by person_id
            order by {{ person_account_order(
                'case when cast(evidence_at as date) <= ' ~ as_of_date()
                ~ ' then evidence_at else first_evidence_at end'
            ) }}
        ) as known_rank
    from account_candidates
    where coalesce(cast(first_evidence_at as date) <= {{ as_of_date() }}, true)
),

identifiers_known as (
    {#- the person's identifiers seen by the as_of_date (one without a date counts) #}
    select
        person_id,
        {{ earliest_identifier('email') }} as primary_email,
        min(first_seen_at) as first_seen_at,
        count(case when identifier_type = 'user_id' then 1 end) > 0 as has_login,
        count(
            case
                when identifier_type in ('email', 'salesforce_lead', 'salesforce_contact')
                    then 1
            end
        ) > 0 as is_known_contact
    from person_identifiers
    where coalesce(cast(first_seen_at as date) <= {{ as_of_date() }}, true)
    group by person_id
),

signups as (
    select
        person_id,
        cast(signed_up_at as date) as signed_up_date,
        case
            when cast(activated_at as date) <= {{ as_of_date() }} then cast(activated_at as date)
        end as activated_date,
        case
            when cast(activated_at as date) <= {{ as_of_date() }} then days_to_activate
        end as days_to_activate,
        cast(activated_at as date) <= {{ as_of_date() }} and is_activated_within_window
            as is_activated_within_window
    from activation
    where cast(signed_up_at as date) <= {{ as_of_date() }}
),

final as (
    select
        persons.person_id,
        {{ pii_hash('identifiers_known.primary_email') }} as email_hash,
        person_accounts.account_id,
        lifecycle_state.stage as account_stage,
        case
            when usage.core_events_30d > 0 then 'active'
            when
                usage.last_core_event_date
                <= {{ dbt.dateadd('day', -number_var('dormant_inactive_days'), as_of_date()) }}
                then 'dormant'
            when usage.last_core_event_date is not null then 'lapsed'
            {#- a product login, or a signup seen before it signed in -#}
            when
                coalesce(identifiers_known.has_login, false)
                or signups.signed_up_date is not null
                then 'signed_up'
            when coalesce(identifiers_known.is_known_contact, false) then 'known'
            else 'anonymous'
        end as person_status,
        coalesce(identifiers_known.is_known_contact, false) as is_known_contact,
        persons.is_internal,
        persons.needs_review as needs_identity_review,
        signups.signed_up_date,
        signups.activated_date,
        cast(signups.days_to_activate as integer) as days_to_activate,
        coalesce(signups.is_activated_within_window, false) as is_activated_within_window,
        cast(coalesce(usage.core_events_30d, 0) as integer) as core_events_30d,
        usage.last_core_event_date,
        usage.last_seen_date,
        cast(identifiers_known.first_seen_at as date) as first_seen_date,
        {{ as_of_date() }} as as_of_date
    from persons
    left join person_accounts
        on persons.person_id = person_accounts.person_id
        and person_accounts.known_rank = 1
    left join lifecycle_state
        on person_accounts.account_id = lifecycle_state.account_id
    left join identifiers_known
        on persons.person_id = identifiers_known.person_id
    left join signups
        on persons.person_id = signups.person_id
    left join usage
        on persons.person_id = usage.person_id
    {#- seen by the as_of_date, or known by an undated record #}
    where
        coalesce(cast(persons.first_seen_at as date) <= {{ as_of_date() }}, true)
        or identifiers_known.person_id is not null
)

select * from final
