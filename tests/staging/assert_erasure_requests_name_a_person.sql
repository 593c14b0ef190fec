{#- Warns about erasure requests that erase nothing because they name an identifier
    that is no one person's: a shared device (more than identity_max_users_per_device
    users) or a role, test or invalid address (identity_exclusions). Erasing it would
    erase everyone who uses it, so it is left alone; ask the requester for an identifier
    of their own (their email or user id). Only the type and time are shown. -#}
{{ config(severity='warn') }}
{%- set id_types = "('" ~ erasure_identifier_types() | join("', '") ~ "')" %}

with requests as (
    select
        lower(trim(identifier_type)) as identifier_type,
        requested_at,
        case
            when lower(trim(identifier_type)) = 'email'
                then {{ normalize_email('identifier_value') }}
            else trim(identifier_value)
        end as identifier_value
    from {{ source('privacy', 'erasure_requests') }}
    where
        lower(trim(identifier_type)) in {{ id_types }}
        and nullif(trim(identifier_value), '') is not null
),

erased as (
    select * from {{ ref('stg_privacy__erased_identifiers') }}
),

final as (
    select
        requests.identifier_type,
        requests.requested_at,
        'names_no_one_person' as problem
    from requests
    left join erased
        on requests.identifier_type = erased.identifier_type
        and {{ pii_hash('requests.identifier_value') }} = erased.identifier_hash
    where erased.identifier_hash is null
)

select * from final
