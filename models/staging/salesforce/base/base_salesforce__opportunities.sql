with source as (
    select * from {{ source('salesforce', 'opportunity') }}
),

renamed as (
    select
        cast({{ trimmed_or_null('id') }} as {{ dbt.type_string() }}) as opportunity_id,
        cast({{ trimmed_or_null('account_id') }} as {{ dbt.type_string() }}) as account_id,
        cast(owner_id as {{ dbt.type_string() }}) as owner_user_id,
        {{ trimmed_or_null('name') }} as opportunity_name,
        stage_name,
        type as opportunity_type,
        lead_source,
        cast(amount as double precision) as amount,
        cast(probability as double precision) as probability,
        coalesce(cast(is_closed as boolean), false) as is_closed,
        coalesce(cast(is_won as boolean), false) as is_won,
        coalesce(cast(is_deleted as boolean), false) as is_deleted,
        cast({{ to_utc_timestamp('close_date') }} as date) as close_date,
        {{ to_utc_timestamp('created_date') }} as created_at,
        {{ to_utc_timestamp('last_modified_date') }} as last_modified_at,
        {{ to_utc_timestamp('_fivetran_synced') }} as synced_at,
        coalesce(cast({{ optional_column(
            'salesforce', 'opportunity', '_fivetran_active', 'boolean'
        ) }} as boolean), true) as is_active_version
    from source
),

validated as (
    select
        *,
        case
            when account_id is null then 'missing_account'
            {#- NaN and infinities: NaN sorts above every number on both warehouses #}
            when not amount between -1e300 and 1e300 then 'invalid_amount'
            when amount < 0 then 'negative_amount'
            {#- Salesforce derives both from the stage: won is always closed #}
            when is_won and not is_closed then 'won_but_not_closed'
        end as quarantine_reason,
        {#- Fivetran's history mode records a delete by closing the last version: a
            record with no active version is deleted -#}
        case when is_deleted or not is_active_version then 'soft_deleted' end
            as exclusion_reason
    from renamed
),

{{ triage_rows(
    'validated', key='opportunity_id',
    keep_first_by='is_active_version desc, synced_at desc nulls last,'
        ~ ' last_modified_at desc nulls last',
    source_name='salesforce', source_table='opportunity', loaded_at='synced_at'
) }}
