{#- Every erasure request must name an identifier type the project can follow and a
    value; one that cannot be honoured stops the build instead of being dropped. Only
    the type and time are shown, never the identifier. -#}
{%- set id_types = "('" ~ erasure_identifier_types() | join("', '") ~ "')" %}

select
    identifier_type,
    requested_at,
    case
        when lower(trim(identifier_type)) not in {{ id_types }}
            or identifier_type is null then 'unsupported_identifier_type'
        when nullif(trim(identifier_value), '') is null then 'missing_identifier_value'
        when requested_at is null then 'missing_requested_at'
    end as problem
from {{ source('privacy', 'erasure_requests') }}
where lower(trim(identifier_type)) not in {{ id_types }}
    or identifier_type is null
    or nullif(trim(identifier_value), '') is null
    or requested_at is null
