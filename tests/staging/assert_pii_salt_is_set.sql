{{ config(severity='warn') }}
{#- Personal-data hashes need exactly one salt of at least 16 characters (`lifecycle
    pii-salt`); without one they are unsalted md5s, easy to reverse for known emails.
    The salt itself is never selected. -#}
select
    count(*) as salt_rows,
    min(length(salt)) as shortest_salt
from {{ source('restricted', 'pii_salt') }}
having count(*) != 1 or min(length(salt)) < 16 or min(length(salt)) is null
