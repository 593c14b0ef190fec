{#- CRM opportunities on their account, open from creation until closed. -#}
with opportunities as (
    select * from {{ ref('stg_salesforce__opportunities') }}
),

account_identifiers as (
    select * from {{ ref('int_account_identifiers') }}
),

closings as (
    {#- a closed deal closed on its close date, but no later than it was last modified
        (closing it was a change: a close date still ahead is the one it was expected
        on); without either date, by the time the loader synced it (else it would count
        as open for ever) #}
    select
        opportunity_id,
        coalesce(
            {{ least_ignoring_nulls('close_date', 'cast(last_modified_at as date)') }},
            cast(synced_at as date)
        ) as closed_date
    from opportunities
    where is_closed
),

final as (
    select
        opportunities.opportunity_id,
        account_lookup.account_id,
        opportunities.opportunity_type,
        opportunities.stage_name,
        opportunities.amount,
        opportunities.is_closed,
        opportunities.is_won,
        {#- without a created date (rows written by hand), opened when first seen: the
            earlier of its last change and its sync, and no later than it closed #}
        coalesce(
            cast(opportunities.created_at as date),
            {{ least_ignoring_nulls(
                'cast(opportunities.last_modified_at as date)',
                'cast(opportunities.synced_at as date)',
                'closings.closed_date'
            ) }}
        ) as created_date,
        opportunities.last_modified_at,
        closings.closed_date
    from opportunities
    inner join account_identifiers as account_lookup
        on account_lookup.node_key = 'crm_account:' || opportunities.account_id
    left join closings
        on opportunities.opportunity_id = closings.opportunity_id
)

select * from final
