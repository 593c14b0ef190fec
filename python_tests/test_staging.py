"""Staging on generated and hand-made raw data: nothing lost, everything normalised."""

from __future__ import annotations

import json
import re

from conftest import ROOT, TODAY, WITHOUT_UNIT_TESTS, Warehouse, copy_project
from lifecycle.contract import load_contract


def test_every_raw_row_is_staged_quarantined_or_excluded(small_world: Warehouse):
    base_models = [
        name
        for (name,) in small_world.query(
            "select table_name from information_schema.tables "
            "where table_schema = 'analytics_staging' and table_name like 'base_%'"
        )
    ]
    dispositions: dict[str, dict[str, int]] = {}
    for model in base_models:
        for source, table, disposition, count in small_world.query(
            "select source_name, source_table, row_disposition, count(*) "
            f"from analytics_staging.{model} group by all"
        ):
            dispositions.setdefault(f"{source}.{table}", {})[disposition] = count
    # The privacy inputs (erasure requests, the hash salt) are settings, not loader data:
    # they are read as they are, never staged.
    contract = {
        key: table
        for key, table in load_contract().items()
        if table.source not in ("privacy", "restricted")
    }
    assert set(dispositions) <= set(contract)
    assert len(dispositions) >= len(contract) - 2  # sparse tables may be empty in a small world
    for key, table in contract.items():
        counts = dispositions.get(key, {})
        raw = small_world.scalar(f"select count(*) from {table.qualified_name}")
        assert raw == sum(counts.values()), key
        for disposition, audit in [
            ("quarantined", "stg_quarantined_rows"),
            ("excluded", "stg_excluded_rows"),
        ]:
            audited = small_world.scalar(
                f"select count(*) from analytics_staging.{audit} "
                f"where source_name = '{table.source}' and source_table = '{table.name}'"
            )
            assert audited == counts.get(disposition, 0), (key, disposition)


def test_generated_dirt_lands_in_quarantine_and_exclusions(small_world: Warehouse):
    reasons = {
        (table, reason)
        for table, reason in small_world.query(
            "select source_table, quarantine_reason from analytics_staging.stg_quarantined_rows"
        )
    }
    assert ("tracks", "missing_identity") in reasons
    assert ("tracks", "timestamp_in_future") in reasons
    excluded = {
        (table, reason)
        for table, reason in small_world.query(
            "select source_table, exclusion_reason from analytics_staging.stg_excluded_rows"
        )
    }
    assert ("tracks", "duplicate") in excluded
    assert ("lead", "soft_deleted") in excluded
    assert ("customer", "test_mode") in excluded


def test_staged_emails_are_trimmed_and_lowercase(small_world: Warehouse):
    for model in [
        "stg_segment__identifies",
        "stg_salesforce__leads",
        "stg_salesforce__contacts",
        "stg_stripe__customers",
        "stg_zendesk__users",
    ]:
        bad = small_world.scalar(
            f"select count(*) from analytics_staging.{model} "
            "where email != lower(trim(email)) or email = ''"
        )
        assert bad == 0, model


def test_staged_event_keeps_the_first_delivery_of_a_redelivered_message(small_world: Warehouse):
    mismatched = small_world.scalar(
        """
        with first_delivery as (
            select id, min(received_at) as received_at
            from raw_segment.tracks group by id having count(*) > 1
        )
        select count(*)
        from first_delivery
        inner join analytics_staging.stg_segment__tracks as staged
            on staged.message_id = first_delivery.id
        where staged.received_at != first_delivery.received_at
        """
    )
    redelivered = small_world.scalar(
        "select count(*) from (select id from raw_segment.tracks group by id having count(*) > 1)"
    )
    assert redelivered > 0
    assert mismatched == 0


PERIOD_SECONDS = {"minute": 60, "hour": 3600, "day": 86400}


def freshness_status(age_seconds: float, criteria: dict) -> str:
    """The status dbt must give a source whose newest row is `age_seconds` old."""
    for status in ("error", "warn"):
        rule = criteria[f"{status}_after"]
        if rule["count"] is None:
            continue
        if age_seconds > rule["count"] * PERIOD_SECONDS[rule["period"]]:
            return status
    return "pass"


def test_source_freshness_grades_every_source_of_a_generated_world(tmp_path):
    """The generated world was loaded at 00:15 UTC today, so how stale it looks depends on the
    clock: each source's status is checked against its own age and thresholds."""
    from datetime import UTC, datetime

    from lifecycle.generator import generate

    db = tmp_path / "fresh.duckdb"
    generate(db, seed=2, scale=0.05, today=datetime.now(UTC).date())
    warehouse = Warehouse(db, ROOT, tmp_path)
    warehouse.dbt("source", "freshness", artifacts=True)
    results = json.loads((tmp_path / "target" / "sources.json").read_text())["results"]

    assert len(results) == 19
    for result in results:
        assert result["status"] == freshness_status(
            result["max_loaded_at_time_ago_in_s"], result["criteria"]
        ), result["unique_id"]

    tracks = next(r for r in results if r["unique_id"].endswith("segment.tracks"))
    newest = warehouse.scalar("select max(received_at) from raw_segment.tracks")
    assert datetime.fromisoformat(tracks["max_loaded_at"]).replace(tzinfo=None) == newest
    assert tracks["criteria"]["error_after"] == {"count": 36, "period": "hour"}
    assert tracks["status"] != "error"  # yesterday's events are never 36 hours old


def test_reconciliation_fails_when_a_staging_model_silently_filters_rows(tmp_path, small_world):
    project = copy_project(tmp_path / "project")
    model = project / "models/staging/segment/stg_segment__tracks.sql"
    text = model.read_text()
    assert "where row_disposition = 'staged'" in text
    model.write_text(
        text.replace(
            "where row_disposition = 'staged'",
            "where row_disposition = 'staged' and event_name != 'Logged In'",
        )
    )
    warehouse = Warehouse(small_world.db, project, tmp_path)
    result = warehouse.dbt(
        "build",
        "--select",
        "stg_segment__tracks",
        vars={"as_of_date": TODAY.isoformat()},
        check=False,
    )
    assert not result.ok
    assert "FAIL" in result.output and "reconciles_with_source_stg_segment__tracks" in result.output


def test_the_key_tests_report_each_repeated_key_once(tmp_path, small_world):
    """unique_combination_of_columns groups rows by a hash of their columns first; a key
    repeated with a null in it is still grouped and reported, once per repeated key. The
    project's `unique` (dbt dispatches to it) does the same for one column and, as dbt's
    own, counts no repeated NULL."""
    warehouse = small_world.copy_to(tmp_path)
    daily = "analytics_intermediate.int_product_events_daily"
    persons = "analytics_intermediate.int_persons"
    warehouse.execute(
        f"insert into {daily} select * from {daily} where user_id is null "
        "order by event_date, anonymous_id, event_name limit 2;"
        f"insert into {persons} select * from {persons} order by person_id limit 2;"
        f"insert into {persons} select * replace (null as person_id) from {persons} limit 2"
    )
    result = warehouse.dbt(
        "test",
        "--select",
        "int_product_events_daily,test_name:unique_combination_of_columns",
        "int_persons,test_name:unique",
        vars={"as_of_date": TODAY.isoformat()},
        check=False,
    )
    assert not result.ok
    output = result.output.replace("\x1b", "")
    for test in [
        "unique_combination_of_columns_int_product_events_daily",
        "unique_int_persons_person_id",
    ]:
        failed = re.search(rf"FAIL (\d+) {test}", output)
        assert failed and int(failed.group(1)) == 2, (test, result.output[-3000:])
    compiled_tests = warehouse.work_dir / "target" / "compiled"
    compiled = next(compiled_tests.rglob("unique_int_persons_person_id*"))
    assert "repeated_hashes" in compiled.read_text()


def test_hand_made_rows_loaded_into_empty_tables_are_staged_by_the_rules(
    empty_warehouse: Warehouse,
):
    empty_warehouse.execute(
        """
        insert into raw_segment.tracks (id, anonymous_id, user_id, event, context_group_id,
                                        timestamp, received_at) values
            ('m1', 'a1', 'u1', 'Task Completed', 'w1',
             '2026-06-01 10:00:00', '2026-06-01 10:00:02'),
            ('m1', 'a1', 'u1', 'Task Completed', 'w1',
             '2026-06-01 10:00:00', '2026-06-01 11:30:00'),
            ('m2', null, null, 'Task Completed', 'w1',
             '2026-06-01 10:00:00', '2026-06-01 10:00:02'),
            ('m3', 'a1', null, 'Logged In', null, '2027-06-01 10:00:00', '2026-06-01 10:00:02'),
            ('m4', null, ' u2 ', 'Report Generated', 'w1',
             '2026-05-20 09:00:00', '2026-05-28 09:00:00'),
            -- padded with a tab and a no-break space: the same user; only a tab: none
            ('m5', null, chr(9) || 'u2' || chr(160), 'Report Generated', 'w1',
             '2026-05-21 09:00:00', '2026-05-28 09:00:00'),
            ('m6', null, chr(9), 'Task Completed', chr(160),
             '2026-05-21 09:00:00', '2026-05-28 09:00:00'),
            -- no received_at: a timestamp far ahead of the run is in the future too
            ('m7', 'a1', null, 'Logged In', 'w1', '2099-01-01 00:00:00', null);
        insert into raw_segment.identifies (id, anonymous_id, user_id, email, timestamp,
                                            received_at) values
            ('i1', 'a1', 'u1', '  Ada.Lovelace@Example.COM ' || chr(160),
             '2026-05-01 08:00:00', '2026-05-01 08:00:01');
        insert into raw_salesforce.lead (id, email, company, status, is_deleted,
                                         created_date, _fivetran_synced) values
            ('00Q1', 'x@example.com', 'Example', 'Open - Not Contacted', false,
             '2026-05-01', '2026-05-01'),
            ('00Q2', 'y@example.com', 'Example', 'Open - Not Contacted', true,
             '2026-05-01', '2026-05-01'),
            ('00Q3', null, null, 'Open - Not Contacted', false, '2026-05-01', '2026-05-01');
        -- billing statuses as a loader may land them: padded, upper-case, or unknown
        insert into raw_stripe.subscription_history (id, customer_id, status,
                                                     _fivetran_start, _fivetran_synced) values
            ('sub_ok', 'cus_1', ' Active', '2026-05-01', '2026-05-01'),
            ('sub_typo', 'cus_1', 'activ', '2026-05-01', '2026-05-01');
        insert into raw_stripe.invoice (id, customer_id, status, _fivetran_synced) values
            ('in_open', 'cus_1', 'Open' || chr(9), '2026-05-01'),
            ('in_odd', 'cus_1', 'pending_payment', '2026-05-01');
        -- a failed charge without an amount (nothing reads it) is still a failed payment
        insert into raw_stripe.charge (id, customer_id, status, amount, _fivetran_synced) values
            ('ch_failed', 'cus_1', 'FAILED', 100, '2026-05-01'),
            ('ch_no_amount', 'cus_1', 'failed', null, '2026-05-01');
        insert into raw_stripe.price (id, currency, unit_amount, _fivetran_synced) values
            ('price_jpy', ' JPY', 5000, '2026-05-01');
        -- NPS scores: DuckDB alone would read '0x0A' and '1_0' as 10
        insert into raw_segment.nps_survey_submitted (id, user_id, score, timestamp,
                                                      received_at) values
            ('n1', 'u1', '9', '2026-06-01 10:00:00', '2026-06-01 10:00:01'),
            ('n2', 'u1', '0x0A', '2026-06-01 10:00:00', '2026-06-01 10:00:01'),
            ('n3', 'u1', '1_0', '2026-06-01 10:00:00', '2026-06-01 10:00:01');
        -- a ticket's status history as a loader may land it: padded field name, upper case
        insert into raw_zendesk.ticket_field_history (ticket_id, field_name, value, updated,
                                                      _fivetran_synced) values
            (7, ' Status ', 'Solved ', '2026-06-05 10:00:00', '2026-06-05');
        -- a ticket whose status is blank has none
        insert into raw_zendesk.ticket (id, requester_id, status, created_at, _fivetran_synced)
        values (9, 1, '  ', '2026-06-01 10:00:00', '2026-06-01');
        -- two copies of an account synced at the same time, one deleted: the live one stays
        insert into raw_salesforce.account (id, name, is_deleted, _fivetran_synced) values
            ('001TIE', 'deleted copy', true, '2026-06-01'),
            ('001TIE', 'live copy', false, '2026-06-01');
        insert into raw_stripe.dispute (id, charge_id, status, _fivetran_synced) values
            ('dp_odd', 'ch_failed', 'mystery', '2026-05-01'),
            ('dp_blank', 'ch_failed', ' ', '2026-05-01');
        -- a contact in Fivetran's history mode: the sync that moved it to another account
        -- wrote the closed version and the active one at once
        insert into raw_salesforce.contact (id, account_id, email, is_deleted,
                                            _fivetran_synced, _fivetran_active) values
            ('003MOVE', '001OLD', 'mo@old.com', false, '2026-05-01 12:00', false),
            ('003MOVE', '001NEW', 'mo@new.com', false, '2026-05-01 12:00', true);
        -- ... and a deal deleted in history mode: its last version closed, none active
        insert into raw_salesforce.opportunity (id, account_id, stage_name, is_deleted,
                                                _fivetran_synced, _fivetran_active) values
            ('006GONE', '001NEW', 'Prospecting', false, '2026-05-01', false),
            ('006GONE', '001NEW', 'Proposal', false, '2026-06-01', false);
        -- names are trimmed, and a blank one is none
        insert into raw_salesforce.account (id, name, is_deleted, _fivetran_synced) values
            ('001PAD', '  Pad Co ' || chr(9), false, '2026-06-01'),
            ('001BLANK', '   ', false, '2026-06-01');
        -- metadata naming a workspace with an object, not an id: no workspace
        insert into raw_stripe.customer (id, email, metadata, is_deleted, livemode,
                                         _fivetran_synced) values
            ('cus_nested', 'ops@example.com', '{"workspace_id": {"id": "w1"}}', false, true,
             '2026-06-01');
        -- customers deleted in Stripe: one with billing history (kept), one without
        insert into raw_stripe.customer (id, email, is_deleted, livemode, _fivetran_synced)
        values
            (' cus_1', 'billing@example.com', true, true, '2026-06-01'),
            ('cus_dup', 'billing@example.com', true, true, '2026-06-01');
        """
    )
    # +staging: staging and what it reads (the identity_exclusions seed of the erasure scope).
    empty_warehouse.dbt(
        "build", "--select", "+staging", *WITHOUT_UNIT_TESTS, vars={"as_of_date": "2026-06-30"}
    )

    tracks = empty_warehouse.query(
        "select message_id, user_id, received_at::varchar "
        "from analytics_staging.stg_segment__tracks order by 1"
    )
    assert tracks == [
        ("m1", "u1", "2026-06-01 10:00:02"),
        ("m4", "u2", "2026-05-28 09:00:00"),
        ("m5", "u2", "2026-05-28 09:00:00"),
    ]
    quarantined = set(
        empty_warehouse.query(
            "select source_table, source_record_key, quarantine_reason "
            "from analytics_staging.stg_quarantined_rows"
        )
    )
    assert quarantined == {
        ("tracks", "m2", "missing_identity"),
        ("tracks", "m6", "missing_identity"),
        ("tracks", "m3", "timestamp_in_future"),
        ("tracks", "m7", "timestamp_in_future"),
        ("lead", "00Q3", "missing_email_and_company"),
        ("subscription_history", "sub_typo|2026-05-01 00:00:00", "unknown_status"),
        ("invoice", "in_odd", "unknown_status"),
        ("dispute", "dp_odd", "unknown_status"),
        ("dispute", "dp_blank", "missing_status"),
        ("nps_survey_submitted", "n2", "invalid_nps_score"),
        ("nps_survey_submitted", "n3", "invalid_nps_score"),
        ("ticket", "9", "missing_status"),
    }
    excluded = set(
        empty_warehouse.query(
            "select source_table, source_record_key, exclusion_reason "
            "from analytics_staging.stg_excluded_rows"
        )
    )
    assert excluded == {
        ("tracks", "m1", "duplicate"),
        ("lead", "00Q2", "soft_deleted"),
        ("customer", "cus_dup", "soft_deleted"),
        ("account", "001TIE", "duplicate"),
        ("contact", "003MOVE", "duplicate"),
        ("opportunity", "006GONE", "soft_deleted"),
        ("opportunity", "006GONE", "duplicate"),
    }
    assert empty_warehouse.query(
        "select account_id, account_name from analytics_staging.stg_salesforce__accounts order by 1"
    ) == [("001BLANK", None), ("001PAD", "Pad Co"), ("001TIE", "live copy")]
    assert empty_warehouse.query(
        "select account_id, email from analytics_staging.stg_salesforce__contacts"
    ) == [("001NEW", "mo@new.com")]
    assert empty_warehouse.query("select currency from analytics_staging.stg_stripe__prices") == [
        ("jpy",)
    ]
    assert empty_warehouse.query(
        "select field_name, field_value from analytics_staging.stg_zendesk__ticket_field_history"
    ) == [("status", "solved")]
    assert empty_warehouse.query(
        "select customer_id, is_deleted, workspace_id, has_invalid_metadata "
        "from analytics_staging.stg_stripe__customers order by 1"
    ) == [("cus_1", True, None, False), ("cus_nested", False, None, False)]
    assert empty_warehouse.query("select email from analytics_staging.stg_segment__identifies") == [
        ("ada.lovelace@example.com",)
    ]
    # a padded or upper-case status is the status; an unknown one is quarantined above
    billing = empty_warehouse.query(
        "select subscription_status from analytics_staging.stg_stripe__subscription_history "
        "union all select invoice_status from analytics_staging.stg_stripe__invoices "
        "union all select charge_status from analytics_staging.stg_stripe__charges"
    )
    assert sorted(billing) == [("active",), ("failed",), ("failed",), ("open",)]
