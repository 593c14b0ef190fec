{#-
    Shared devices: anonymous ids logged in as more than identity_max_users_per_device
    user ids, counted over every raw Segment row (the shared_devices macro), the same
    rule and rows the erasure scope uses. They link nothing (int_identity_nodes).
-#}
with device_logins as (
    {{- raw_device_logins() }}
),

final as (
    {{- shared_devices('device_logins') }}
)

select * from final
