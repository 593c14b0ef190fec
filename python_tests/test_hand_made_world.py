"""The marts on a world written by hand through the raw contract.

Companies given just the raw rows that should put them in a lifecycle stage as of
2026-06-30 (one per stage, then each kind of risk, a deal won without billing data,
three prospect journeys, an anonymous visitor who signs in, an erased person, a trial, a
cancelled subscription, a converted lead, tickets known only by email, the vendor's
own staff, also in a customer's workspace, a signup seen only on track calls, emails
padded with tabs or holding no address, and a role address) are loaded into the
empty raw tables (`lifecycle generate --empty`) and built with every data test. The
expected stages, dates, health and PQL statuses follow from the rules in the
stage_definitions seed and the vars' defaults.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from datetime import date
from itertools import count
from pathlib import Path

import duckdb
import pytest

from conftest import ROOT, WITHOUT_UNIT_TESTS, Warehouse, build_hand_made_world, copy_project

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

    def crm_account_with_deal(
        self, key, name, created, deal_created, deal_closed=None, close_date=None, website=None
    ):
        """A Salesforce account (website `<key>.com` unless given) and one deal: open while
        `deal_closed` is None, else won on that day. Its close date is `close_date` if
        given, else the day it was won (or, while open, August 15). The deal has no type."""
        synced = {"is_deleted": False, "_fivetran_synced": deal_closed or deal_created}
        self.insert(
            "raw_salesforce.account",
            id=f"001{key}",
            name=name,
            website=website or f"{key}.com",
            created_date=created,
            **synced,
        )
        self.deal(
            key,
            f"{name} - First deal",
            "Closed Won" if deal_closed else "Proposal",
            close_date=close_date or deal_closed or "2026-08-15",
            created=deal_created,
            last_modified=deal_closed or deal_created,
            synced=deal_closed or deal_created,
        )

    def deal(
        self, key, name, stage_name, *, close_date, created, last_modified, synced, **columns
    ) -> None:
        """A version of a Salesforce opportunity of account `001<key>` (id `006<key>`
        unless `id` is given), closed and won as its stage says."""
        self.insert(
            "raw_salesforce.opportunity",
            **{"id": f"006{key}", "amount": 5000, **columns},
            account_id=f"001{key}",
            name=name,
            stage_name=stage_name,
            is_closed=stage_name.startswith("Closed"),
            is_won=stage_name == "Closed Won",
            close_date=close_date,
            created_date=created,
            last_modified_date=last_modified,
            is_deleted=False,
            _fivetran_synced=synced,
        )

    def signup_and_activation(self, workspace, user, signed_up, project_created, invited):
        """The signup and the two activation events (seed event_taxonomy), on those days."""
        for event, day in [
            ("Signed Up", signed_up),
            ("Project Created", project_created),
            ("Team Member Invited", invited),
        ]:
            self.track(workspace, event, f"{day} 09:00:00", user=user)

    def stripe_customer(
        self,
        key,
        workspace,
        start,
        seats,
        price,
        period_end,
        users,
        joined,
        subscription=None,
        crm_account=None,
        metadata=None,
        later_versions=(),
    ):
        """A paying Stripe customer of a workspace (since `start`), and the workspace's
        users (since `joined`). `subscription` overrides columns of its subscription;
        `crm_account` is a Salesforce account id for its metadata; `metadata` replaces
        the metadata; each of `later_versions` is a later version of the subscription
        (the columns that changed, with its `_fivetran_start`)."""
        if metadata is None:
            metadata = {"workspace_id": workspace}
        if crm_account:
            metadata["salesforce_account_id"] = crm_account
        self.insert(
            "raw_stripe.customer",
            id=f"cus_{key}",
            email=f"billing@{key}.com",
            name=key,
            metadata=json.dumps(metadata),
            delinquent=False,
            created=start,
            livemode=True,
            is_deleted=False,
            _fivetran_synced=start,
        )
        history = dict(
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
        self.insert("raw_stripe.subscription_history", **history | (subscription or {}))
        for version in later_versions:
            self.insert("raw_stripe.subscription_history", **history | version)
        self.insert(
            "raw_stripe.subscription_item",
            id=f"si_{key}",
            subscription_id=f"sub_{key}",
            plan_id=price,
            quantity=seats,
            created=start,
            _fivetran_synced=start,
        )
        self.workspace_members(workspace, key, users, joined)

    def identify(self, user, email, at, anonymous=None) -> None:
        """A Segment identify call giving the user (and device) an email."""
        self.insert(
            "raw_segment.identifies",
            id=f"i{next(self.ids)}",
            user_id=user,
            anonymous_id=anonymous,
            email=email,
            timestamp=at,
            received_at=at,
        )

    def group_call(self, user, workspace, name, at) -> None:
        """A Segment group call: the user joins the workspace."""
        self.insert(
            "raw_segment.groups",
            id=f"g{next(self.ids)}",
            user_id=user,
            group_id=workspace,
            name=name,
            timestamp=at,
            received_at=at,
        )

    def workspace_members(self, workspace, company, users, joined) -> None:
        """Users identified with an email at the company's domain, joining its workspace."""
        for user in users:
            at = f"{joined} 09:00:00"
            self.identify(user, f"{user}@{company.lower()}.com", at)
            self.group_call(user, workspace, company, at)


def synced_version(day, **changes) -> dict:
    """A later version of a Stripe subscription: the columns that changed, in force
    and synced from `day`."""
    return {**changes, "_fivetran_start": day, "_fivetran_synced": day}


def cancelled_on(day) -> dict:
    """The columns of a subscription cancelled and ended on `day`."""
    return {"status": "canceled", "canceled_at": day, "ended_at": day}


def load_one_company_per_stage(raw: RawLoader) -> None:
    # Unknown: a workspace used by two anonymous visitors; nobody is known.
    for day in ("2026-06-20", "2026-06-21", "2026-06-22"):
        raw.track("ws_unknown", "Task Completed", f"{day} 10:00:00", anonymous="anon-1")
        raw.track("ws_unknown", "Task Completed", f"{day} 11:00:00", anonymous="anon-2")

    # Lead by a product signup: someone signed up in a workspace on June 15 and used it,
    # but no identify call carried an email (the product holds the address).
    raw.group_call("u_signup", "ws_signup", None, "2026-06-14 09:00:00")
    raw.track("ws_signup", "Task Completed", "2026-06-14 10:00:00", user="u_signup")
    raw.track("ws_signup", "Signed Up", "2026-06-15 09:00:00", user="u_signup")

    # Lead: a CRM lead and nothing else (its email arrives padded and mixed-case).
    raw.insert(
        "raw_salesforce.lead",
        id="00Qlead",
        email="  Lena@LeadCo.com ",
        first_name="Lena",
        last_name="Lindqvist",
        company="LeadCo",
        status="Open - Not Contacted",
        is_converted=False,
        created_date="2026-06-20",
        last_modified_date="2026-06-20",
        is_deleted=False,
        _fivetran_synced="2026-06-20 01:00",
    )

    # Qualified: a lead meeting all three ICP criteria, qualified five days ago (its
    # industry typed in lower case with a trailing space, its country as a code).
    raw.insert(
        "raw_salesforce.lead",
        id="00Qqual",
        email="quinn@qualco.com",
        company="QualCo",
        website="https://www.qualco.com",
        industry="software ",
        number_of_employees=120,
        country="US",
        status="Qualified",
        is_converted=False,
        created_date="2026-05-01",
        last_modified_date="2026-06-25",
        is_deleted=False,
        _fivetran_synced="2026-06-25 01:00",
    )
    # a second QualCo lead, created and qualified after the as_of_date: it does not
    # hide the first one's qualification
    raw.insert(
        "raw_salesforce.lead", id="00Qqual2", email="bo@qualco.com", company="QualCo",
        industry="Software", number_of_employees=120, country="US", status="Qualified",
        is_converted=False, created_date="2026-07-05", last_modified_date="2026-07-05",
        is_deleted=False, _fivetran_synced="2026-07-05 01:00",
    )  # fmt: skip

    # Opportunity: a CRM account with a contact and an open deal since June 1.
    raw.crm_account_with_deal("oppco", "OppCo", created="2026-05-01", deal_created="2026-06-01")
    raw.insert(
        "raw_salesforce.contact",
        id="003opp",
        account_id="001oppco",
        email="olga@oppco.com",
        created_date="2026-05-01",
        is_deleted=False,
        _fivetran_synced="2026-05-01 01:00",
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
    # ShortIdCo: Stripe metadata names its CRM account by the 15-character id copied
    # from Salesforce's screens; Fivetran lands the 18-character one
    raw.insert(
        "raw_salesforce.account", id="001Hm00000ShortIAB", name="ShortIdCo",
        website="shortidco.com", created_date="2026-03-01", is_deleted=False,
        _fivetran_synced="2026-03-01",
    )  # fmt: skip
    raw.stripe_customer(
        "shortidco", "ws_shortid", "2026-03-01", 5, users=["u_sid"], joined="2026-03-01",
        crm_account="001Hm00000Short", **monthly,
    )  # fmt: skip
    # ... and its Zendesk organization by the 18-character id a sync lower-cased
    raw.insert(
        "raw_zendesk.organization", id=77, name="ShortIdCo Support",
        external_id="001hm00000shortiab", created_at="2026-03-01", updated_at="2026-03-01",
        _fivetran_synced="2026-03-01",
    )  # fmt: skip

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

    # Dormant from the start: paying since January 1, nobody ever used the product.
    raw.stripe_customer("shelfco", "ws_shelf", "2026-01-01", 5, users=[], joined=None, **monthly)


def load_risks_and_prospect_journeys(raw: RawLoader) -> None:
    monthly = {"price": "price_team_monthly", "period_end": "2026-07-25"}
    recent = ["2026-06-10", "2026-06-20", "2026-06-28"]

    def customer_since_january(key, **stripe_columns):
        """A Stripe customer paying since January 1, whose two users joined its workspace
        on December 20 and used the product on the recent days."""
        users = [f"u_{key}1", f"u_{key}2"]
        raw.stripe_customer(
            key, f"ws_{key}", "2026-01-01", 10, users=users, joined="2025-12-20",
            **monthly, **stripe_columns,
        )  # fmt: skip
        raw.core_usage(f"ws_{key}", users, recent)

    # Risk by support: two unresolved tickets (open, pending) of three, from a user of
    # the Zendesk organization that owns the company's domain.
    raw.stripe_customer(
        "ticketco", "ws_t", "2026-01-01", 10, users=["u_t1", "u_t2"], joined="2025-12-20",
        **monthly,
    )  # fmt: skip
    raw.core_usage("ws_t", ["u_t1", "u_t2"], recent)
    synced = {"_fivetran_synced": "2026-01-01"}
    raw.insert(
        "raw_zendesk.organization",
        id=1,
        name="TicketCo Org",
        created_at="2026-01-01",
        updated_at="2026-01-01",
        **synced,
    )
    raw.insert(
        "raw_zendesk.domain_name", organization_id=1, index=0, domain_name="ticketco.com", **synced
    )
    raw.insert(
        "raw_zendesk.user",
        id=11,
        email="u_t1@ticketco.com",
        name="T1",
        organization_id=1,
        role="end-user",
        active=True,
        created_at="2026-01-01",
        updated_at="2026-01-01",
        _fivetran_deleted=False,
        **synced,
    )
    for ticket, status in [(101, "open"), (102, "pending"), (103, "solved")]:
        raw.insert(
            "raw_zendesk.ticket",
            id=ticket,
            requester_id=11,
            organization_id=1,
            status=status,
            priority="normal",
            type="problem",
            subject="Export fails",
            via_channel="web",
            created_at="2026-06-15 10:00",
            updated_at="2026-06-16 10:00",
            _fivetran_deleted=False,
            _fivetran_synced="2026-06-16 11:00",
        )

    # Stripe's history switched on in June: the first version of a subscription paying
    # since January is dated June 1 (latesyncco); another's was first synced on June 29,
    # already cancelled that morning (lostsyncco). Both paid from January 1, lostsyncco
    # until June 29 (the day it was cancelled, paid for part).
    for key, first_synced, cancelled in [
        ("latesyncco", "2026-06-01", {}),
        (
            "lostsyncco",
            "2026-06-29 10:00",
            {
                "status": "canceled",
                "canceled_at": "2026-06-29 10:00",
                "ended_at": "2026-06-29 10:00",
            },
        ),
    ]:
        first_version = {"_fivetran_start": first_synced, "_fivetran_synced": first_synced}
        customer_since_january(key, subscription=first_version | cancelled)

    # A subscription loaded as one record, dated from its start, already cancelled on
    # June 15 (onceco): it paid from January 1 until then; so did deletedco, whose
    # customer was then deleted in Stripe (Fivetran marks it is_deleted): its billing
    # history stays. A free plan (freeco): a price of 0 is no payment, so the account
    # is a prospect however much it is used.
    for key in ["onceco", "deletedco"]:
        customer_since_january(
            key,
            subscription={
                "status": "canceled",
                "canceled_at": "2026-06-15 00:00",
                "ended_at": "2026-06-15 00:00",
                "_fivetran_synced": "2026-06-15 01:00",
            },
        )
    raw.con.execute(
        "update raw_stripe.customer set is_deleted = true, _fivetran_synced = '2026-06-20' "
        "where id = 'cus_deletedco'"
    )
    raw.insert(
        "raw_stripe.price", id="price_free", nickname="Free", unit_amount=0, currency="usd",
        recurring_interval="month", recurring_interval_count=1, active=True,
        created="2025-01-01", livemode=True, _fivetran_synced="2025-01-01",
    )  # fmt: skip
    raw.stripe_customer(
        "freeco", "ws_freeco", "2026-01-01", 10, "price_free", "2026-07-25",
        users=["u_freeco1", "u_freeco2"], joined="2025-12-20",
    )  # fmt: skip
    raw.core_usage("ws_freeco", ["u_freeco1", "u_freeco2"], recent)

    # A Stripe customer with empty metadata: the domain of its billing@ email ties it to
    # the workspace its company's users work in. One account.
    customer_since_january("billonlyco", metadata={})

    # Risk by delinquency: its subscription went past_due on June 20 (no charge rows).
    customer_since_january(
        "dueco", later_versions=[synced_version("2026-06-20", status="past_due")]
    )
    # Stripe stopped retrying: unpaid keeps the subscription in place with its invoice
    # open. Still a customer, at risk; not one whose subscription ended.
    customer_since_january(
        "unpaidco", later_versions=[synced_version("2026-06-20", status="unpaid")]
    )

    # Risk by a cancellation requested on June 15 for the end of the period (July 25):
    # still paying, still active.
    customer_since_january(
        "cancelco",
        later_versions=[
            synced_version("2026-06-15", cancel_at_period_end=True, canceled_at="2026-06-15")
        ],
    )
    # ... and one scheduled on June 15 for a set date (July 10), which Stripe records in
    # cancel_at instead
    customer_since_january(
        "cancelatco",
        later_versions=[
            synced_version("2026-06-15", cancel_at="2026-07-10", canceled_at="2026-06-15")
        ],
    )
    # termco: a fixed-term subscription, set from its start to end on 2027-12-31: no
    # cancellation to worry about until 60 days before
    customer_since_january("termco", subscription={"cancel_at": "2027-12-31"})
    # annualcancelco: an annual plan cancelled on June 1 for its period end (January 1):
    # Stripe fills cancel_at with that end too; a cancellation requested at once
    annual_users = ["u_annualcancel1", "u_annualcancel2"]
    raw.stripe_customer(
        "annualcancelco", "ws_annualcancel", "2026-01-01", 10, "price_team_annual",
        "2027-01-01", users=annual_users, joined="2025-12-20",
        later_versions=[synced_version(
            "2026-06-01", cancel_at_period_end=True, cancel_at="2027-01-01",
            canceled_at="2026-06-01",
        )],
    )  # fmt: skip
    raw.core_usage("ws_annualcancel", annual_users, recent)

    # Seats across items: 4 Team seats since January and 6 Basic seats bought on June 20
    # (Stripe leaves the subscription's quantity empty with two items); five users.
    # Four seats for five users until June 19, ten from June 20.
    raw.insert(
        "raw_stripe.price", id="price_basic_monthly", nickname="Basic (monthly)",
        unit_amount=1000, currency="usd", recurring_interval="month",
        recurring_interval_count=1, active=True, created="2025-01-01", livemode=True,
        _fivetran_synced="2025-01-01",
    )  # fmt: skip
    seat_users = [f"u_seat{n}" for n in range(1, 6)]
    raw.stripe_customer(
        "seatco", "ws_seat", "2026-01-01", None, users=seat_users, joined="2025-12-20",
        **monthly,
    )  # fmt: skip
    raw.con.execute("update raw_stripe.subscription_item set quantity = 4 where id = 'si_seatco'")
    raw.insert(
        "raw_stripe.subscription_item", id="si_seatco_basic", subscription_id="sub_seatco",
        plan_id="price_basic_monthly", quantity=6, created="2026-06-20 15:00",
        _fivetran_synced="2026-06-20 16:00",
    )  # fmt: skip
    raw.core_usage("ws_seat", seat_users, ["2026-05-20", *recent])

    # Risk by billing: a declined charge on June 25.
    raw.stripe_customer(
        "payco", "ws_p", "2026-01-01", 10, users=["u_p1", "u_p2"], joined="2025-12-20", **monthly
    )
    raw.core_usage("ws_p", ["u_p1", "u_p2"], recent)
    raw.insert(
        "raw_stripe.invoice",
        id="in_p1",
        customer_id="cus_payco",
        subscription_id="sub_payco",
        status="open",
        amount_due=30000,
        amount_paid=0,
        currency="usd",
        attempt_count=2,
        period_start="2026-06-25",
        period_end="2026-07-25",
        due_date="2026-07-02",
        created="2026-06-25",
        livemode=True,
        is_deleted=False,
        _fivetran_synced="2026-06-25",
    )
    raw.insert(
        "raw_stripe.charge",
        id="ch_p1",
        customer_id="cus_payco",
        invoice_id="in_p1",
        amount=30000,
        amount_refunded=0,
        currency="usd",
        status="failed",
        paid=False,
        failure_code="card_declined",
        created="2026-06-25 03:00",
        livemode=True,
        _fivetran_synced="2026-06-25 04:00",
    )

    # Risk by usage: exactly half the core events of the 30 days before (20 of 40).
    users = [f"u_d{i}" for i in range(5)]
    raw.stripe_customer(
        "dropco", "ws_d", "2026-01-01", 10, users=users, joined="2025-12-20", **monthly
    )
    raw.core_usage("ws_d", users, ["2026-05-05", "2026-05-10", "2026-05-15", "2026-05-20"])
    raw.core_usage("ws_d", users, ["2026-06-05", "2026-06-10"])

    # Customer by contract: a deal won on June 15 (no type given), no billing data.
    raw.crm_account_with_deal(
        "wonco", "WonCo", created="2026-04-01", deal_created="2026-05-01", deal_closed="2026-06-15"
    )
    # Won on June 28 (its last change), its close date left at the expected July 15.
    raw.crm_account_with_deal(
        "futureco", "FutureCo", created="2026-05-01", deal_created="2026-06-01",
        deal_closed="2026-06-28", close_date="2026-07-15",
    )  # fmt: skip
    # Two companies whose website is their Facebook page: two accounts, not one
    # facebook.com account holding both deals.
    for key, name in [("bakeryco", "BakeryCo"), ("floristco", "FloristCo")]:
        raw.crm_account_with_deal(
            key, name, created="2026-05-01", deal_created="2026-06-01",
            website=f"https://www.facebook.com/{key}",
        )  # fmt: skip
    # Two whose website field holds a placeholder, which names no domain: two accounts.
    for key, name, website in [("naco", "NaCo", "N/A"), ("tbdco", "TbdCo", "n/a")]:
        raw.crm_account_with_deal(
            key, name, created="2026-05-01", deal_created="2026-06-01", website=website
        )

    # A PQL on June 10 (activated in 3 days, two users, 20 core events in 30 days) that
    # sales accepted: an opportunity opened on June 20. The same product journey at
    # EarlyOppCo, whose deal opened on May 15, before it qualified: sales had it
    # already, and accepted it on June 10.
    for workspace, company, account_created, deal_created in [
        ("ws_q", "PQLCo", "2026-06-01", "2026-06-20"),
        ("ws_eo", "EarlyOppCo", "2026-04-01", "2026-05-15"),
    ]:
        users = [f"u_{workspace[3:]}1", f"u_{workspace[3:]}2"]
        raw.workspace_members(workspace, company, users, "2026-05-01")
        raw.signup_and_activation(workspace, users[0], "2026-05-01", "2026-05-03", "2026-05-04")
        raw.core_usage(
            workspace,
            users,
            ["2026-05-20", "2026-05-25", "2026-05-30", "2026-06-05", "2026-06-10", "2026-06-25"],
        )
        raw.crm_account_with_deal(
            company.lower(), company, created=account_created, deal_created=deal_created
        )

    # A PQL on May 20 that bought on June 10. Its use then fell: on June 29 the 30
    # days held 8 core events against 20 before (Risk), on June 30 the baseline was
    # under 20 again and it was Active.
    raw.workspace_members("ws_c", "ConvCo", ["u_c1", "u_c2"], "2026-04-20")
    raw.signup_and_activation("ws_c", "u_c1", "2026-04-20", "2026-04-21", "2026-04-22")
    raw.core_usage(
        "ws_c",
        ["u_c1", "u_c2"],
        ["2026-05-01", "2026-05-05", "2026-05-10", "2026-05-15", "2026-05-20"],
    )
    raw.core_usage("ws_c", ["u_c1", "u_c2"], ["2026-06-15", "2026-06-25"])
    raw.stripe_customer(
        "convco", "ws_c", "2026-06-10", 5, users=[], joined=None,
        price="price_team_monthly", period_end="2026-07-10",
    )  # fmt: skip

    # A lead nobody met: the 90-day no-first-meeting clock ran out on April 2.
    raw.insert(
        "raw_salesforce.lead",
        id="00Qold",
        email="old@staleco.com",
        company="StaleCo",
        status="Open - Not Contacted",
        is_converted=False,
        created_date="2026-01-02",
        last_modified_date="2026-01-02",
        is_deleted=False,
        _fivetran_synced="2026-01-02",
    )


def load_people_and_subscription_edges(raw: RawLoader) -> None:
    # StitchCo: a visitor uses the product anonymously outside any workspace on June 1
    # and 2, then signs in as u_ann (identify with the anonymous id and an email) and
    # joins the workspace with u_ben on June 3; both work there on June 20 and 21.
    for day in ["2026-06-01", "2026-06-02"]:
        raw.track(None, "Task Completed", f"{day} 08:00:00", anonymous="anon_ann")
    raw.identify("u_ann", "ann@stitchco.com", "2026-06-03 09:00:00", anonymous="anon_ann")
    raw.workspace_members("ws_stitch", "StitchCo", ["u_ben"], joined="2026-06-03")
    raw.group_call("u_ann", "ws_stitch", "StitchCo", "2026-06-03 09:05:00")
    raw.core_usage("ws_stitch", ["u_ann", "u_ben"], ["2026-06-20", "2026-06-21"])
    # u_eve works there too, then asks (by her email, in another case) to be erased.
    raw.workspace_members("ws_stitch", "StitchCo", ["u_eve"], joined="2026-06-03")
    raw.core_usage("ws_stitch", ["u_eve"], ["2026-06-20", "2026-06-22"])
    raw.insert(
        "raw_privacy.erasure_requests",
        identifier_type="email",
        identifier_value="U_Eve@StitchCo.com",
        requested_at="2026-06-25 00:00:00",
    )

    monthly = {"price": "price_team_monthly", "period_end": "2026-07-10"}
    # trialco: a Stripe subscription still in its trial, and one user.
    trial = {"status": "trialing", "trial_start": "2026-06-10", "trial_end": "2026-07-10"}
    raw.stripe_customer(
        "trialco", "ws_trial", "2026-06-10", 5, users=["u_tia"], joined="2026-06-10",
        subscription=trial, **monthly,
    )  # fmt: skip
    raw.core_usage("ws_trial", ["u_tia"], ["2026-06-20"])

    # gonecoo: paid from January 1, never used the product, cancelled on June 1 (a new
    # history version), then its two users started on June 20.
    replaced = {"_fivetran_active": False, "_fivetran_end": "2026-06-01"}
    raw.stripe_customer(
        "gonecoo", "ws_gone", "2026-01-01", 3, users=["u_gus", "u_gil"], joined="2026-01-01",
        subscription=replaced, **monthly,
    )  # fmt: skip
    raw.con.execute(
        "insert into raw_stripe.subscription_history "
        "select * replace ('canceled' as status, timestamp '2026-06-01' as canceled_at, "
        "timestamp '2026-06-01' as ended_at, true as _fivetran_active, "
        "timestamp '2026-06-01' as _fivetran_start, null as _fivetran_end, "
        "timestamp '2026-06-01' as _fivetran_synced) "
        "from raw_stripe.subscription_history where id = 'sub_gonecoo'"
    )
    raw.core_usage("ws_gone", ["u_gus", "u_gil"], ["2026-06-20", "2026-06-25"])

    # tenco: subscribed on January 1 at 10:00, cancelled for the end of its April period:
    # Stripe ends it on May 1 at 10:00, four months paid.
    replaced = {"_fivetran_active": False, "_fivetran_end": "2026-05-01 10:00"}
    raw.stripe_customer(
        "tenco", "ws_ten", "2026-01-01 10:00", 3, users=[], joined="2026-01-01",
        subscription=replaced, **monthly,
    )  # fmt: skip
    raw.con.execute(
        "insert into raw_stripe.subscription_history "
        "select * replace ('canceled' as status, timestamp '2026-04-20 10:00' as canceled_at, "
        "timestamp '2026-05-01 10:00' as ended_at, true as _fivetran_active, "
        "timestamp '2026-05-01 10:00' as _fivetran_start, null as _fivetran_end, "
        "timestamp '2026-05-01 11:00' as _fivetran_synced) "
        "from raw_stripe.subscription_history where id = 'sub_tenco'"
    )

    # backco: paid from January 1, never used the product, cancelled on March 1 and
    # subscribed again on June 20.
    replaced = {"_fivetran_active": False, "_fivetran_end": "2026-03-01"}
    raw.stripe_customer(
        "backco", "ws_back", "2026-01-01", 3, users=["u_bo"], joined="2026-01-01",
        subscription=replaced, **monthly,
    )  # fmt: skip
    raw.con.execute(
        "insert into raw_stripe.subscription_history "
        "select * replace ('canceled' as status, timestamp '2026-03-01' as canceled_at, "
        "timestamp '2026-03-01' as ended_at, true as _fivetran_active, "
        "timestamp '2026-03-01' as _fivetran_start, null as _fivetran_end, "
        "timestamp '2026-03-01' as _fivetran_synced) "
        "from raw_stripe.subscription_history where id = 'sub_backco'"
    )
    again = {"_fivetran_synced": "2026-06-20"}
    raw.insert(
        "raw_stripe.subscription_history",
        id="sub_backco_again", customer_id="cus_backco", status="active", quantity=3,
        start_date="2026-06-20", current_period_start="2026-06-20",
        current_period_end="2026-07-20", cancel_at_period_end=False, created="2026-06-20",
        livemode=True, _fivetran_active=True, _fivetran_start="2026-06-20", **again,
    )  # fmt: skip
    raw.insert(
        "raw_stripe.subscription_item",
        id="si_backco_again", subscription_id="sub_backco_again", plan_id=monthly["price"],
        quantity=3, created="2026-06-20", **again,
    )  # fmt: skip

    # upco: paid through Stripe from January 1 until it cancelled on March 1, the day it
    # signed an enterprise deal invoiced outside Stripe; its two users work on.
    # trialdealco: signed a deal on June 1 while its Stripe subscription is still a
    # trial. A won deal makes each a customer: no paying spell ended after it.
    recent = ["2026-06-10", "2026-06-20", "2026-06-28"]
    raw.stripe_customer(
        "upco", "ws_upco", "2026-01-01", 3, users=["u_up1", "u_up2"], joined="2026-01-01",
        crm_account="001upco", later_versions=[
            synced_version("2026-03-01", **cancelled_on("2026-03-01"))
        ], **monthly,
    )  # fmt: skip
    raw.crm_account_with_deal("upco", "UpCo", "2025-12-01", "2026-02-01", "2026-03-01")
    raw.core_usage("ws_upco", ["u_up1", "u_up2"], ["2026-03-10", "2026-05-10", *recent])
    raw.stripe_customer(
        "trialdealco", "ws_trialdeal", "2026-06-10", 5, users=["u_td"], joined="2026-06-10",
        crm_account="001trialdealco", subscription=trial, **monthly,
    )  # fmt: skip
    raw.crm_account_with_deal(
        "trialdealco", "TrialDealCo", "2026-05-01", "2026-05-10", "2026-06-01"
    )
    raw.core_usage("ws_trialdeal", ["u_td"], ["2026-06-20"])

    # nosignupco: its tracking began after the workspace was created, so it has no
    # signup event; it did both activation steps on its first day, October 1, 2024, and
    # has used the product since.
    raw.workspace_members("ws_nosignup", "nosignupco", ["u_ns1", "u_ns2"], "2024-10-01")
    for event in ("Project Created", "Team Member Invited"):
        raw.track("ws_nosignup", event, "2024-10-01 10:00:00", user="u_ns1")
    raw.core_usage("ws_nosignup", ["u_ns1", "u_ns2"], ["2024-10-02", "2025-06-01", *recent])

    # A consultant (consultly.com) works in two client workspaces, alpha's and beta's:
    # they stay two accounts, and the consultant's address domain is none.
    for company in ("alpha", "beta"):
        raw.workspace_members(f"ws_{company}", company, [f"u_{company}1"], "2026-05-01")
        raw.group_call("u_cons", f"ws_{company}", company, "2026-05-02 09:00:00")
        raw.core_usage(f"ws_{company}", [f"u_{company}1", "u_cons"], ["2026-06-10"])
    raw.identify("u_cons", "cons@consultly.com", "2026-05-02 09:00:00")
    # Two consultants of an agency (agentry.com) outnumber the client's own person in
    # each of two client workspaces: the agency's domain is each workspace's company
    # domain, so the two are one account, queued for review.
    for company in ("gamma", "delta"):
        raw.workspace_members(f"ws_{company}", company, [f"u_{company}1"], "2026-05-01")
        for consultant in (f"u_ag_{company}", "u_ag_lead"):
            raw.identify(consultant, f"{consultant}@agentry.com", "2026-05-02 09:00:00")
            raw.group_call(consultant, f"ws_{company}", company, "2026-05-02 09:00:00")

    # u_hop joins alpha's workspace on June 1 and, after the as_of_date, gives a free-mail
    # address and joins beta's: as of June 30 an alpha person without an address.
    raw.group_call("u_hop", "ws_alpha", "alpha", "2026-06-01 09:00:00")
    raw.identify("u_hop", "hop.person@gmail.com", "2026-07-02 09:00:00")
    raw.group_call("u_hop", "ws_beta", "beta", "2026-07-02 09:00:00")

    # fut@futco.com: a CRM contact since January 10 who logs in, signs up and activates
    # only in July, after the as_of_date.
    crm = {"is_deleted": False, "_fivetran_synced": "2026-01-10"}
    raw.insert(
        "raw_salesforce.account", id="001futco", name="FutCo", website="futco.com",
        created_date="2026-01-10", **crm,
    )  # fmt: skip
    raw.insert(
        "raw_salesforce.contact", id="003fut", account_id="001futco", email="fut@futco.com",
        created_date="2026-01-10", **crm,
    )  # fmt: skip
    raw.identify("u_fut", "fut@futco.com", "2026-07-05 09:00:00")
    raw.group_call("u_fut", "ws_fut", "FutCo", "2026-07-05 09:00:00")
    raw.signup_and_activation("ws_fut", "u_fut", "2026-07-05", "2026-07-05", "2026-07-06")

    # pqlaband: signed up, activated and used the product for two weeks in December
    # 2025, then stopped; no CRM lead, no deal. No movement for 90 days: walked away.
    raw.workspace_members("ws_pa", "pqlaband", ["u_pa1", "u_pa2"], "2025-12-01")
    raw.signup_and_activation("ws_pa", "u_pa1", "2025-12-01", "2025-12-01", "2025-12-02")
    raw.core_usage("ws_pa", ["u_pa1", "u_pa2"], [f"2025-12-{day:02d}" for day in range(2, 14)])

    # FreeMailCo: a lead on a gmail address whose website names its company, nobody met
    # since March 1: walks away 90 days later. LostOldCo: a deal lost in 2024 and a new
    # lead on January 2, untouched: the old deal is no movement, so it walks away too.
    lead = {"is_converted": False, "is_deleted": False, "status": "Open - Not Contacted"}
    raw.insert(
        "raw_salesforce.lead", id="00Qfreemail", email="owner.person@gmail.com",
        company="FreeMailCo", website="https://freemailco.com", created_date="2026-03-01",
        last_modified_date="2026-03-01", _fivetran_synced="2026-03-01", **lead,
    )  # fmt: skip
    for key, name, created, lost in [
        ("lostold", "LostOldCo", "2024-01-01", "2024-03-01"),
        # LateLossCo: the same new lead, and a deal open from December 20 until it was
        # lost on March 15: the clock runs from the loss, so it walks away on June 13.
        ("lateloss", "LateLossCo", "2025-12-20", "2026-03-15"),
    ]:
        crm = {"is_deleted": False, "_fivetran_synced": lost}
        raw.insert(
            "raw_salesforce.account", id=f"001{key}", name=name, website=f"{key}co.com",
            created_date=created, **crm,
        )  # fmt: skip
        raw.insert(
            "raw_salesforce.opportunity", id=f"006{key}", account_id=f"001{key}", name=name,
            stage_name="Closed Lost", amount=100, is_closed=True, is_won=False,
            close_date=lost, created_date=created, last_modified_date=lost, **crm,
        )  # fmt: skip
        raw.insert(
            "raw_salesforce.lead", id=f"00Q{key}", email=f"new.buyer@{key}co.com", company=name,
            created_date="2026-01-02", last_modified_date="2026-01-02",
            _fivetran_synced="2026-01-02", **lead,
        )  # fmt: skip
    # MetCo and MetLongAgoCo: leads sales qualified (met) on February 1 and November 1,
    # that never used the product and got no deal: each waits for a demo, so the
    # no-demo clock runs, 180 days from the qualification (July 31 and April 30).
    for key, name, qualified in [
        ("met", "MetCo", "2026-02-01"),
        ("metlongago", "MetLongAgoCo", "2025-11-01"),
    ]:
        raw.insert(
            "raw_salesforce.lead", id=f"00Q{key}", email=f"buyer@{key}co.com", company=name,
            status="Qualified", is_converted=False, is_deleted=False,
            created_date="2025-10-01", last_modified_date=qualified, _fivetran_synced=qualified,
        )  # fmt: skip
    # ReviveCo: a deal stuck in Prospecting since December 1 (its no-demo clock would
    # have run out on May 30), then a product signup in June that makes it a PQL on
    # June 8: moving again, so sales accepted from then, not disqualified.
    raw.crm_account_with_deal("reviveco", "ReviveCo", "2025-11-01", "2025-12-01")
    raw.con.execute(
        "update raw_salesforce.opportunity set stage_name = 'Prospecting', "
        "close_date = '2026-12-31' where id = '006reviveco'"
    )
    raw.workspace_members("ws_revive", "reviveco", ["u_rv1", "u_rv2"], "2026-06-01")
    raw.signup_and_activation("ws_revive", "u_rv1", "2026-06-01", "2026-06-02", "2026-06-03")
    raw.core_usage("ws_revive", ["u_rv1", "u_rv2"], [f"2026-06-{day:02d}" for day in range(4, 13)])

    # churnco: an ICP-fit customer since October 2025 that cancelled on June 15 and whose
    # two users still work daily: its score comes from its use as a customer, so it is a
    # former customer (Dormant), not a new PQL.
    raw.insert(
        "raw_salesforce.account", id="001churnco", name="ChurnCo", website="churnco.com",
        industry="Software", billing_country="United States", number_of_employees=200,
        created_date="2025-10-01", is_deleted=False, _fivetran_synced="2025-10-01",
    )  # fmt: skip
    raw.stripe_customer(
        "churnco", "ws_churn", "2025-10-01", 3, users=["u_ch1", "u_ch2"], joined="2025-10-01",
        crm_account="001churnco", later_versions=[
            synced_version("2026-06-15", **cancelled_on("2026-06-15"))
        ], **monthly,
    )  # fmt: skip
    raw.signup_and_activation("ws_churn", "u_ch1", "2025-10-01", "2025-10-01", "2025-10-02")
    daily = [f"2026-05-{day:02d}" for day in range(1, 32)] + [
        f"2026-06-{day:02d}" for day in range(1, 30)
    ]
    raw.core_usage("ws_churn", ["u_ch1", "u_ch2"], daily)

    # RenewCo: a CRM customer by a deal won on August 15, 2025, in use since May: its
    # contract ends on August 15, 2026, so from June 16 its renewal is due.
    raw.crm_account_with_deal("renewco", "RenewCo", "2025-06-01", "2025-07-01", "2025-08-15")
    raw.workspace_members("ws_renew", "renewco", ["u_rn1", "u_rn2"], "2025-08-20")
    raw.core_usage(
        "ws_renew", ["u_rn1", "u_rn2"], ["2026-05-01", "2026-05-20", "2026-06-05", *recent]
    )


def load_crm_support_and_internal_edges(raw: RawLoader) -> None:
    # Customers by won deals alone that never used the product. UpsellCo won a deal on
    # 2025-09-01 and an upsell on June 15, while that contract ran: one contract spell,
    # ten months long. GapCo's first contract (from 2025-05-01) ended on 2026-05-01 and
    # its new deal closed on June 20: a new spell, ten days old.
    for key, name, first_closed, next_closed in [
        ("upsellco", "UpsellCo", "2025-09-01", "2026-06-15"),
        ("gapco", "GapCo", "2025-05-01", "2026-06-20"),
    ]:
        raw.crm_account_with_deal(key, name, "2025-01-01", "2025-01-15", deal_closed=first_closed)
        raw.deal(
            key,
            f"{name} - Next deal",
            "Closed Won",
            close_date=next_closed,
            created="2026-06-01",
            last_modified=next_closed,
            synced=next_closed,
            id=f"006{key}2",
            amount=2000,
        )
    # ConvertCo: a lead converted on May 1 into a CRM account (website given as a URL)
    # and its contact, with the lead's email.
    synced = {"is_deleted": False, "_fivetran_synced": "2026-05-01"}
    raw.insert(
        "raw_salesforce.lead",
        id="00Qconv",
        email="lina@convertco.com",
        company="ConvertCo",
        status="Converted",
        is_converted=True,
        converted_account_id="001convertco",
        converted_contact_id="003conv",
        converted_date="2026-05-01",
        created_date="2026-04-01",
        last_modified_date="2026-05-01",
        **synced,
    )
    raw.insert(
        "raw_salesforce.account",
        id="001convertco",
        name="ConvertCo Inc",
        website="https://www.convertco.com/",
        created_date="2026-05-01",
        **synced,
    )
    raw.insert(
        "raw_salesforce.contact",
        id="003conv",
        account_id="001convertco",
        email="lina@convertco.com",
        created_date="2026-05-01",
        **synced,
    )
    # Ticketless: a workspace whose user opens two tickets on June 22 as a Zendesk user
    # with the same email and no organization.
    raw.workspace_members("ws_tickets", "Ticketless", ["zed", "zoe"], joined="2026-05-01")
    raw.core_usage("ws_tickets", ["zed", "zoe"], ["2026-06-20", "2026-06-21"])
    zendesk = {"_fivetran_deleted": False, "_fivetran_synced": "2026-06-22"}
    raw.insert(
        "raw_zendesk.user",
        id=901,
        email="zed@ticketless.com",
        name="Zed",
        role="end-user",
        active=True,
        created_at="2026-06-01",
        updated_at="2026-06-01",
        **zendesk,
    )
    for ticket_id, status in [(9001, "open"), (9002, "pending")]:
        raw.insert(
            "raw_zendesk.ticket",
            id=ticket_id,
            requester_id=901,
            status=status,
            priority="normal",
            subject="Export fails",
            created_at="2026-06-22",
            updated_at="2026-06-22",
            **zendesk,
        )
    # BlankCo, a CRM account without a website, and BrandCo, whose website is a brand
    # site (getbrandco.com): each has a contact at its company's email domain, a deal
    # won on March 1, and a workspace whose people use that domain. Each is one
    # account, a customer in active use.
    for key, name, website in [
        ("blankco", "BlankCo", None),
        ("brandco", "BrandCo", "getbrandco.com"),
    ]:
        crm = {"is_deleted": False, "_fivetran_synced": "2026-03-01"}
        raw.insert(
            "raw_salesforce.account", id=f"001{key}", name=name, website=website,
            created_date="2026-01-10", **crm,
        )  # fmt: skip
        raw.insert(
            "raw_salesforce.contact", id=f"003{key}", account_id=f"001{key}",
            email=f"jane@{key}.com", created_date="2026-01-10", **crm,
        )  # fmt: skip
        raw.insert(
            "raw_salesforce.opportunity", id=f"006{key}", account_id=f"001{key}",
            name=f"{name} - First deal", stage_name="Closed Won", amount=5000, is_closed=True,
            is_won=True, close_date="2026-03-01", created_date="2026-02-01",
            last_modified_date="2026-03-01", **crm,
        )  # fmt: skip
        raw.workspace_members(f"ws_{key}", key, [f"jane_{key}", f"bob_{key}"], "2026-02-01")
        raw.core_usage(f"ws_{key}", [f"jane_{key}", f"bob_{key}"], ["2026-06-20", "2026-06-28"])
    # The vendor's own workspace: its members' emails are at the internal domain.
    raw.workspace_members("ws_staff", "orbit-hq", ["olly", "omar"], joined="2026-05-01")
    raw.core_usage("ws_staff", ["olly", "omar"], ["2026-06-20"])
    # Both also join riskco's workspace (as many staff as riskco has users, and
    # orbit-hq.com sorts before riskco.com) and work there on June 28.
    for staff in ("olly", "omar"):
        raw.group_call(staff, "ws_risk", "riskco", "2026-06-01 09:00:00")
    raw.core_usage("ws_risk", ["olly", "omar"], ["2026-06-28"])


def load_identity_edges(raw: RawLoader) -> None:
    # Tess signs up in ws_tess (track calls only: no group call) with a free-mail address.
    at = "2026-06-01 08:00:00"
    raw.identify("u_tess", "tess@gmail.com", at)
    raw.signup_and_activation("ws_tess", "u_tess", "2026-06-01", "2026-06-02", "2026-06-03")
    # Tab's email arrives with a tab and a line break from the CRM, plain from Segment.
    raw.identify("u_tab", "tab@tabco.com", at)
    synced = {"is_deleted": False, "_fivetran_synced": "2026-06-01"}
    raw.insert(
        "raw_salesforce.contact",
        id="003tab",
        email="\tTab@TabCo.com\n",
        created_date="2026-06-01",
        **synced,
    )
    # Two leads of different companies whose email field only says "n/a", and a
    # role address seen on its own.
    for lead_id, company in [("00Qna1", "Alpha Ltd"), ("00Qna2", "Bravo GmbH")]:
        raw.insert(
            "raw_salesforce.lead",
            id=lead_id,
            email="n/a",
            company=company,
            status="Open - Not Contacted",
            is_converted=False,
            created_date="2026-06-01",
            last_modified_date="2026-06-01",
            **synced,
        )
    raw.identify("u_info", "info@rolecorp.com", at)
    # Two CRM contacts sharing one address (a duplicate entered later with other
    # names): the person is reached by one contact's first and last name, the later's.
    for contact_id, first, last, created in [
        ("003nm1", "Ann", "Zed", "2026-05-01"),
        ("003nm2", "Bob", "Abe", "2026-05-02"),
        ("003nm3", None, None, "2026-05-03"),  # the latest has no name
    ]:
        raw.insert(
            "raw_salesforce.contact",
            id=contact_id,
            email="nm@nmco.com",
            first_name=first,
            last_name=last,
            created_date=created,
            **synced,
        )
    # Leads whose address is a role address or no address, naming their company.
    for lead_id, email, company in [
        ("00Qrole", "support@roleleadco.com", "RoleLead Co"),
        ("00Qhost", "nina@localhost", "LocalCo"),
    ]:
        raw.insert(
            "raw_salesforce.lead",
            id=lead_id,
            email=email,
            company=company,
            status="Open - Not Contacted",
            is_converted=False,
            created_date="2026-06-01",
            last_modified_date="2026-06-01",
            **synced,
        )
    # Deals opened on May 15 and later lost, as a CRM left them without a close date:
    # NoCloseCo's last changed on June 10, NoDateCo's arrived with no date but its sync
    # on June 12.
    for key, name, last_modified, synced_on in [
        ("nocloseco", "NoCloseCo", "2026-06-10", "2026-06-10"),
        ("nodateco", "NoDateCo", None, "2026-06-12"),
    ]:
        raw.crm_account_with_deal(key, name, "2026-05-01", "2026-05-15")
        raw.deal(
            key,
            f"{name} - First deal",
            "Closed Lost",
            close_date=None,
            created="2026-05-15",
            last_modified=last_modified,
            synced=synced_on,
        )


def load_values_out_of_range(raw: RawLoader) -> None:
    # A device whose clock was reset to 1970; OldCo, a CRM account created in 1999,
    # with an open deal whose account id arrives padded; a deal of an account nobody
    # loaded; a head count, a seat count and a price interval count no real record has;
    # a price interval written 'Month '; an NPS answer of 7.5; a ticket without a status;
    # a Stripe customer whose metadata names a CRM account nobody loaded; one whose
    # metadata is cut short (not JSON); a deal worth NaN and one won but not closed.
    synced = {"is_deleted": False, "_fivetran_synced": "2026-06-01"}
    raw.insert(
        "raw_segment.tracks",
        id="t_epoch",
        anonymous_id="dev-epoch",
        event="Page Viewed",
        context_group_id="ws_epoch",
        timestamp="1970-01-01 00:00:00",
        received_at="2026-06-10 00:00:00",
    )
    raw.insert(
        "raw_salesforce.account", id="001oldco", name="OldCo", website="oldco.com",
        created_date="1999-01-01", **synced,
    )  # fmt: skip
    raw.insert(
        "raw_salesforce.opportunity", id="006oldco", account_id=" 001oldco", name="OldCo",
        stage_name="Proposal", amount=1e15, is_closed=False, is_won=False,
        close_date="2026-08-15", created_date="2026-06-01", last_modified_date="2026-06-01",
        **synced,
    )  # fmt: skip
    raw.insert(
        "raw_salesforce.opportunity", id="006ghost", account_id="001ghost", name="Ghost",
        stage_name="Proposal", amount=100, is_closed=False, is_won=False,
        close_date="2026-08-15", created_date="2026-06-01", last_modified_date="2026-06-01",
        **synced,
    )  # fmt: skip
    raw.insert(
        "raw_stripe.subscription_item", id="si_ghost", subscription_id="sub_ghost",
        plan_id="price_team_monthly", quantity=3, created="2026-06-01",
        _fivetran_synced="2026-06-01",
    )  # fmt: skip
    # OldNewCo: a CRM account held since 2024 with a new inbound lead on June 15; NoModCo:
    # an open lead of January 1 loaded without its last change; ws_resign: a workspace
    # signed up in January 2024, and again by someone else on June 10
    raw.track("ws_resign", "Signed Up", "2024-01-10 09:00:00", user="u_resign1")
    raw.track("ws_resign", "Signed Up", "2026-06-10 09:00:00", user="u_resign2")
    raw.insert(
        "raw_salesforce.account", id="001oldnew", name="OldNewCo", website="oldnew.com",
        created_date="2024-01-01", is_deleted=False, _fivetran_synced="2024-01-01",
    )  # fmt: skip
    for key, email, company, created, modified in [
        ("oldnew", "buyer@oldnew.com", "OldNewCo", "2026-06-15", "2026-06-15"),
        ("nomod", "buyer@nomodco.com", "NoModCo", "2026-01-01", None),
    ]:
        raw.insert(
            "raw_salesforce.lead", id=f"00Q{key}", email=email, company=company,
            status="Open - Not Contacted", is_converted=False,
            created_date=created, last_modified_date=modified, is_deleted=False,
            _fivetran_synced=created,
        )  # fmt: skip
    raw.insert(
        "raw_salesforce.account", id="001bigco", name="BigCo", website="bigco.com",
        number_of_employees=5_000_000_000, created_date="2026-06-01", **synced,
    )  # fmt: skip
    for price, interval, months in [
        ("price_month_spaced", "Month ", 1),
        ("price_zero", "month", 0),
    ]:
        raw.insert(
            "raw_stripe.price", id=price, nickname=price, unit_amount=1000, currency="usd",
            recurring_interval=interval, recurring_interval_count=months, active=True,
            created="2025-01-01", livemode=True, _fivetran_synced="2025-01-01",
        )  # fmt: skip
    raw.stripe_customer(
        "hugeco", "ws_huge", "2026-05-01", 3_000_000_000, "price_team_monthly", "2026-07-01",
        users=[], joined="2026-05-01", crm_account="001nobody",
    )  # fmt: skip
    for key, amount, won in [("006nan", float("nan"), False), ("006wonopen", 100.0, True)]:
        raw.insert(
            "raw_salesforce.opportunity", id=key, account_id="001bigco", name=key,
            stage_name="Proposal", amount=amount, is_closed=False, is_won=won,
            close_date="2026-08-15", created_date="2026-06-01", last_modified_date="2026-06-01",
            is_deleted=False, _fivetran_synced="2026-06-01",
        )  # fmt: skip
    raw.stripe_customer(
        "cutco", "ws_cut", "2026-05-01", 2, "price_team_monthly", "2026-07-01",
        users=[], joined="2026-05-01",
    )  # fmt: skip
    raw.con.execute(
        'update raw_stripe.customer set metadata = \'{"workspace_id": "ws_cut"\' '
        "where id = 'cus_cutco'"
    )
    raw.insert(
        "raw_segment.nps_survey_submitted", id="nps_frac", user_id="u_tess", score="7.5",
        timestamp="2026-06-20 10:00:00", received_at="2026-06-20 10:00:00",
    )  # fmt: skip
    # an answer given before signing in: a device id, no user id
    raw.insert(
        "raw_segment.nps_survey_submitted", id="nps_device", anonymous_id="dev-nps",
        context_group_id="ws_tess", score="9", timestamp="2026-06-21 10:00:00",
        received_at="2026-06-21 10:00:00",
    )  # fmt: skip
    raw.insert(
        "raw_zendesk.ticket", id=990, requester_id=11, status=None, priority="normal",
        subject="No status", created_at="2026-06-15 10:00", updated_at="2026-06-15 10:00",
        _fivetran_deleted=False, _fivetran_synced="2026-06-15 11:00",
    )  # fmt: skip
    # UndatedCo: a lead sent without a creation date (nor a modification date)
    raw.insert(
        "raw_salesforce.lead", id="00Qundated", email="buyer@undatedco.com", company="UndatedCo",
        first_name="Una", last_name="Dated",
        status="Open - Not Contacted", is_converted=False, is_deleted=False,
        _fivetran_synced="2026-06-01",
    )  # fmt: skip


def load_shared_device_request(raw: RawLoader) -> None:
    # Four users work on one kiosk device (over identity_max_users_per_device), and an
    # erasure request names the device itself.
    for user in ("u_k1", "u_k2", "u_k3", "u_k4"):
        for hour in (10, 11):
            raw.track("ws_kiosk", "Task Completed", f"2026-06-20 {hour}:00:00", user, "kiosk-9")
    raw.insert(
        "raw_privacy.erasure_requests",
        identifier_type="anonymous_id",
        identifier_value="kiosk-9",
        requested_at="2026-06-25 00:00:00",
    )
    # Four users on another kiosk, one of whom asks for erasure; and a laptop whose
    # fourth user is only on a row quarantined for its future timestamp, whose first
    # user asks for erasure.
    for user in ("u_j1", "u_j2", "u_j3", "u_j4"):
        raw.track("ws_kiosk7", "Task Completed", "2026-06-21 10:00:00", user, "kiosk-7")
    for user in ("u_l1", "u_l2", "u_l3"):
        raw.track("ws_lap", "Task Completed", "2026-06-21 10:00:00", user, "lap-1")
    raw.insert(
        "raw_segment.tracks",
        id="t_lap_future", anonymous_id="lap-1", user_id="u_l4", event="Task Completed",
        context_group_id="ws_lap", timestamp="2027-01-01 00:00:00",
        received_at="2026-06-21 10:00:00",
    )  # fmt: skip
    for user in ("u_j1", "u_l1"):
        raw.insert(
            "raw_privacy.erasure_requests",
            identifier_type="user_id",
            identifier_value=user,
            requested_at="2026-06-25 00:00:00",
        )


@pytest.fixture(scope="module")
def hand_made(tmp_path_factory) -> Warehouse:
    def load(con: duckdb.DuckDBPyConnection) -> None:
        raw = RawLoader(con)
        load_one_company_per_stage(raw)
        load_risks_and_prospect_journeys(raw)
        load_people_and_subscription_edges(raw)
        load_crm_support_and_internal_edges(raw)
        load_identity_edges(raw)
        load_values_out_of_range(raw)
        load_shared_device_request(raw)

    return build_hand_made_world(tmp_path_factory.mktemp("hand_made"), load, AS_OF)


def paying_days(warehouse: Warehouse, names) -> list[tuple]:
    """Each named account's first and last paying day in the daily history."""
    return warehouse.query(
        "select account_name, min(signal_date), max(signal_date) "
        "from analytics_intermediate.int_account_signals_daily as history "
        "inner join analytics_marts.lifecycle_state using (account_id) "
        f"where history.is_paying and account_name in {tuple(names)} "
        "group by account_name order by account_name"
    )


def stages(warehouse: Warehouse, names) -> list[tuple]:
    return warehouse.query(
        "select account_name, stage, reason_codes, previous_stage, "
        "strftime(entered_stage_at, '%Y-%m-%d'), days_in_stage "
        "from analytics_marts.lifecycle_state "
        f"where account_name in {tuple(names)} order by stage_order, account_name"
    )


def entries(warehouse: Warehouse, name: str) -> list[tuple]:
    """An account's stays, in order: the stage it came from, the stage, the day it entered."""
    return warehouse.query(
        "select t.from_stage, t.to_stage, cast(t.entered_at as date) "
        "from analytics_marts.lifecycle_stage_transitions as t "
        "join analytics_marts.lifecycle_state using (account_id) "
        f"where account_name = '{name}' order by t.transition_number"
    )


def test_each_company_lands_in_the_stage_its_rows_call_for(hand_made):
    expected = [
        ("ws_unknown", "Unknown", "no_known_contact", None, "2026-06-20", 10),
        ("LeadCo", "Lead", "known_contact", None, "2026-06-20", 10),
        # product activity from June 14, a signup on June 15
        ("ws_signup", "Lead", "known_contact", "Unknown", "2026-06-15", 15),
        ("QualCo", "Qualified", "icp_fit,lead_qualified", "Lead", "2026-06-25", 5),
        ("OppCo", "Opportunity", "open_opportunity", "Lead", "2026-06-01", 29),
        ("custco", "Customer", "paying_subscription,below_active_usage", "Lead", "2026-06-01", 29),
        # 3+ core events and 2+ users in 30 days from May 10
        ("activeco", "Active", "active_usage", "Customer", "2026-05-10", 51),
        ("expandco", "Expansion", "active_usage,seats_nearly_full", "Customer", "2026-05-10", 51),
        # a tenured customer that never used the product was Dormant until June 10
        ("riskco", "Risk", "renewal_due", "Dormant", "2026-06-10", 20),
        # 90 days after the last core event of February 1
        # paid for 90 days without using the product
        ("shelfco", "Dormant", "no_core_events_90d,customer_inactive", "Customer", "2026-04-01",
         90),
        ("sleepco", "Dormant", "no_core_events_90d,customer_inactive", "Risk", "2026-05-02",
         59),
    ]  # fmt: skip
    assert stages(hand_made, [row[0] for row in expected]) == expected


def test_risks_contracts_and_prospects_land_where_their_rows_call_for(hand_made):
    expected = [
        ("StaleCo", "Lead", "known_contact", None, "2026-01-02", 179),
        ("BakeryCo", "Opportunity", "open_opportunity", "Lead", "2026-06-01", 29),
        ("EarlyOppCo", "Opportunity", "open_opportunity", "Lead", "2026-05-15", 46),
        ("FloristCo", "Opportunity", "open_opportunity", "Lead", "2026-06-01", 29),
        ("NaCo", "Opportunity", "open_opportunity", "Lead", "2026-06-01", 29),
        ("PQLCo", "Opportunity", "open_opportunity", "Lead", "2026-06-20", 10),
        ("TbdCo", "Opportunity", "open_opportunity", "Lead", "2026-06-01", 29),
        ("FutureCo", "Customer", "closed_won_deal,below_active_usage", "Opportunity",
         "2026-06-28", 2),
        ("WonCo", "Customer", "closed_won_deal,below_active_usage", "Opportunity",
         "2026-06-15", 15),
        ("ConvCo", "Active", "active_usage", "Risk", "2026-06-30", 0),
        # paying since January, unused until June 10
        ("billonlyco", "Active", "active_usage", "Dormant", "2026-06-10", 20),
        ("cancelatco", "Risk", "cancellation_requested", "Active", "2026-06-15", 15),
        ("cancelco", "Risk", "cancellation_requested", "Active", "2026-06-15", 15),
        ("dropco", "Risk", "usage_drop_50pct", "Active", "2026-06-19", 11),
        ("dueco", "Risk", "subscription_past_due", "Active", "2026-06-20", 10),
        ("payco", "Risk", "payment_failed", "Active", "2026-06-25", 5),
        ("ticketco", "Risk", "unresolved_tickets", "Active", "2026-06-15", 15),
        ("unpaidco", "Risk", "subscription_past_due", "Active", "2026-06-20", 10),
    ]  # fmt: skip
    assert stages(hand_made, [row[0] for row in expected]) == expected


def test_a_fixed_term_subscription_is_no_cancellation_until_its_end_is_near(hand_made):
    assert hand_made.query(
        "select state.account_name, state.stage, state.reason_codes, "
        "health.has_cancellation_requested from analytics_marts.lifecycle_state as state "
        "inner join analytics_marts.customer_health_360 as health using (account_id) "
        "where state.account_name in ('termco', 'annualcancelco') order by 1"
    ) == [
        # cancelled for the period's end months ahead: at once
        ("annualcancelco", "Risk", "cancellation_requested", True),
        ("termco", "Active", "active_usage", False),
    ]


def test_the_signals_behind_the_stages_are_the_loaded_rows(hand_made):
    rows = hand_made.query(
        "select account_name, core_events_30d, core_events_prior_30d, active_users_30d, "
        "is_paying, mrr, seats, days_to_renewal, days_since_last_core_event, "
        "icp_criteria_met, unresolved_tickets, tickets_90d, failed_payments_90d "
        "from analytics_marts.lifecycle_state where account_name in "
        "('QualCo', 'activeco', 'riskco', 'sleepco', 'dropco', 'payco', 'ticketco') "
        "order by account_name"
    )
    assert rows == [
        ("QualCo", 0, 0, 0, False, 0.0, 0, None, None, 3, 0, 0, 0),
        # 5 days x 2 users x 2 events, 3 of the days in the last 30
        ("activeco", 12, 8, 2, True, 300.0, 10, None, 2, 0, 0, 0, 0),
        ("dropco", 20, 40, 5, True, 300.0, 10, None, 20, 0, 0, 0, 0),
        ("payco", 12, 0, 2, True, 300.0, 10, None, 2, 0, 0, 0, 1),
        # 10 seats x $300 a year = $250 a month; renews in 20 days
        ("riskco", 12, 0, 2, True, 250.0, 10, 20, 2, 0, 0, 0, 0),
        ("sleepco", 0, 0, 0, True, 150.0, 5, None, 149, 0, 0, 0, 0),
        ("ticketco", 12, 0, 2, True, 300.0, 10, None, 2, 0, 2, 3, 0),
    ]


def test_history_transitions_and_state_tell_one_story(hand_made):
    stays = hand_made.query(
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
        # 30 days without use (usage stopped), then 90 (dormant)
        ("Active", "Risk", date(2026, 3, 3), date(2026, 5, 2), 60),
        ("Risk", "Dormant", date(2026, 5, 2), None, 59),
    ]
    # one history row per account and day, up to the as_of_date
    accounts = hand_made.scalar("select count(*) from analytics_marts.lifecycle_state")
    assert hand_made.query(
        "select count(distinct account_id), max(stage_date), "
        "count(*) = count(distinct account_id || stage_date) "
        "from analytics_marts.lifecycle_stage_daily"
    ) == [(accounts, AS_OF, True)]


def test_health_scores_every_customer_and_names_what_drags_it_down(hand_made):
    customers = {
        name
        for (name,) in hand_made.query(
            "select account_name from analytics_marts.lifecycle_state "
            "where stage in ('Customer', 'Active', 'Expansion', 'Risk') "
            "or reason_codes like '%customer_inactive%'"
        )
    }
    health = {
        name: (band, reasons)
        for name, band, reasons in hand_made.query(
            "select account_name, health_band, top_reasons from analytics_marts.customer_health_360"
        )
    }
    # customers only: a dormant former customer (gonecoo) has no health score
    assert set(health) == customers
    assert "gonecoo" not in health
    assert health["sleepco"] == ("red", "low_usage,low_adoption")
    # never used: no product data, but after 90 days paying that counts as no use
    assert health["shelfco"] == ("red", "low_usage,low_adoption")
    assert health["expandco"] == ("green", "")
    # a deal won, nothing used, billed, asked or rated yet: unknown, not red
    assert health["WonCo"] == (None, "")
    assert "billing_issues" in health["payco"][1]
    assert "billing_issues" in health["dueco"][1]
    assert "billing_issues" in health["unpaidco"][1]
    assert "support_issues" in health["ticketco"][1]
    assert health["dropco"][1].startswith("low_usage")
    # a customer in Risk for its usage, tickets or billing is not green; one in Risk
    # only for a renewal within 60 days can be
    risk = dict(
        hand_made.query(
            "select account_name, reason_codes from analytics_marts.lifecycle_state "
            "where stage = 'Risk'"
        )
    )
    green = {name for name in risk if health[name][0] == "green"}
    assert green == {"riskco", "RenewCo"}
    assert {risk[name] for name in green} == {"renewal_due"}
    assert {health[name][0] for name in ("ticketco", "payco", "dueco", "cancelco")} == {"yellow"}


def test_a_subscription_running_before_stripe_history_began_paid_from_its_start(hand_made):
    assert paying_days(hand_made, ["latesyncco", "lostsyncco"]) == [
        ("latesyncco", date(2026, 1, 1), date(2026, 6, 30)),
        ("lostsyncco", date(2026, 1, 1), date(2026, 6, 29)),
    ]
    # unused until June 10, so Dormant from April 1 (90 days paying) until then
    assert stages(hand_made, ["latesyncco", "lostsyncco"]) == [
        ("latesyncco", "Active", "active_usage", "Dormant", "2026-06-10", 20),
        ("lostsyncco", "Dormant", "former_customer", "Active", "2026-06-30", 0),
    ]


def test_a_record_loaded_after_its_end_paid_and_a_free_plan_never_did(hand_made):
    assert paying_days(hand_made, ["onceco", "deletedco", "freeco"]) == [
        ("deletedco", date(2026, 1, 1), date(2026, 6, 14)),
        ("onceco", date(2026, 1, 1), date(2026, 6, 14)),
    ]
    assert stages(hand_made, ["onceco", "deletedco"]) == [
        ("deletedco", "Dormant", "former_customer", "Active", "2026-06-15", 15),
        ("onceco", "Dormant", "former_customer", "Active", "2026-06-15", 15),
    ]
    assert hand_made.query(
        "select state.stage, pql.pql_status, health.account_id is null "
        "from analytics_marts.lifecycle_state as state "
        "inner join analytics_marts.pql_status as pql using (account_id) "
        "left join analytics_marts.customer_health_360 as health using (account_id) "
        "where state.account_name = 'freeco'"
    ) == [("Lead", "not_pql", True)]


def test_pql_status_follows_each_prospect_journey(hand_made):
    rows = hand_made.query(
        "select account_name, pql_status, strftime(pql_at, '%Y-%m-%d'), "
        "sales_accepted_date, converted_date, walk_away_reason, walk_away_date "
        "from analytics_marts.pql_status order by account_name"
    )
    assert rows == [
        ("BakeryCo", "not_pql", None, None, None, None, None),
        ("ChurnCo", "not_pql", None, None, None, None, None),
        ("ConvCo", "converted", "2026-05-20", None, date(2026, 6, 10), None, None),
        ("ConvertCo Inc", "not_pql", None, None, None, None, None),
        ("EarlyOppCo", "sales_accepted", "2026-06-10", date(2026, 6, 10), None, None, None),
        ("FloristCo", "not_pql", None, None, None, None, None),
        ("FreeMailCo", "disqualified", None, None, None, "no_first_meeting", date(2026, 5, 30)),
        ("FutCo", "not_pql", None, None, None, None, None),
        ("LateLossCo", "disqualified", None, None, None, "no_first_meeting", date(2026, 6, 13)),
        ("LeadCo", "not_pql", None, None, None, None, None),
        ("LostOldCo", "disqualified", None, None, None, "no_first_meeting", date(2026, 4, 2)),
        ("MetCo", "not_pql", None, None, None, None, None),
        ("MetLongAgoCo", "disqualified", None, None, None, "no_demo", date(2026, 4, 30)),
        ("NaCo", "not_pql", None, None, None, None, None),
        ("NoCloseCo", "not_pql", None, None, None, None, None),
        ("NoDateCo", "not_pql", None, None, None, None, None),
        ("NoModCo", "disqualified", None, None, None, "no_first_meeting", date(2026, 4, 1)),
        # first seen in 1999 and never activated, but its open deal is a step: no
        # no_activation walk-away
        ("OldCo", "not_pql", None, None, None, None, None),
        ("OldNewCo", "not_pql", None, None, None, None, None),
        ("OppCo", "not_pql", None, None, None, None, None),
        ("PQLCo", "sales_accepted", "2026-06-10", date(2026, 6, 20), None, None, None),
        ("QualCo", "not_pql", None, None, None, None, None),
        # its no-demo clock restarted when it came back to the product
        ("ReviveCo", "sales_accepted", "2026-06-08", date(2026, 6, 8), None, None, None),
        ("StaleCo", "disqualified", None, None, None, "no_first_meeting", date(2026, 4, 2)),
        ("StitchCo", "not_pql", None, None, None, None, None),
        ("TbdCo", "not_pql", None, None, None, None, None),
        ("Ticketless", "not_pql", None, None, None, None, None),
        ("alpha", "not_pql", None, None, None, None, None),
        ("beta", "not_pql", None, None, None, None, None),
        ("deletedco", "not_pql", None, None, None, None, None),
        ("delta", "not_pql", None, None, None, None, None),
        ("freeco", "not_pql", None, None, None, None, None),
        ("gonecoo", "not_pql", None, None, None, None, None),
        ("hugeco", "not_pql", None, None, None, None, None),
        ("lostsyncco", "not_pql", None, None, None, None, None),
        ("nmco.com", "not_pql", None, None, None, None, None),
        ("nosignupco", "not_pql", None, None, None, None, None),
        ("onceco", "not_pql", None, None, None, None, None),
        ("pqlaband", "disqualified", "2025-12-06", None, None, "no_product_use", date(2026, 3, 13)),
        ("tabco.com", "not_pql", None, None, None, None, None),
        ("tenco", "not_pql", None, None, None, None, None),
        ("trialco", "not_pql", None, None, None, None, None),
        ("undatedco.com", "not_pql", None, None, None, None, None),
        ("ws_kiosk", "not_pql", None, None, None, None, None),
        ("ws_kiosk7", "not_pql", None, None, None, None, None),
        ("ws_lap", "not_pql", None, None, None, None, None),
        ("ws_resign", "not_pql", None, None, None, None, None),
        ("ws_signup", "not_pql", None, None, None, None, None),
        ("ws_tess", "not_pql", None, None, None, None, None),
        ("ws_unknown", "not_pql", None, None, None, None, None),
    ]


def test_an_anonymous_visitor_is_one_person_once_they_sign_in(hand_made):
    identifiers = hand_made.query(
        "select identifier_type, identifier_value "
        "from analytics_intermediate.int_person_identifiers "
        "where person_id = (select person_id from analytics_intermediate.int_person_identifiers "
        "where identifier_value = 'anon_ann') order by identifier_type"
    )
    assert identifiers == [
        ("anonymous_id", "anon_ann"), ("email", "ann@stitchco.com"), ("user_id", "u_ann")
    ]  # fmt: skip
    # her two anonymous days (no workspace) count for her and, through her, for StitchCo:
    # Unknown from her first event, a Lead once her email is known
    person = hand_made.query(
        "select person.core_events_30d, person.person_status, state.account_name "
        "from analytics_marts.person_status as person "
        "join analytics_marts.lifecycle_state as state using (account_id) "
        "where person.person_id = (select person_id from "
        "analytics_intermediate.int_person_identifiers where identifier_value = 'u_ann')"
    )
    assert person == [(6, "active", "StitchCo")]
    stays = entries(hand_made, "StitchCo")
    assert stays == [(None, "Unknown", date(2026, 6, 1)), ("Unknown", "Lead", date(2026, 6, 3))]


def test_an_erased_person_leaves_no_identifier_and_no_count(hand_made):
    assert hand_made.query(
        "select row_disposition, disposition_reason, count(*) "
        "from analytics_staging.base_segment__tracks where user_id is null "
        "and anonymous_id is null and workspace_id = 'ws_stitch' group by all"
    ) == [("excluded", "erased", 4)]
    eve = hand_made.scalar(
        "select count(*) from analytics_intermediate.int_person_identifiers "
        "where identifier_value in ('u_eve', 'u_eve@stitchco.com')"
    )
    assert eve == 0
    # StitchCo counts Ann's 6 core events and Ben's 4, and two active users, not Eve's
    assert hand_made.query(
        "select core_events_30d, active_users_30d from analytics_marts.lifecycle_state "
        "where account_name = 'StitchCo'"
    ) == [(10, 2)]


def test_a_won_deal_makes_a_customer_until_its_contract_ends_or_stripe_shows_it_left(hand_made):
    assert stages(hand_made, ["upco", "UpCo", "TrialDealCo", "trialdealco", "RenewCo"]) == [
        (
            "TrialDealCo",
            "Customer",
            "closed_won_deal,below_active_usage",
            "Opportunity",
            "2026-06-01",
            29,
        ),
        ("UpCo", "Active", "active_usage", "Risk", "2026-06-10", 20),
        ("RenewCo", "Risk", "renewal_due", "Active", "2026-06-16", 14),
    ]
    # the renewal is the deal contract's end, 365 days after it closed
    assert hand_made.query(
        "select strftime(renewal_date, '%Y-%m-%d'), days_to_renewal "
        "from analytics_marts.lifecycle_state where account_name = 'RenewCo'"
    ) == [("2026-08-15", 46)]
    # what Stripe bills a customer by a deal alone is unknown, not zero
    assert hand_made.query(
        "select state.account_name, health.mrr, health.seats "
        "from analytics_marts.customer_health_360 as health "
        "inner join analytics_marts.lifecycle_state as state using (account_id) "
        "where state.account_name in ('RenewCo', 'activeco') order by 1"
    ) == [("RenewCo", None, None), ("activeco", 300.0, 10)]
    # UpCo stays a customer through its cancellation on March 1 (the deal's day)
    assert entries(hand_made, "UpCo")[:3] == [
        (None, "Lead", date(2025, 12, 1)),
        ("Lead", "Customer", date(2026, 1, 1)),
        ("Customer", "Active", date(2026, 3, 10)),
    ]


def test_an_account_without_a_signup_event_signs_up_by_its_first_product_event(hand_made):
    # activated on its first day, so no no_activation walk-away 18 months later
    assert hand_made.query(
        "select state.signed_up_date, state.activated_date, pql.pql_status, "
        "pql.walk_away_reason from analytics_marts.lifecycle_state as state "
        "inner join analytics_marts.pql_status as pql using (account_id) "
        "where state.account_name = 'nosignupco'"
    ) == [(date(2024, 10, 1), date(2024, 10, 1), "not_pql", None)]


def test_a_15_character_or_lowercased_salesforce_id_names_the_crm_account(hand_made):
    assert hand_made.query(
        "select account_name, crm_account_id, stripe_customer_id, workspace_id "
        "from analytics_intermediate.int_accounts where account_name = 'ShortIdCo' "
        "or stripe_customer_id = 'cus_shortidco'"
    ) == [("ShortIdCo", "001Hm00000ShortIAB", "cus_shortidco", "ws_shortid")]
    assert hand_made.query(
        "select identifiers.node_key from analytics_intermediate.int_account_identifiers "
        "as identifiers inner join analytics_intermediate.int_accounts as accounts "
        "using (account_id) where accounts.account_name = 'ShortIdCo' "
        "and identifiers.node_key like 'zendesk_organization:%'"
    ) == [("zendesk_organization:77",)]


def test_a_consultant_in_two_workspaces_joins_neither_and_adds_no_account(hand_made):
    assert hand_made.query(
        "select account_name, workspace_id from analytics_marts.lifecycle_state "
        "where account_name in ('alpha', 'beta', 'consultly.com') "
        "or workspace_id in ('ws_alpha', 'ws_beta') order by 1"
    ) == [("alpha", "ws_alpha"), ("beta", "ws_beta")]
    assert (
        hand_made.scalar(
            "select count(*) from analytics_marts.pql_status where account_name = 'consultly.com'"
        )
        == 0
    )


def test_an_agency_joining_two_client_workspaces_is_queued_for_review(hand_made):
    assert hand_made.query(
        "select queue.review_reason, queue.observed_count, queue.allowed_count "
        "from analytics_intermediate.int_identity_review_queue as queue "
        "inner join analytics_intermediate.int_account_identifiers as identifiers "
        "on queue.entity_id = identifiers.account_id "
        "where identifiers.node_key = 'workspace:ws_gamma'"
    ) == [("too_many_workspaces", 2, 1)]
    # the marts carry the flag: merged, but marked for review
    assert hand_made.query(
        "select count(*), bool_and(needs_identity_review) from analytics_marts.lifecycle_state "
        "where workspace_id in ('ws_gamma', 'ws_delta') or account_name in ('gamma', 'delta')"
    ) == [(1, True)]
    assert (
        hand_made.scalar(
            "select count(*) from analytics_marts.lifecycle_state where needs_identity_review"
        )
        == 1
    )


def test_a_person_known_only_as_a_lead_is_reached_by_the_leads_name(hand_made):
    assert hand_made.query(
        "select first_name, last_name from analytics_restricted.person_contacts "
        "where primary_email = 'lena@leadco.com'"
    ) == [("Lena", "Lindqvist")]


def test_a_renewal_deal_continues_a_contract_a_deal_after_a_gap_starts_one(hand_made):
    # tenure from the contract spell's first deal: UpsellCo has paid by contract for ten
    # months without using the product (Dormant), GapCo is a customer of ten days
    assert hand_made.query(
        "select state.account_name, state.stage, signals.won_deal_contract_since_date, "
        "signals.last_won_deal_date "
        "from analytics_marts.lifecycle_state as state "
        "inner join analytics_intermediate.int_account_signals as signals using (account_id) "
        "where state.account_name in ('UpsellCo', 'GapCo') order by 1"
    ) == [
        ("GapCo", "Customer", date(2026, 6, 20), date(2026, 6, 20)),
        ("UpsellCo", "Dormant", date(2025, 9, 1), date(2026, 6, 15)),
    ]


def test_a_person_with_two_crm_contacts_is_reached_by_the_names_of_one(hand_made):
    assert hand_made.query(
        "select first_name, last_name from analytics_restricted.person_contacts "
        "where primary_email = 'nm@nmco.com'"
    ) == [("Bob", "Abe")]


def test_a_prospect_known_from_the_product_alone_walks_away_90_days_after_its_last_use(
    hand_made,
):
    assert hand_made.query(
        "select state.stage, pql.pql_status, pql.walk_away_reason, pql.walk_away_date "
        "from analytics_marts.lifecycle_state as state "
        "inner join analytics_marts.pql_status as pql using (account_id) "
        "where state.account_name = 'pqlaband'"
    ) == [("Dormant", "disqualified", "no_product_use", date(2026, 3, 13))]


@pytest.mark.parametrize(
    ("account_name", "walk_away"),
    [
        # the new lead enters the pipeline on June 15: the 18-month clock of the account's
        # 2024 creation is no reason to drop it (its meeting clock runs to September 13)
        ("OldNewCo", ("not_pql", None, None)),
        # an open lead without a last change moved when it was created: 90 days on
        ("NoModCo", ("disqualified", "no_first_meeting", date(2026, 4, 1))),
        # signed up again on June 10: 18 months from then
        ("ws_resign", ("not_pql", None, None)),
    ],
)
def test_a_lead_walks_away_from_when_it_entered_the_pipeline(hand_made, account_name, walk_away):
    assert hand_made.query(
        "select pql_status, walk_away_reason, walk_away_date from analytics_marts.pql_status "
        f"where account_name = '{account_name}'"
    ) == [walk_away]


def test_seats_and_revenue_count_every_item_from_the_day_it_was_added(hand_made):
    # Five users on 4 seats fill them (Expansion); the 6 Basic seats added on June 20
    # make 10, half used (Active), and add $60 of MRR from that day only.
    assert hand_made.query(
        "select strftime(daily.signal_date, '%Y-%m-%d'), daily.seats, daily.mrr, "
        "daily.plan_name, daily.stage from analytics_intermediate.int_account_signals_daily "
        "as daily inner join analytics_marts.lifecycle_state as state using (account_id) "
        "where state.account_name = 'seatco' "
        "and daily.signal_date in ('2026-06-19', '2026-06-20', '2026-06-30') "
        "order by daily.signal_date"
    ) == [
        ("2026-06-19", 4, 120.0, "Team (monthly)", "Expansion"),
        ("2026-06-20", 10, 180.0, "Team (monthly)", "Active"),
        ("2026-06-30", 10, 180.0, "Team (monthly)", "Active"),
    ]


def test_a_customer_that_cancelled_is_a_former_customer_not_a_new_pql(hand_made):
    assert hand_made.query(
        "select state.stage, state.reason_codes, strftime(state.entered_stage_at, '%Y-%m-%d'), "
        "pql.pql_status, pql.pql_at from analytics_marts.lifecycle_state as state "
        "inner join analytics_marts.pql_status as pql using (account_id) "
        "where state.account_name = 'ChurnCo'"
    ) == [("Dormant", "former_customer", "2026-06-15", "not_pql", None)]


def test_a_person_is_as_known_on_the_as_of_date(hand_made):
    # a contact whose login, signup and activation come in July is only known in June
    assert hand_made.query(
        "select status.person_status, status.is_known_contact, status.signed_up_date, "
        "status.activated_date, status.is_activated_within_window "
        "from analytics_marts.person_status as status "
        "inner join analytics_restricted.person_contacts as contacts using (person_id) "
        "where contacts.primary_email = 'fut@futco.com'"
    ) == [("known", True, None, None, False)]


def test_a_person_belongs_to_the_account_known_on_the_as_of_date(hand_made):
    # u_hop joined beta's workspace and gave an address only after June 30; the
    # current mapping already says beta
    assert hand_made.query(
        "select state.account_name, status.email_hash is null, status.person_status, "
        "status.first_seen_date, current_state.account_name "
        "from analytics_marts.person_status as status "
        "inner join analytics_restricted.person_contacts as contacts using (person_id) "
        "inner join analytics_marts.lifecycle_state as state using (account_id) "
        "inner join analytics_intermediate.int_person_accounts as current using (person_id) "
        "inner join analytics_marts.lifecycle_state as current_state "
        "on current.account_id = current_state.account_id "
        "where contacts.primary_email = 'hop.person@gmail.com'"
    ) == [("alpha", True, "signed_up", date(2026, 6, 1), "beta")]


def test_a_trial_and_a_cancelled_subscription_do_not_make_a_customer(hand_made):
    assert stages(hand_made, ["trialco", "gonecoo"]) == [
        ("trialco", "Lead", "known_contact", None, "2026-06-10", 20),
        ("gonecoo", "Dormant", "former_customer", "Customer", "2026-04-01", 90),
    ]
    # a former customer paying again is a new customer: not yet 90 days, so not Dormant
    # for never using the product
    assert stages(hand_made, ["backco"]) == [
        (
            "backco",
            "Customer",
            "paying_subscription,below_active_usage",
            "Dormant",
            "2026-06-20",
            10,
        )
    ]
    assert entries(hand_made, "backco") == [
        (None, "Customer", date(2026, 1, 1)),
        ("Customer", "Dormant", date(2026, 3, 1)),
        ("Dormant", "Customer", date(2026, 6, 20)),
    ]
    # no signup event: the trial's start is trialco's signup
    assert hand_made.query(
        "select signed_up_date from analytics_marts.lifecycle_state where account_name = 'trialco'"
    ) == [(date(2026, 6, 10),)]
    stays = entries(hand_made, "gonecoo")
    # paying and unused for 90 days: Dormant; cancelled, it stays Dormant (its
    # subscription ended), also once its users came: a former customer to win back
    assert stays == [
        (None, "Customer", date(2026, 1, 1)),
        ("Customer", "Dormant", date(2026, 4, 1)),
    ]
    reasons = hand_made.query(
        "select d.stage_date, d.reason_codes from analytics_marts.lifecycle_stage_daily as d "
        "join analytics_marts.lifecycle_state using (account_id) "
        "where account_name = 'gonecoo' "
        "and d.stage_date in ('2026-05-31', '2026-06-01', '2026-06-25') "
        "order by 1"
    )
    assert reasons == [
        (date(2026, 5, 31), "no_core_events_90d,customer_inactive"),
        (date(2026, 6, 1), "no_core_events_90d,former_customer"),
        (date(2026, 6, 25), "former_customer"),
    ]


def test_a_subscription_ending_during_a_months_first_day_churns_in_the_month_it_paid(
    hand_made,
):
    # tenco paid January 1 10:00 to May 1 10:00: four months, the churn in April's row
    rows = hand_made.query(
        "select strftime(month_start_date, '%Y-%m'), starting_mrr, ending_mrr, retained_mrr "
        "from analytics_marts.revenue_retention_monthly "
        "inner join analytics_marts.lifecycle_state using (account_id) "
        "where account_name = 'tenco' order by 1"
    )
    assert [row[0] for row in rows] == ["2026-01", "2026-02", "2026-03", "2026-04"]
    assert rows[-1][1:] == (rows[0][1], 0.0, 0.0)
    assert rows[0][1] == rows[0][2] == rows[0][3] > 0
    # the daily history still counts May 1 paid: the subscription ran part of it
    assert hand_made.query(
        "select daily.is_paying from analytics_marts.lifecycle_stage_daily as daily "
        "inner join analytics_marts.lifecycle_state using (account_id) "
        "where account_name = 'tenco' and daily.stage_date = '2026-05-01'"
    ) == [(True,)]


def test_a_converted_lead_a_ticket_by_email_and_staff_resolve_to_the_right_accounts(hand_made):
    accounts = hand_made.query(
        "select account_name, is_internal from analytics_intermediate.int_accounts "
        "where account_name in ('ConvertCo', 'ConvertCo Inc', 'Ticketless', 'orbit-hq') "
        "order by 1"
    )
    # the lead, its account (website as a URL) and its contact are one account
    assert accounts == [("ConvertCo Inc", False), ("Ticketless", False), ("orbit-hq", True)]
    # the tickets' requester is the workspace's user by email, without any organization
    assert hand_made.query(
        "select stage, unresolved_tickets, tickets_90d, core_events_30d "
        "from analytics_marts.lifecycle_state where account_name = 'Ticketless'"
    ) == [("Lead", 2, 2, 8)]
    # the vendor's own staff are no customer-lifecycle account
    assert (
        hand_made.scalar(
            "select count(*) from analytics_marts.lifecycle_state where account_name = 'orbit-hq'"
        )
        == 0
    )
    # a CRM account without a website, or with a brand site, meets its workspace
    # through the domain its contacts' addresses share
    assert hand_made.query(
        "select account_name, workspace_id, primary_domain, stage, reason_codes "
        "from analytics_marts.lifecycle_state "
        "where workspace_id in ('ws_blankco', 'ws_brandco') "
        "or account_name in ('BlankCo', 'BrandCo', 'blankco', 'brandco') order by 1"
    ) == [
        ("BlankCo", "ws_blankco", "blankco.com", "Active", "active_usage"),
        ("BrandCo", "ws_brandco", "brandco.com", "Active", "active_usage"),
    ]
    # staff who join a customer's workspace neither make it internal nor count as its
    # users: riskco keeps its own domain, stage and counts (see the tests above)
    assert hand_made.query(
        "select primary_domain, is_internal from analytics_intermediate.int_accounts "
        "where workspace_id = 'ws_risk'"
    ) == [("riskco.com", False)]


def test_signups_without_group_calls_padded_and_junk_emails_resolve_as_loaded(hand_made):
    def person_of(identifier_value: str) -> list[tuple]:
        return hand_made.query(
            "select identifier_type, identifier_value "
            "from analytics_intermediate.int_person_identifiers where person_id = ("
            "select person_id from analytics_intermediate.int_person_identifiers "
            f"where identifier_value = '{identifier_value}') order by 1"
        )

    # a signup seen only on track calls belongs to the workspace it tracked in: a Lead
    assert stages(hand_made, ["ws_tess", "tabco.com"]) == [
        ("tabco.com", "Lead", "known_contact", None, "2026-06-01", 29),
        ("ws_tess", "Lead", "known_contact", None, "2026-06-01", 29),
    ]
    # a tab and a line break around the CRM's copy of the email are trimmed
    assert person_of("003tab") == [
        ("email", "tab@tabco.com"), ("salesforce_contact", "003tab"), ("user_id", "u_tab"),
    ]  # fmt: skip
    # "n/a" is no address: it links nothing, so the two leads stay two people
    assert person_of("00Qna1") == [("salesforce_lead", "00Qna1")]
    assert hand_made.query(
        "select exclusion_reason from analytics_intermediate.int_identity_nodes "
        "where node_key = 'email:n/a'"
    ) == [("invalid_email",)]
    # a role address names no company: no rolecorp.com account, nor one for the leads
    # whose address is a role address or no address
    assert (
        hand_made.query(
            "select node_key from analytics_intermediate.int_account_nodes "
            "where node_key in ('email_domain:rolecorp.com', 'email_domain:roleleadco.com', "
            "'email_domain:localhost')"
        )
        == []
    )
    assert stages(hand_made, ["RoleLead Co", "LocalCo"]) == []
    # a deal closed without a close date closed the day it was last modified
    assert entries(hand_made, "NoCloseCo") == [
        (None, "Lead", date(2026, 5, 1)),
        ("Lead", "Opportunity", date(2026, 5, 15)),
        ("Opportunity", "Lead", date(2026, 6, 10)),
    ]
    # and without a last change either, the day it was synced
    assert entries(hand_made, "NoDateCo") == [
        (None, "Lead", date(2026, 5, 1)),
        ("Lead", "Opportunity", date(2026, 5, 15)),
        ("Opportunity", "Lead", date(2026, 6, 12)),
    ]


def test_with_stripe_and_zendesk_switched_off_the_crm_and_product_decide(hand_made, tmp_path):
    warehouse = hand_made.copy_to(tmp_path / "crm_and_product_only")
    switched_off = {"lifecycle_using_stripe": False, "lifecycle_using_zendesk": False}
    # unit tests too: those that feed on the switched-off sources are disabled with them
    warehouse.dbt("build", "--full-refresh", vars={"as_of_date": AS_OF.isoformat(), **switched_off})

    stage_of = dict(
        warehouse.query("select account_name, stage from analytics_marts.lifecycle_state")
    )
    # the deals won in the CRM still make customers; paying through Stripe no longer does
    assert stage_of["WonCo"] == stage_of["FutureCo"] == "Customer"
    assert stage_of["BlankCo"] == stage_of["BrandCo"] == "Active"
    assert stage_of["custco"] == stage_of["ticketco"] == stage_of["payco"] == "Lead"
    assert stage_of["OppCo"] == "Opportunity"
    assert warehouse.query(
        "select account_name from analytics_marts.customer_health_360 order by 1"
    ) == [
        ("BlankCo",), ("BrandCo",), ("FutureCo",), ("GapCo",), ("RenewCo",), ("TrialDealCo",),
        ("UpCo",), ("UpsellCo",), ("WonCo",),
    ]  # fmt: skip


def test_the_crm_picklist_values_the_stages_read_are_vars(hand_made, tmp_path):
    # An org whose leads are qualified as "Sales Qualified", whose only untouched status
    # is "New", and whose deals wait for a demo in "Qualification".
    warehouse = hand_made.copy_to(tmp_path / "other_picklists")
    picklists = {
        "qualified_lead_statuses": ["Sales Qualified"],
        "open_lead_statuses": ["New"],
        "pre_demo_opportunity_stages": ["Qualification"],
    }
    warehouse.dbt(
        "build", "--select", "int_lead_accounts+", *WITHOUT_UNIT_TESTS,
        vars={"as_of_date": AS_OF.isoformat(), **picklists},
    )  # fmt: skip
    stage_of = dict(
        warehouse.query("select account_name, stage from analytics_marts.lifecycle_state")
    )
    # QualCo's "Qualified" lead no longer confirms a problem; StaleCo's untouched lead
    # ("Open - Not Contacted") no longer runs the no-first-meeting clock
    assert stage_of["QualCo"] == "Lead"
    assert warehouse.query(
        "select pql_status, walk_away_reason from analytics_marts.pql_status "
        "where account_name in ('QualCo', 'StaleCo') order by account_name"
    ) == [("not_pql", None), ("not_pql", None)]


def test_the_readme_recipe_for_a_hand_made_world_runs_as_written(tmp_path):
    """The README's "Loading a hand-made world" block, run by bash in a copy of the
    project (its `make setup` is this test run's own environment)."""
    readme = (ROOT / "README.md").read_text()
    section = readme.split("### Loading a hand-made world", 1)[1]
    recipe = section.split("```bash\n", 1)[1].split("```", 1)[0]
    assert recipe.startswith("make setup\n")
    venv_bin = Path(sys.executable).parent
    script = recipe.removeprefix("make setup\n").replace(".venv/bin/", f"{venv_bin}/")
    project = copy_project(tmp_path / "project")

    done = subprocess.run(
        ["bash", "-euo", "pipefail", "-c", script],
        cwd=project,
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "DBT_SEND_ANONYMOUS_USAGE_STATS": "false"},
    )

    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    # the one workspace of the one track; its user left no email or signup: not contactable
    rows = [line.split("│")[1:4] for line in done.stdout.splitlines() if "│ w1 " in line]
    assert [[cell.strip() for cell in row] for row in rows] == [
        ["w1", "Unknown", "no_known_contact"]
    ], done.stdout[-1000:]


def test_values_out_of_range_are_quarantined_and_an_old_record_starts_no_old_history(
    hand_made,
):
    quarantined = hand_made.query(
        "select source_table, source_record_key, quarantine_reason "
        "from analytics_staging.stg_quarantined_rows "
        "where source_record_key in ('t_epoch', '001bigco', 'sub_hugeco|2026-05-01 00:00:00', "
        "'si_hugeco', 'price_zero', 'nps_frac', '990', '006nan', '006wonopen') order by 1, 2, 3"
    )
    assert quarantined == [
        ("account", "001bigco", "employees_out_of_range"),
        ("nps_survey_submitted", "nps_frac", "invalid_nps_score"),
        ("opportunity", "006nan", "invalid_amount"),
        ("opportunity", "006wonopen", "won_but_not_closed"),
        ("price", "price_zero", "invalid_recurring_interval_count"),
        ("subscription_history", "sub_hugeco|2026-05-01 00:00:00", "quantity_out_of_range"),
        ("subscription_item", "si_hugeco", "quantity_out_of_range"),
        ("ticket", "990", "missing_status"),
        ("tracks", "t_epoch", "timestamp_too_old"),
    ]
    assert hand_made.query(
        "select recurring_interval from analytics_staging.stg_stripe__prices "
        "where price_id = 'price_month_spaced'"
    ) == [("month",)]
    # OldCo's history starts at earliest_valid_date (2010), not in 1999, and reaches as_of_date;
    # its deal (account id padded) makes it an Opportunity
    assert stages(hand_made, ["OldCo"]) == [
        ("OldCo", "Opportunity", "open_opportunity", "Lead", "2026-06-01", 29)
    ]
    assert hand_made.query(
        "select min(d.stage_date), max(d.stage_date) "
        "from analytics_marts.lifecycle_stage_daily as d "
        "join analytics_marts.lifecycle_state using (account_id) where account_name = 'OldCo'"
    ) == [(date(2010, 1, 1), AS_OF)]
    assert (
        hand_made.scalar(
            "select amount from analytics_staging.stg_salesforce__opportunities "
            "where opportunity_id = '006oldco'"
        )
        == 1e15
    )


def test_an_nps_answer_with_a_device_id_only_counts_on_its_workspace(hand_made):
    assert hand_made.query(
        "select responses.nps_category, accounts.account_name "
        "from analytics_intermediate.int_account_nps_responses as responses "
        "inner join analytics_intermediate.int_accounts as accounts using (account_id) "
        "where responses.message_id = 'nps_device'"
    ) == [("promoter", "ws_tess")]


def test_an_undated_lead_is_a_known_contact_and_a_person(hand_made):
    # no date says since when: known always, so a Lead, and its person is listed
    assert hand_made.query(
        "select stage, reason_codes, has_known_contact from analytics_marts.lifecycle_state "
        "where account_name = 'undatedco.com'"
    ) == [("Lead", "known_contact", True)]
    assert hand_made.query(
        "select status.person_status, status.is_known_contact, status.first_seen_date "
        "from analytics_marts.person_status as status "
        "inner join analytics_restricted.person_contacts as contacts using (person_id) "
        "where contacts.primary_email = 'buyer@undatedco.com'"
    ) == [("known", True, None)]
    assert hand_made.query(
        "select first_name, last_name from analytics_restricted.person_contacts "
        "where primary_email = 'buyer@undatedco.com'"
    ) == [("Una", "Dated")]


def warned_rows(warehouse: Warehouse, select: str, test_name: str) -> int | None:
    """The rows a warning data test reports when `dbt test --select <select>` runs it
    (None when it does not warn)."""
    tested = warehouse.dbt("test", "--select", select, vars={"as_of_date": "2026-06-30"})
    warned = re.search(rf"WARN (\d+) {test_name}", tested.output.replace("\x1b", ""))
    return int(warned.group(1)) if warned else None


# A deal, and Stripe metadata, naming a CRM account nobody loaded: staged as loaded,
# and the relationships test on the column warns.
@pytest.mark.parametrize(
    ("model", "key", "column", "account_id"),
    [
        ("stg_salesforce__opportunities", "opportunity_id = '006ghost'", "account_id", "001ghost"),
        (
            "stg_stripe__customers",
            "customer_id = 'cus_hugeco'",
            "salesforce_account_id",
            "001nobody",
        ),
    ],
)
def test_a_reference_to_an_account_nobody_loaded_is_staged_and_warned(
    hand_made, model, key, column, account_id
):
    staged = hand_made.query(f"select {column} from analytics_staging.{model} where {key}")
    assert staged == [(account_id,)]
    assert warned_rows(hand_made, model, f"relationships_{model}_{column}") == 1


def test_an_item_of_a_subscription_nobody_loaded_is_staged_and_warned(hand_made):
    model = "stg_stripe__subscription_items"
    assert hand_made.query(
        f"select subscription_id from analytics_staging.{model} "
        "where subscription_item_id = 'si_ghost'"
    ) == [("sub_ghost",)]
    assert warned_rows(hand_made, model, f"relationships_{model}_subscription_id") == 1


def test_stripe_metadata_that_is_not_json_is_staged_without_links_and_warned(hand_made):
    assert hand_made.query(
        "select workspace_id, has_invalid_metadata from analytics_staging.stg_stripe__customers "
        "where customer_id in ('cus_cutco', 'cus_hugeco') order by customer_id"
    ) == [(None, True), ("ws_huge", False)]
    assert (
        warned_rows(
            hand_made, "stg_stripe__customers", "accepted_values_stg_stripe__customers_has_invalid"
        )
        == 1
    )


def test_an_erasure_request_naming_a_shared_device_erases_no_one_and_warns(hand_made):
    # the four users' events still count: the device is no one person's
    assert hand_made.query(
        "select core_events_30d, active_users_30d from analytics_marts.lifecycle_state "
        "where account_name = 'ws_kiosk'"
    ) == [(8, 4)]
    test_name = "assert_erasure_requests_name_a_person"
    assert warned_rows(hand_made, test_name, test_name) == 1


def test_erasing_one_user_of_a_shared_device_joins_no_one_else(hand_made):
    """Shared devices are counted over the raw rows by identity resolution and the
    erasure scope alike: erasing one of a kiosk's four users leaves the device shared
    (the other three stay three people), and a laptop whose fourth user is only on a
    quarantined row is shared for both (the erased user's scope and person agree)."""
    devices = hand_made.query(
        "select node_key, exclusion_reason from analytics_intermediate.int_identity_nodes "
        "where node_key in ('anonymous_id:kiosk-7', 'anonymous_id:lap-1') order by 1"
    )
    assert devices == [
        ("anonymous_id:kiosk-7", "shared_device"),
        ("anonymous_id:lap-1", "shared_device"),
    ]
    persons = hand_made.query(
        "select identifier_value, person_id from analytics_intermediate.int_person_identifiers "
        "where identifier_value in ('u_j1', 'u_j2', 'u_j3', 'u_j4', 'u_l1', 'u_l2', 'u_l3') "
        "order by 1"
    )
    assert [value for value, _ in persons] == ["u_j2", "u_j3", "u_j4", "u_l2", "u_l3"]
    assert len({person for _, person in persons}) == 5
    assert hand_made.query(
        "select account_name, active_users_30d from analytics_marts.lifecycle_state "
        "where account_name in ('ws_kiosk7', 'ws_lap') order by 1"
    ) == [("ws_kiosk7", 3), ("ws_lap", 2)]
