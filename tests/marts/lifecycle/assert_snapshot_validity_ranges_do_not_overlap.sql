{#- At most one current version per account, and no two versions of an account valid
    at the same time. -#}
with versions as (
    select
        account_id,
        dbt_valid_from,
        dbt_valid_to
    from {{ ref('lifecycle_state_snapshot') }}
),

current_versions as (
    select
        account_id,
        'more than one current version' as problem
    from versions
    where dbt_valid_to is null
    group by account_id
    having count(*) > 1
),

overlapping_versions as (
    select distinct
        earlier.account_id,
        'overlapping validity' as problem
    from versions as earlier
    inner join versions as later
        on earlier.account_id = later.account_id
        and earlier.dbt_valid_from < later.dbt_valid_from
        and (earlier.dbt_valid_to is null or earlier.dbt_valid_to > later.dbt_valid_from)
)

select * from current_versions
union all
select * from overlapping_versions
