{#-
    lifecycle_stage_daily has every day of every account, from its first day to the
    as_of_date: no day missing in between (a gap would split or shorten a stay).
-#}
select
    account_id,
    min(stage_date) as first_day,
    max(stage_date) as last_day,
    count(*) as days
from {{ ref('lifecycle_stage_daily') }}
group by account_id
having
    max(stage_date) != {{ as_of_date() }}
    or count(*) != {{ dbt.datediff('min(stage_date)', 'max(stage_date)', 'day') }} + 1
