{#-
    Weekly cohort retention (cohorts, not averages): accounts grouped by the week they
    signed up; for each week after signup, the share of the cohort with at least one
    core event that week. Read across a row to see a cohort decay; read down a column
    to compare cohorts at the same age. The logic lives in the cohort_retention_weekly
    mart, which the dashboard reads too.
-#}
select
    cohort_week,
    weeks_since_signup,
    cohort_accounts,
    retained_accounts,
    retention_rate,
    is_complete_week
from {{ ref('cohort_retention_weekly') }}
order by cohort_week, weeks_since_signup
