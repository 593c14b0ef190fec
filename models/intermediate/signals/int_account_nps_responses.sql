{#- NPS answers on their account (the workspace answered from, else the respondent's
    account), classified as promoter (9-10), passive (7-8) or detractor (0-6), each with
    the time its respondent answered again on that account (replaced_at): NPS counts a
    respondent's latest answer only. An answer by the vendor's own staff (an internal
    person, answering from a customer's workspace) is no customer's: it keeps its row,
    on no account, as their events count for no account. -#}
with responses as (
    select
        *,
        {#- the respondent by their login, else by their device (an answer given
            before signing in) #}
        {{ event_person_node_key() }} as respondent_node_key
    from {{ ref('stg_segment__nps_responses') }}
),

person_identifiers as (
    select * from {{ ref('int_person_identifiers') }}
),

account_identifiers as (
    select * from {{ ref('int_account_identifiers') }}
),

person_accounts as (
    select * from {{ ref('int_person_accounts') }}
),

persons as (
    select * from {{ ref('int_persons') }}
),

answers as (
    select
        responses.message_id,
        responses.occurred_at,
        respondent.person_id,
        responses.nps_score,
        cast(responses.occurred_at as date) as response_date,
        case
            when not coalesce(persons.is_internal, false)
                then coalesce(workspace_account.account_id, person_accounts.account_id)
        end as account_id,
        case
            when responses.nps_score >= 9 then 'promoter'
            when responses.nps_score >= 7 then 'passive'
            else 'detractor'
        end as nps_category
    from responses
    left join person_identifiers as respondent
        on responses.respondent_node_key = respondent.node_key
    left join account_identifiers as workspace_account
        on workspace_account.node_key = 'workspace:' || responses.workspace_id
    left join person_accounts
        on respondent.person_id = person_accounts.person_id
    left join persons
        on respondent.person_id = persons.person_id
),

final as (
    select
        * exclude (occurred_at),
        {#- an unknown respondent's answers each count on their own #}
        case
            when person_id is not null
                then lead(occurred_at) over (
                    partition by person_id, account_id order by occurred_at, message_id
                )
        end as replaced_at
    from answers
)

select * from final
