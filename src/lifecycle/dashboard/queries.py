"""Every query the dashboard runs, written once for DuckDB and Snowflake.

Each function takes a `Warehouse` and returns a DataFrame (or a value). The SQL reads
the marts only and sticks to what both warehouses understand; `{marts}` is the marts'
schema and `?` a parameter. The headline figures follow the semantic layer's metric
definitions (models/marts/semantic/_semantic__metrics.yml); the test suite checks that
`mf query` gives the same numbers.
"""

from __future__ import annotations

from datetime import date, timedelta

import pandas as pd

from lifecycle.dashboard.warehouse import Warehouse

PQL_STATUSES = ("not_pql", "pql", "sales_accepted", "converted", "disqualified")


def _run(warehouse: Warehouse, sql: str, *params: object) -> pd.DataFrame:
    return warehouse.query(sql.format(marts=warehouse.marts), params)


def as_of_date(warehouse: Warehouse) -> date | None:
    """The day the marts describe (the as_of_date of the last build); None when the
    build found no account to describe."""
    frame = _run(warehouse, "select max(as_of_date) as as_of_date from {marts}.lifecycle_state")
    value = frame["as_of_date"].iloc[0]
    return None if pd.isna(value) else pd.Timestamp(value).date()


def headline(warehouse: Warehouse) -> pd.Series:
    """accounts, customers, active_rate, risk_rate, average_health_score, pqls,
    pql_conversion_rate: the semantic layer's metrics of the same names."""
    sql = """
        select
            (select count(*) from {marts}.lifecycle_state) as accounts,
            count(*) as customers,
            avg(case when lifecycle_stage in ('Active', 'Expansion') then 1.0 else 0.0 end)
                as active_rate,
            avg(case when lifecycle_stage = 'Risk' then 1.0 else 0.0 end) as risk_rate,
            avg(health_score) as average_health_score,
            (select count(pql_at) from {marts}.pql_status) as pqls,
            (
                select 1.0 * sum(case when pql_status = 'converted' then 1 else 0 end)
                    / nullif(count(*), 0)
                from {marts}.pql_status
                where pql_at is not null
            ) as pql_conversion_rate
        from {marts}.customer_health_360
    """
    return _run(warehouse, sql).iloc[0]


def stage_distribution(warehouse: Warehouse) -> pd.DataFrame:
    """Accounts per stage and owning team, in journey order."""
    sql = """
        select stage, stage_order, owner_team, count(*) as accounts
        from {marts}.lifecycle_state
        group by stage, stage_order, owner_team
        order by stage_order, owner_team
    """
    return _run(warehouse, sql)


def stage_transitions(warehouse: Warehouse, start: date, end: date) -> pd.DataFrame:
    """Moves from one stage to another entered between start and end (inclusive)."""
    sql = """
        select from_stage, to_stage, count(*) as transitions
        from {marts}.lifecycle_stage_transitions
        where
            from_stage is not null
            and entered_at >= ?
            and entered_at < ?
        group by from_stage, to_stage
        order by transitions desc, from_stage, to_stage
    """
    return _run(warehouse, sql, start, end + timedelta(days=1))


def stage_orders(warehouse: Warehouse) -> dict[str, int]:
    """Stage -> its position in the journey (1-9), for ordering charts."""
    sql = "select distinct stage, stage_order from {marts}.lifecycle_state"
    frame = _run(warehouse, sql)
    return {str(row.stage): int(row.stage_order) for row in frame.itertuples()}


def cohort_retention(warehouse: Warehouse) -> pd.DataFrame:
    """Weekly signup cohorts and their retention by week since signup (is_complete_week:
    false for the as_of_date's week until its Sunday)."""
    sql = """
        select cohort_week, weeks_since_signup, cohort_accounts, retained_accounts,
            retention_rate, is_complete_week
        from {marts}.cohort_retention_weekly
        order by cohort_week, weeks_since_signup
    """
    return _run(warehouse, sql)


def customer_health(warehouse: Warehouse) -> pd.DataFrame:
    """Every customer's health score, band, reasons and components, worst first."""
    sql = """
        select
            account_id, account_name, lifecycle_stage, health_score, health_band,
            top_reasons, usage_score, adoption_score, support_score, billing_score,
            sentiment_score, mrr, plan_name, renewal_date
        from {marts}.customer_health_360
        order by health_score, account_name
    """
    return _run(warehouse, sql)


def pql_accounts(warehouse: Warehouse) -> pd.DataFrame:
    """Every prospect's PQL status, score and reasons, highest score first."""
    sql = """
        select
            account_id, account_name, lifecycle_stage, pql_status, status_since_date,
            pql_score, pql_reasons, is_pql_now, pql_at, sales_accepted_date,
            converted_date, walk_away_reason
        from {marts}.pql_status
        order by pql_score desc, pql_at, account_name
    """
    return _run(warehouse, sql)


def account_list(warehouse: Warehouse) -> pd.DataFrame:
    """Every account's id, name and stage, by name, for picking one."""
    sql = """
        select account_id, coalesce(account_name, account_id) as account_name, stage
        from {marts}.lifecycle_state
        order by account_name, account_id
    """
    return _run(warehouse, sql)


def account_state(warehouse: Warehouse, account_id: str) -> pd.DataFrame:
    """The account's lifecycle_state row, with health and PQL status if it has them."""
    sql = """
        select
            lifecycle.*,
            health.health_score,
            health.health_band,
            health.top_reasons,
            pql.pql_status,
            pql.pql_score,
            pql.pql_reasons
        from {marts}.lifecycle_state as lifecycle
        left join {marts}.customer_health_360 as health
            on lifecycle.account_id = health.account_id
        left join {marts}.pql_status as pql
            on lifecycle.account_id = pql.account_id
        where lifecycle.account_id = ?
    """
    return _run(warehouse, sql, account_id)


def account_timeline(warehouse: Warehouse, account_id: str) -> pd.DataFrame:
    """The account's stays in each stage, oldest first."""
    sql = """
        select transition_number, from_stage, to_stage, entered_at, exited_at,
            days_in_stage, is_current
        from {marts}.lifecycle_stage_transitions
        where account_id = ?
        order by transition_number
    """
    return _run(warehouse, sql, account_id)


def account_daily(warehouse: Warehouse, account_id: str) -> pd.DataFrame:
    """The account's daily signals: core events and active users (30 days), MRR."""
    sql = """
        select stage_date, stage, core_events_30d, active_users_30d, mrr
        from {marts}.lifecycle_stage_daily
        where account_id = ?
        order by stage_date
    """
    return _run(warehouse, sql, account_id)
