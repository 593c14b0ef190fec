"""Runs that must stop cleanly: untrusted vars, a second build on a busy file, secrets."""

from __future__ import annotations

import os
import subprocess
import time
from pathlib import Path

import pytest

from conftest import (
    DBT,
    MODELS_ONLY,
    ROOT,
    TODAY,
    WITHOUT_UNIT_TESTS,
    DbtResult,
    Warehouse,
    copy_project,
    repr_vars,
)
from lifecycle.generator import PII_SALT_ENV, generate

AS_OF = {"as_of_date": TODAY.isoformat()}
MARTS_SQL = "select count(*) from information_schema.tables where table_schema like 'analytics%'"


@pytest.fixture(scope="module")
def world(tmp_path_factory) -> Warehouse:
    work = tmp_path_factory.mktemp("run_safety")
    db = work / "warehouse.duckdb"
    generate(db, seed=13, scale=0.05, today=TODAY)
    return Warehouse(db, ROOT, work)


def _build_with_bad_vars(work: Path, vars_: dict) -> DbtResult:
    """`dbt build` with `vars_` on an empty warehouse: it must stop, having built nothing
    and touched no raw table."""
    warehouse = Warehouse(work / "empty.duckdb", ROOT, work)
    generate(warehouse.db, empty=True, today=TODAY)
    result = warehouse.dbt("build", vars=vars_, check=False)
    assert not result.ok
    assert "Invalid" in result.output
    assert warehouse.scalar(MARTS_SQL) == 0, "nothing may be built"
    assert warehouse.scalar("select count(*) from raw_segment.tracks") == 0
    return result


# Vars read while dbt parses the project: the first bad one stops the parse.
@pytest.mark.parametrize(
    ("vars_", "message"),
    [
        (
            {"as_of_date": "2026-06-30' as date); drop table raw_segment.tracks; --"},
            "Invalid as_of_date",
        ),
        ({"as_of_date": "2026-02-30"}, "no such calendar date"),
        ({**AS_OF, "event_lookback_days": "3) or (1=1"}, "event_lookback_days must be a number"),
    ],
)
def test_a_bad_var_stops_the_run_before_any_sql(tmp_path, vars_, message):
    assert message in _build_with_bad_vars(tmp_path, vars_).output


# Vars checked by on-run-start (validate_vars): one run lists every bad one.
BAD_VARS_CHECKED_ON_RUN_START = {
    "history_start_date": ("yesterday", "history_start_date must be a date"),
    "earliest_valid_date": ("1990-01-01", "earliest_valid_date must be at most"),
    "segment_schema": ("raw_segment; drop schema x", "segment_schema must be"),
    # a --vars dict replaces the default whole: a partial one would leave signals unscored
    "pql_points": (
        {"activated": "30 --", "hand_raise": 50, "handraise": 15},
        (
            "pql_points.activated must be",
            "pql_points must give points to every signal (a --vars override replaces the "
            "whole dict), missing activated_within_window, team_usage, core_usage, "
            "gated_feature, icp_fit",
            "pql_points names no such signal: handraise",
        ),
    ),
    "funnel_steps": (["Signed Up' or 1=1 --"], "funnel_steps holds an unsafe"),
    "analyst_roles": (["ANALYST; drop"], "analyst_roles must list plain"),
    "non_seat_price_ids": ("price_addon", "non_seat_price_ids must be a list"),
}


def test_every_bad_var_is_listed_in_one_message_before_any_sql(tmp_path):
    bad = {name: value for name, (value, _) in BAD_VARS_CHECKED_ON_RUN_START.items()}
    output = _build_with_bad_vars(tmp_path, {**AS_OF, **bad}).output
    listed = [
        message
        for _, messages in BAD_VARS_CHECKED_ON_RUN_START.values()
        for message in ([messages] if isinstance(messages, str) else messages)
    ]
    lines = [line.strip() for line in output.splitlines()]
    # each on a line of its own, as "- <message>, got <value>"
    assert [m for m in listed if not any(line.startswith(f"- {m}") for line in lines)] == []


def _dbt_process(warehouse: Warehouse, folder: str, log: Path) -> subprocess.Popen:
    command = [str(DBT), "build", "--project-dir", str(ROOT), *WITHOUT_UNIT_TESTS]
    command += ["--target-path", str(warehouse.work_dir / folder / "target")]
    command += ["--log-path", str(warehouse.work_dir / folder / "logs")]
    command += ["--vars", repr_vars(AS_OF)]
    env = {
        **os.environ,
        "DBT_PROFILES_DIR": str(ROOT),
        "LIFECYCLE_DUCKDB_PATH": str(warehouse.db),
        "DBT_SEND_ANONYMOUS_USAGE_STATS": "false",
    }
    return subprocess.Popen(
        command, cwd=ROOT, env=env, stdout=log.open("w"), stderr=subprocess.STDOUT
    )


def test_a_second_build_on_a_busy_warehouse_fails_fast_and_the_first_completes(world):
    first_log = world.work_dir / "first.log"
    first = _dbt_process(world, "first", first_log)
    deadline = time.monotonic() + 120
    while " 1 of " not in first_log.read_text():  # the first build holds the file
        assert first.poll() is None, first_log.read_text()[-3000:]
        assert time.monotonic() < deadline, "the first build never started"
        time.sleep(0.2)

    started = time.monotonic()
    second_log = world.work_dir / "second.log"
    second = _dbt_process(world, "second", second_log)
    second_code = second.wait(timeout=120)
    second_seconds = time.monotonic() - started
    first_code = first.wait(timeout=900)

    second_output = second_log.read_text()
    assert second_code != 0
    assert "Could not set lock on file" in second_output
    assert str(world.db) in second_output
    assert first_code == 0, first_log.read_text()[-3000:]
    # It gave up at once instead of waiting for the first build (which takes longer).
    assert second_seconds < 60
    print(f"second build refused after {second_seconds:.1f} s")

    # Nothing is corrupted: every data test passes on what the first build wrote.
    tested = world.dbt("test", *WITHOUT_UNIT_TESTS, vars=AS_OF)
    assert tested.ok and "ERROR=0" in tested.output and "FAIL " not in tested.output
    assert world.scalar("select count(*) from analytics_marts.lifecycle_state") > 0


def test_secrets_never_reach_logs_or_artifacts(tmp_path, monkeypatch):
    salt = "pii-salt-that-must-stay-secret-0123456789"
    token = "secret-token-that-must-stay-secret-9876"
    monkeypatch.setenv(PII_SALT_ENV, salt)
    monkeypatch.setenv("DBT_ENV_SECRET_DUCKDB_TOKEN", token)
    # A profile that uses the secret, as a real one uses a password or key passphrase.
    project = copy_project(tmp_path / "project")
    profiles = (project / "profiles.yml").read_text()
    anchor = "        TimeZone: UTC\n"
    assert anchor in profiles
    (project / "profiles.yml").write_text(
        profiles.replace(
            anchor,
            anchor
            + "      config_options:\n"
            + "        custom_user_agent: \"{{ env_var('DBT_ENV_SECRET_DUCKDB_TOKEN') }}\"\n",
        )
    )
    warehouse = Warehouse(tmp_path / "warehouse.duckdb", project, tmp_path)
    generate(warehouse.db, seed=17, scale=0.03, today=TODAY)
    assert warehouse.scalar("select salt from restricted.pii_salt") == salt
    warehouse.dbt("--debug", "build", *WITHOUT_UNIT_TESTS, vars=AS_OF, artifacts=True)
    warehouse.dbt("docs", "generate", vars=AS_OF, artifacts=True)
    hashed = warehouse.scalar(
        "select count(*) from analytics_marts.person_status where email_hash is not null"
    )
    assert hashed > 0, "the salt was used"

    written = [
        path
        for folder in (tmp_path / "target", tmp_path / "logs", project / "target", project / "logs")
        if folder.exists()
        for path in folder.rglob("*")
        if path.is_file()
    ]
    assert len(written) > 100
    leaks = [
        (str(path), secret[:6])
        for path in written
        for secret in (salt, token)
        if secret in path.read_text(errors="ignore")
    ]
    assert leaks == []


# Every threshold var set away from its default (each still valid).
TUNED_THRESHOLDS = {
    "active_min_core_events": 5,
    "active_min_users": 1,
    "usage_drop_max_ratio": 0.4,
    "usage_drop_min_baseline": 10,
    "risk_min_unresolved_tickets": 3,
    "risk_renewal_window_days": 30,
    "dormant_inactive_days": 60,
    "expansion_seat_utilization": 0.8,
    "expansion_min_gated_attempts": 5,
    "expansion_user_growth_ratio": 1.5,
    "icp_min_criteria": 3,
    "qualified_confirmation_window_days": 14,
    "customer_contract_days": 400,
    "walk_away_no_meeting_days": 60,
    "walk_away_no_demo_days": 120,
    "walk_away_no_activation_days": 365,
    "nps_window_days": 90,
    "health_band_green_min": 80,
    "health_band_yellow_min": 50,
    "pql_min_core_events": 10,
    "pql_min_score": 50,
    "pql_points": {
        "activated": 20,
        "activated_within_window": 20,
        "team_usage": 10,
        "core_usage": 20,
        "gated_feature": 10,
        "hand_raise": 10,
        "icp_fit": 10,
    },
    "activation_window_days": 14,
    "identity_max_users_per_device": 5,
    "max_event_clock_skew_hours": 12,
    "internal_email_domains": ["vendor.example"],
    "identity_review_max_emails": 5,
    "identity_review_max_user_ids": 5,
    "identity_review_max_crm_accounts": 3,
}


def test_tuned_thresholds_build_with_every_unit_and_data_test(tmp_path, world):
    """Thresholds are vars for projects to tune: the unit tests pin the values they
    assert with, so a tuned project's nightly build stays green, and the marts follow
    the tuned values."""
    stages_sql = "select account_id, stage from analytics_marts.lifecycle_state order by 1"
    default = world.copy_to(tmp_path / "default")
    default.dbt("build", *MODELS_ONLY, vars=AS_OF)
    tuned = world.copy_to(tmp_path / "tuned")
    built = tuned.dbt("build", vars={**AS_OF, **TUNED_THRESHOLDS}, check=False)
    assert built.ok, built.output[-4000:]
    assert "ERROR=0" in built.output and "SKIP=0" in built.output
    assert "unit_test" not in built.output or "FAIL" not in built.output
    changed = set(tuned.query(stages_sql)) - set(default.query(stages_sql))
    assert changed, "the tuned thresholds changed no account's stage"
