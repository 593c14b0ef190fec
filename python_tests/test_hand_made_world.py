"""The marts on a world written by hand through the raw contract.

Nine companies, each given just the raw rows that should put it in one lifecycle stage
as of 2026-06-30, are loaded into the empty raw tables (`lifecycle generate --empty`)
and built with every data test. The expected stages, dates and names follow from the
rules in the stage_definitions seed and the vars' defaults.
"""

from __future__ import annotations

from datetime import date
from itertools import count

import duckdb
import pytest

from conftest import ROOT, Warehouse
from lifecycle.generator import generate

AS_OF = date(2026, 6, 30)


class RawLoader:
    """Inserts raw rows the way a loader lands them; columns left out stay NULL."""

    def __init__(self, con: duckdb.DuckDBPyConnection) -> None:
        self.con = con
        self.ids = count(1)

    def insert(self, table: str, **row) -> None:
        columns = ", ".join(row)
        marks = ", ".join("?" * len(row))
        self.con.execute(f"insert into {table} ({columns}) values ({marks})", list(row.values()))

    def track(self, workspace, event, at, user=None, anonymous=None) -> None:
        self.insert(
            "raw_segment.tracks",
            id=f"t{next(self.ids)}",
            user_id=user,
            anonymous_id=anonymous,
            event=event,
            context_group_id=workspace,
            timestamp=at,
            received_at=at,
        )

    def core_usage(self, workspace, users, days) -> None:
        """Two core events per user on each day."""
        for day in days:
            for user in users:
                for hour in (10, 11):
                    self.track(workspace, "Task Completed", f"{day} {hour}:00:00", user=user)

    def stripe_customer(self, key, workspace, start, seats, price, period_end, users, joined):
        """A paying Stripe customer of a workspace, and the workspace's users."""
        self.insert(
            "raw_stripe.customer",
            id=f"cus_{key}",
            email=f"billing@{key}.com",
            name=key,
            metadata=f'{{"workspace_id": "{workspace}"}}',
            delinquent=False,
            created=start,
            livemode=True,
            is_deleted=False,
            _fivetran_synced=start,
        )
        self.insert(
            "raw_stripe.subscription_history",
            id=f"sub_{key}",
            customer_id=f"cus_{key}",
            status="active",
            quantity=seats,
            start_date=start,
            current_period_start=start,
            current_period_end=period_end,
            cancel_at_period_end=False,
            created=start,
            livemode=True,
            _fivetran_active=True,
            _fivetran_start=start,
            _fivetran_synced=start,
        )
        self.insert(
            "raw_stripe.subscription_item",
            id=f"si_{key}",
            subscription_id=f"sub_{key}",
            plan_id=price,
            quantity=seats,
            created=start,
            _fivetran_synced=start,
        )
        for user in users:
            at = f"{joined} 09:00:00"
            self.insert(
                "raw_segment.identifies",
                id=f"i{next(self.ids)}",
                user_id=user,
                email=f"{user}@{key}.com",
                timestamp=at,
                received_at=at,
            )
            self.insert(
                "raw_segment.groups",
                id=f"g{next(self.ids)}",
                user_id=user,
                group_id=workspace,
                name=key,
                timestamp=at,
                received_at=at,
            )


def load_nine_companies(raw: RawLoader) -> None:
    # Unknown: a workspace used by two anonymous visitors; nobody is known.
    for day in ("2026-06-20", "2026-06-21", "2026-06-22"):
        raw.track("ws_unknown", "Task Completed", f"{day} 10:00:00", anonymous="anon-1")
        raw.track("ws_unknown", "Task Completed", f"{day} 11:00:00", anonymous="anon-2")

    # Lead: a CRM lead and nothing else (its email arrives padded and mixed-case).
    raw.insert(
        "raw_salesforce.lead",
        id="00Qlead",
        email="  Lena@LeadCo.com ",
        company="LeadCo",
        status="Open - Not Contacted",
        is_converted=False,
        created_date="2026-06-20",
        last_modified_date="2026-06-20",
        is_deleted=False,
        _fivetran_synced="2026-06-20 01:00",
    )

    # Qualified: a lead meeting all three ICP criteria, qualified five days ago.
    raw.insert(
        "raw_salesforce.lead",
        id="00Qqual",
        email="quinn@qualco.com",
        company="QualCo",
        website="https://www.qualco.com",
        industry="Software",
        number_of_employees=120,
        country="United States",
        status="Qualified",
        is_converted=False,
        created_date="2026-05-01",
        last_modified_date="2026-06-25",
        is_deleted=False,
        _fivetran_synced="2026-06-25 01:00",
    )

    # Opportunity: a CRM account with a contact and an open deal since June 1.
    crm = {"is_deleted": False, "_fivetran_synced": "2026-05-01 01:00"}
    raw.insert(
        "raw_salesforce.account",
        id="001opp",
        name="OppCo",
        website="oppco.com",
        created_date="2026-05-01",
        **crm,
    )
    raw.insert(
        "raw_salesforce.contact",
        id="003opp",
        account_id="001opp",
        email="olga@oppco.com",
        created_date="2026-05-01",
        **crm,
    )
    raw.insert(
        "raw_salesforce.opportunity",
        id="006opp",
        account_id="001opp",
        name="OppCo - New Business",
        stage_name="Proposal",
        amount=12000,
        is_closed=False,
        is_won=False,
        close_date="2026-08-01",
        created_date="2026-06-01",
        last_modified_date="2026-06-15",
        **crm,
    )

    for price, name, cents, interval in [
        ("price_team_monthly", "Team (monthly)", 3000, "month"),
        ("price_team_annual", "Team (annual)", 30000, "year"),
    ]:
        raw.insert(
            "raw_stripe.price",
            id=price,
            nickname=name,
            unit_amount=cents,
            currency="usd",
            recurring_interval=interval,
            recurring_interval_count=1,
            active=True,
            created="2025-01-01",
            livemode=True,
            _fivetran_synced="2025-01-01",
        )
    monthly = {"price": "price_team_monthly", "period_end": "2026-07-25"}

    # Customer: paying since June 1, one user, one day of use.
    raw.stripe_customer(
        "custco", "ws_cust", "2026-06-01", 5, users=["u_cust"], joined="2026-01-01", **monthly
    )
    raw.core_usage("ws_cust", ["u_cust"], ["2026-06-10"])

    # Active: paying since March, two users working since May 10, ten seats.
    raw.stripe_customer(
        "activeco", "ws_active", "2026-03-01", 10, users=["u_a1", "u_a2"], joined="2026-01-01",
        **monthly,
    )  # fmt: skip
    raw.core_usage("ws_active", ["u_a1", "u_a2"], ["2026-05-10", "2026-05-20", "2026-06-10"])
    raw.core_usage("ws_active", ["u_a1", "u_a2"], ["2026-06-20", "2026-06-28"])

    # Expansion: the same, but two seats that the two active users fill.
    raw.stripe_customer(
        "expandco", "ws_expand", "2026-03-01", 2, users=["u_e1", "u_e2"], joined="2026-01-01",
        **monthly,
    )  # fmt: skip
    raw.core_usage("ws_expand", ["u_e1", "u_e2"], ["2026-05-10", "2026-05-20", "2026-06-10"])
    raw.core_usage("ws_expand", ["u_e1", "u_e2"], ["2026-06-20", "2026-06-28"])

    # Risk: active use since June 10, but the annual plan renews on July 20 (in 20 days).
    raw.stripe_customer(
        "riskco", "ws_risk", "2025-07-20", 10, price="price_team_annual",
        period_end="2026-07-20", users=["u_r1", "u_r2"], joined="2025-07-01",
    )  # fmt: skip
    raw.core_usage("ws_risk", ["u_r1", "u_r2"], ["2026-06-10", "2026-06-20", "2026-06-28"])

    # Dormant: paying since September 2025, no core event since February 1.
    raw.stripe_customer(
        "sleepco", "ws_sleep", "2025-09-01", 5, users=["u_s1", "u_s2"], joined="2025-08-20",
        **monthly,
    )  # fmt: skip
    raw.core_usage("ws_sleep", ["u_s1", "u_s2"], ["2026-01-15", "2026-02-01"])


@pytest.fixture(scope="module")
def nine_companies(tmp_path_factory) -> Warehouse:
    work = tmp_path_factory.mktemp("nine_companies")
    db = work / "warehouse.duckdb"
    generate(db, empty=True, today=AS_OF)
    con = duckdb.connect(str(db))
    load_nine_companies(RawLoader(con))
    con.close()
    warehouse = Warehouse(db, ROOT, work)
    warehouse.dbt("build", vars={"as_of_date": AS_OF.isoformat()})
    return warehouse


def test_each_company_lands_in_the_stage_its_rows_call_for(nine_companies):
    rows = nine_companies.query(
        "select account_name, stage, reason_codes, previous_stage, "
        "strftime(entered_stage_at, '%Y-%m-%d'), days_in_stage "
        "from analytics_marts.lifecycle_state order by stage_order"
    )
    assert rows == [
        ("ws_unknown", "Unknown", "no_known_contact", None, "2026-06-20", 10),
        ("LeadCo", "Lead", "known_contact", None, "2026-06-20", 10),
        ("QualCo", "Qualified", "icp_fit,lead_qualified", "Lead", "2026-06-25", 5),
        ("OppCo", "Opportunity", "open_opportunity", "Lead", "2026-06-01", 29),
        ("custco", "Customer", "paying_subscription,not_yet_active", "Lead", "2026-06-01", 29),
        # 3+ core events and 2+ users in 30 days from May 10
        ("activeco", "Active", "active_usage", "Customer", "2026-05-10", 51),
        ("expandco", "Expansion", "active_usage,seats_nearly_full", "Customer", "2026-05-10", 51),
        # a tenured customer that never used the product was Dormant until June 10
        ("riskco", "Risk", "renewal_due", "Dormant", "2026-06-10", 20),
        # 90 days after the last core event of February 1
        ("sleepco", "Dormant", "no_core_events_90d,customer_inactive", "Customer", "2026-05-02",
         59),
    ]  # fmt: skip


def test_the_signals_behind_the_stages_are_the_loaded_rows(nine_companies):
    rows = nine_companies.query(
        "select account_name, core_events_30d, active_users_30d, is_paying, mrr, seats, "
        "days_to_renewal, days_since_last_core_event, icp_criteria_met "
        "from analytics_marts.lifecycle_state where account_name in "
        "('QualCo', 'activeco', 'riskco', 'sleepco') order by account_name"
    )
    assert rows == [
        ("QualCo", 0, 0, False, 0.0, 0, None, None, 3),
        # 5 days x 2 users x 2 events, 3 of the days in the last 30
        ("activeco", 12, 2, True, 300.0, 10, None, 2, 0),
        # 10 seats x $300 a year = $250 a month; renews in 20 days
        ("riskco", 12, 2, True, 250.0, 10, 20, 2, 0),
        ("sleepco", 0, 0, True, 150.0, 5, None, 149, 0),
    ]


def test_history_transitions_and_state_tell_one_story(nine_companies):
    stays = nine_companies.query(
        "select t.from_stage, t.to_stage, cast(t.entered_at as date), "
        "cast(t.exited_at as date), t.days_in_stage "
        "from analytics_marts.lifecycle_stage_transitions as t "
        "join analytics_marts.lifecycle_state using (account_id) "
        "where account_name = 'sleepco' order by t.transition_number"
    )
    assert stays == [
        (None, "Lead", date(2025, 8, 20), date(2025, 9, 1), 12),
        ("Lead", "Customer", date(2025, 9, 1), date(2025, 11, 30), 90),
        ("Customer", "Dormant", date(2025, 11, 30), date(2026, 1, 15), 46),
        ("Dormant", "Active", date(2026, 1, 15), date(2026, 3, 3), 47),
        ("Active", "Customer", date(2026, 3, 3), date(2026, 5, 2), 60),
        ("Customer", "Dormant", date(2026, 5, 2), None, 59),
    ]
    # one history row per account and day, up to the as_of_date
    assert nine_companies.query(
        "select count(*), count(distinct account_id), max(stage_date) "
        "from analytics_marts.lifecycle_stage_daily"
    )[0][1:] == (9, AS_OF)


def test_health_covers_the_customers_and_pql_status_the_rest(nine_companies):
    health = dict(
        nine_companies.query(
            "select account_name, health_band from analytics_marts.customer_health_360"
        )
    )
    assert health == {
        "custco": "green",
        "activeco": "green",
        "expandco": "green",
        "riskco": "green",
        "sleepco": "red",
    }
    pql = dict(
        nine_companies.query("select account_name, pql_status from analytics_marts.pql_status")
    )
    assert pql == {name: "not_pql" for name in ("ws_unknown", "LeadCo", "QualCo", "OppCo")}
