{#-
    Shared devices: anonymous ids used by more than identity_max_users_per_device
    people (user ids other than placeholders such as 'undefined', or email addresses
    typed while logged out), counted over every raw Segment row (the shared_devices
    macro), the same rule and rows the erasure scope uses. They link nothing (int_identity_nodes).
    The raw event tables are read only once the erasure requests table has a row (it
    costs a pass over them, about 5 s at 10M events): until then nothing is erased and
    identity resolution's own count over the staged rows is the only one.
-#}
{%- set when_requested = 'where exists (select 1 from '
    ~ source('privacy', 'erasure_requests') ~ ')' %}

with exclusions as (
    select * from {{ ref('identity_exclusions') }}
),

device_logins as (
    {{- raw_device_logins(where=when_requested) }}
),

{{ shared_devices('final', 'device_logins', 'exclusions') }}

select * from final
