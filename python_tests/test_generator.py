"""The generator builds the raw contract and a world with realistic loader dirt."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date, datetime, timedelta
from pathlib import Path

import duckdb
import pytest

from lifecycle.contract import load_contract
from lifecycle.generator import PII_SALT_ENV, generate, read_manifest
from lifecycle.generator.vocab import FREE_MAIL_DOMAINS, VENDOR_DOMAIN

TODAY = date(2026, 6, 30)
DUCKDB_TYPES = {
    "varchar": "VARCHAR",
    "bigint": "BIGINT",
    "double": "DOUBLE",
    "boolean": "BOOLEAN",
    "timestamp": "TIMESTAMP",
    "date": "DATE",
}


@pytest.fixture(scope="module")
def world_db(tmp_path_factory):
    db = tmp_path_factory.mktemp("gen") / "world.duckdb"
    generate(db, seed=3, scale=0.3, today=TODAY)
    con = duckdb.connect(str(db), read_only=True)
    yield con
    con.close()


def q(con, sql):
    return con.execute(sql).fetchone()[0]


def test_every_contract_table_is_created_with_its_declared_columns_and_types(tmp_path):
    db = tmp_path / "empty.duckdb"
    generate(db, empty=True, today=TODAY)
    con = duckdb.connect(str(db), read_only=True)
    contract = load_contract()
    assert len(contract) == 23
    for table in contract.values():
        columns = con.execute(
            "select column_name, data_type from information_schema.columns "
            "where table_schema = ? and table_name = ? order by ordinal_position",
            [table.schema, table.name],
        ).fetchall()
        expected = [(c.name, DUCKDB_TYPES[c.data_type]) for c in table.columns]
        assert columns == expected, table.qualified_name
        # Only the salt of personal-data hashes is written: a warehouse needs one.
        rows = 1 if (table.schema, table.name) == ("restricted", "pii_salt") else 0
        assert q(con, f"select count(*) from {table.qualified_name}") == rows


def test_same_seed_and_today_give_the_same_world(tmp_path):
    first, second, other = tmp_path / "a.duckdb", tmp_path / "b.duckdb", tmp_path / "c.duckdb"
    generate(first, seed=5, scale=0.05, today=TODAY)
    generate(second, seed=5, scale=0.05, today=TODAY)
    generate(other, seed=6, scale=0.05, today=TODAY)

    def fingerprint(path):
        con = duckdb.connect(str(path), read_only=True)
        prints = {}
        for table in load_contract().values():
            prints[table.name] = con.execute(
                f"select count(*), sum(hash(columns(*))) from {table.qualified_name}"
            ).fetchone()
        con.close()
        return prints

    assert fingerprint(first) == fingerprint(second)
    assert fingerprint(first)["tracks"] != fingerprint(other)["tracks"]


def test_manifest_records_the_world_parameters(tmp_path):
    db = tmp_path / "m.duckdb"
    result = generate(db, seed=9, scale=0.03, today=TODAY)
    manifest = read_manifest(db)
    assert manifest.today == "2026-06-30" == result.as_of_date
    assert manifest.seed == 9
    assert manifest.row_counts["segment.tracks"] > 1000


def test_history_spans_about_eighteen_months_up_to_the_last_load(world_db):
    first, last_event, last_load = world_db.execute(
        "select min(timestamp), max(timestamp) filter (where timestamp <= received_at), "
        "max(received_at) from raw_segment.tracks"
    ).fetchone()
    assert first.date() >= TODAY - timedelta(days=560)
    assert first.date() <= TODAY - timedelta(days=500)
    assert last_event.date() < TODAY  # the world's last full day is the day before today
    assert last_load <= datetime.combine(TODAY, datetime.min.time()) + timedelta(minutes=15)


def test_segment_redelivers_some_events_with_the_same_message_id(world_db):
    total = q(world_db, "select count(*) from raw_segment.tracks")
    duplicated = q(world_db, "select count(*) - count(distinct id) from raw_segment.tracks")
    assert 0.002 < duplicated / total < 0.008


def test_some_events_have_neither_user_nor_anonymous_id(world_db):
    orphans = q(
        world_db,
        "select count(*) from raw_segment.tracks where user_id is null and anonymous_id is null",
    )
    total = q(world_db, "select count(*) from raw_segment.tracks")
    assert 0 < orphans / total < 0.003


def test_some_events_arrive_days_late_and_some_claim_future_times(world_db):
    late = q(
        world_db,
        "select count(*) from raw_segment.tracks where received_at > timestamp + interval 1 day",
    )
    beyond_a_week = q(
        world_db,
        "select count(*) from raw_segment.tracks where received_at > timestamp + interval 8 day",
    )
    future = q(
        world_db,
        "select count(*) from raw_segment.tracks where timestamp > received_at + interval 1 day",
    )
    assert late > beyond_a_week > 0
    assert future > 0


def test_emails_arrive_padded_or_mixed_case_sometimes(world_db):
    messy = q(
        world_db,
        "select count(*) from raw_segment.identifies where email != lower(trim(email))",
    )
    total = q(world_db, "select count(email) from raw_segment.identifies")
    assert 0.02 < messy / total < 0.12
    assert q(world_db, "select count(*) from raw_salesforce.lead where email != trim(email)") > 0


def test_crm_has_soft_deleted_rows_and_stripe_has_test_mode_objects(world_db):
    assert q(world_db, "select count(*) from raw_salesforce.lead where is_deleted") > 0
    assert q(world_db, "select count(*) from raw_stripe.customer where not livemode") > 0
    assert q(world_db, 'select count(*) from raw_zendesk."ticket" where _fivetran_deleted') > 0


def test_internal_free_mail_and_role_addresses_are_present(world_db):
    internal = q(
        world_db,
        f"select count(*) from raw_segment.identifies where email like '%@{VENDOR_DOMAIN}'",
    )
    free_mail = q(
        world_db,
        "select count(*) from raw_segment.identifies where "
        + " or ".join(f"lower(email) like '%@{d}%'" for d in FREE_MAIL_DOMAINS),
    )
    role = q(
        world_db,
        "select count(*) from raw_zendesk.user where email like 'support@%' "
        "or email like 'billing@%'",
    )
    assert internal > 0 and free_mail > 0
    assert role + q(
        world_db, "select count(*) from raw_stripe.customer where email like 'billing@%'"
    )


def test_a_kiosk_device_is_shared_by_many_users(world_db):
    widest = q(
        world_db,
        "select max(users) from (select anonymous_id, count(distinct user_id) as users "
        "from raw_segment.identifies where user_id is not null group by 1)",
    )
    assert widest >= 3


def test_the_world_has_customers_churn_and_open_support_work(world_db):
    statuses = dict(
        world_db.execute(
            "select status, count(*) from raw_stripe.subscription_history "
            "where _fivetran_active group by 1"
        ).fetchall()
    )
    assert statuses.get("active", 0) > 20
    assert statuses.get("canceled", 0) + statuses.get("unpaid", 0) > 3
    assert q(world_db, "select count(*) from raw_stripe.charge where status = 'failed'") > 0
    assert (
        q(
            world_db,
            "select count(*) from raw_zendesk.ticket "
            "where status in ('new', 'open', 'pending', 'hold')",
        )
        > 0
    )
    assert q(world_db, "select count(*) from raw_salesforce.opportunity where not is_closed") > 0
    assert q(world_db, "select count(*) from raw_segment.nps_survey_submitted") > 0


def test_stripe_metadata_links_customers_to_workspaces_and_crm_accounts(world_db):
    linked = world_db.execute(
        "select count(*) filter (where json_extract_string(metadata, '$.workspace_id') in "
        "(select group_id from raw_segment.groups)), "
        "count(*) filter (where json_extract_string(metadata, '$.salesforce_account_id') in "
        "(select id from raw_salesforce.account)), count(*) "
        "from raw_stripe.customer where livemode"
    ).fetchone()
    workspace_links, crm_links, customers = linked
    assert workspace_links == customers
    assert 0 < crm_links < customers


def test_pii_salt_command_stores_the_salt_from_the_environment(tmp_path):
    db = tmp_path / "salted.duckdb"
    generate(db, empty=True, today=date(2026, 6, 30))
    cli = [str(Path(sys.executable).with_name("lifecycle")), "--db", str(db), "pii-salt"]
    env = {key: value for key, value in os.environ.items() if key != PII_SALT_ENV}
    missing = subprocess.run(cli, env=env, capture_output=True, text=True, check=False)
    assert missing.returncode == 1 and PII_SALT_ENV in missing.stdout
    short = subprocess.run(
        cli, env={**env, PII_SALT_ENV: "short"}, capture_output=True, text=True, check=False
    )
    assert short.returncode == 1 and "16 characters" in short.stdout
    salt = "a-long-enough-salt-for-the-test"
    stored = subprocess.run(
        cli, env={**env, PII_SALT_ENV: salt}, capture_output=True, text=True, check=False
    )
    assert stored.returncode == 0
    assert salt not in stored.stdout + stored.stderr
    con = duckdb.connect(str(db), read_only=True)
    assert con.execute("select salt from restricted.pii_salt").fetchall() == [(salt,)]
    con.close()
