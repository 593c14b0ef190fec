"""Incremental runs equal a full rebuild; a run with no new data changes nothing."""

from __future__ import annotations

import json
import re
from datetime import date, datetime, timedelta
from pathlib import Path

import duckdb
import pytest

from conftest import MODELS_ONLY, ROOT, RUN_STAMPS, WITHOUT_UNIT_TESTS, Warehouse, as_far_as
from lifecycle.generator import generate
from test_hand_made_world import RawLoader

TODAY = date(2026, 6, 30)
INCREMENTS = 3
LOOKBACK_DAYS = 3
# Event tables arrive over the increments by load time; the rest is loaded up front.
SEGMENT_LOAD_TIME = {
    "tracks": "coalesce(uuid_ts, received_at)",
    "pages": "received_at",
    "identifies": "received_at",
    "groups": "received_at",
    "nps_survey_submitted": "received_at",
}
DAILY = "analytics_intermediate.int_product_events_daily"
SIGHTINGS = "analytics_intermediate.int_product_identifier_sightings"
INCREMENTAL_MODELS = [
    "analytics_staging.base_segment__tracks",
    DAILY,
    SIGHTINGS,
    "analytics_intermediate.int_event_attribution_keys",
    "analytics_intermediate.int_events_attributed",
    "analytics_intermediate.int_account_activity_daily",
    "analytics_intermediate.int_account_active_user_spells",
    "analytics_intermediate.int_account_signals_daily",
]
# What is compared of a relation whose rows carry the run that wrote them: the rows
# without that stamp. Of the attribution keys, the live keys of the counted events: the
# full world also loaded rows the increments stop short of (identifies dated after the
# last increment), whose identifiers have keys but no events.
COMPARED_ROWS = {
    **{
        relation: f"select * exclude ({stamp}) from {{relation}}"
        for relation, stamp in RUN_STAMPS.items()
    },
    "analytics_intermediate.int_event_attribution_keys": (
        "select * exclude (changed_at) from {relation} where not is_removed and ("
        "key_type = 'event_name' or key_value in ("
        f"select user_id from {DAILY} union select anonymous_id from {DAILY} "
        f"union select workspace_id from {DAILY}))"
    ),
}
MARTS = [
    "analytics_marts.lifecycle_state",
    "analytics_marts.lifecycle_stage_daily",
    "analytics_marts.lifecycle_stage_transitions",
    "analytics_marts.person_status",
    "analytics_marts.customer_health_360",
    "analytics_marts.pql_status",
]
ALL_MODELS_SQL = (
    "select table_schema || '.' || table_name from information_schema.tables "
    "where table_schema like 'analytics_%' order by 1"
)


def _load_until(con: duckdb.DuckDBPyConnection, cutoff: datetime | None) -> None:
    """Copy the held-back event rows loaded up to `cutoff` (all of them when None)."""
    for table, loaded in SEGMENT_LOAD_TIME.items():
        window = "" if cutoff is None else f"where {loaded} <= timestamp '{cutoff}'"
        con.execute(
            f"insert into raw_segment.{table} select * from world.raw_segment.{table} {window} "
            f"except all select * from raw_segment.{table}"
        )


@pytest.fixture(scope="module")
def worlds(tmp_path_factory):
    """The same raw data built twice: in daily increments, and in one full build."""
    base = tmp_path_factory.mktemp("incremental")
    source = base / "source" / "world.duckdb"
    source.parent.mkdir()
    generate(source, seed=21, scale=0.1, today=TODAY)
    con = duckdb.connect(str(source))
    # Events later than the lookback are item two's business (they are counted as late,
    # and the days they belong to are not recomputed); keep them out of this comparison.
    con.execute(
        "delete from raw_segment.tracks where cast(coalesce(uuid_ts, received_at) as date) "
        f"- cast(timestamp as date) >= {LOOKBACK_DAYS}"
    )
    con.close()

    incremental_dir, full_dir = base / "incremental", base / "full"
    builds = {}
    for folder in (incremental_dir, full_dir):
        folder.mkdir()
        db = folder / "warehouse.duckdb"
        generate(db, empty=True, today=TODAY)
        con = duckdb.connect(str(db))
        con.execute(f"attach '{source}' as world (read_only)")
        for schema in ("raw_salesforce", "raw_stripe", "raw_zendesk"):
            for (table,) in con.execute(
                "select table_name from information_schema.tables "
                f"where table_catalog = 'world' and table_schema = '{schema}'"
            ).fetchall():
                con.execute(
                    f'insert into {schema}."{table}" select * from world.{schema}."{table}"'
                )
        con.close()
        builds[folder.name] = Warehouse(db, ROOT, folder)

    vars_ = {"event_lookback_days": LOOKBACK_DAYS, "history_reprocess_days": LOOKBACK_DAYS}
    first_day = TODAY - timedelta(days=INCREMENTS)
    incremental = builds["incremental"]
    increment_counts = []  # history_counts of each incremental run
    for k in range(INCREMENTS + 1):
        day = first_day + timedelta(days=k)
        con = duckdb.connect(str(incremental.db))
        con.execute(f"attach '{source}' as world (read_only)")
        _load_until(con, datetime.combine(day, datetime.min.time()) + timedelta(minutes=15))
        con.close()
        # The data tests run on the last increment (`make test-dbt` runs them on a full
        # build of a world like this one).
        result = incremental.dbt(
            "build",
            *(MODELS_ONLY if k < INCREMENTS else WITHOUT_UNIT_TESTS),
            *(["--full-refresh"] if k == 0 else []),
            vars={**vars_, "as_of_date": day.isoformat()},
        )
        if k > 0:
            increment_counts.append(history_counts(result.output))
    (incremental.work_dir / "history_counts.json").write_text(json.dumps(increment_counts))

    full = builds["full"]
    con = duckdb.connect(str(full.db))
    con.execute(f"attach '{source}' as world (read_only)")
    _load_until(con, None)
    con.close()
    full.dbt(
        "build",
        "--full-refresh",
        *MODELS_ONLY,
        vars={**vars_, "as_of_date": TODAY.isoformat()},
    )
    return incremental, full, vars_


def history_counts(output: str) -> tuple[int, int, int]:
    """What an incremental run of the history logs: the accounts it built whole, all
    accounts, and those whose rolling sums it windowed (the others it summed)."""
    found = re.search(
        r"int_account_signals_daily: (\d+) of (\d+) accounts built whole; (\d+) with "
        r"windowed rolling sums",
        output,
    )
    assert found, output[-3000:]
    built_whole, accounts, windowed = (int(n) for n in found.groups())
    return built_whole, accounts, windowed


def _differences(left: Warehouse, right: Warehouse, relation: str) -> tuple[int, int]:
    """Rows only in left, rows only in right (as multisets)."""
    # Views name their own database, so each side is read through its own connection.
    exported = []
    for side in (left, right):
        path = side.work_dir / f"{relation}.parquet"
        rows = COMPARED_ROWS.get(relation, "select * from {relation}").format(relation=relation)
        side.execute(f"copy ({rows}) to '{path}' (format parquet)")
        exported.append(path)
    con = duckdb.connect()
    left_rows, right_rows = (f"read_parquet('{path}')" for path in exported)
    only_left, only_right = (
        con.execute(
            f"select count(*) from (select * from {a} except all select * from {b})"
        ).fetchone()[0]
        for a, b in ((left_rows, right_rows), (right_rows, left_rows))
    )
    con.close()
    return only_left, only_right


@pytest.mark.parametrize("relation", INCREMENTAL_MODELS + MARTS)
def test_daily_increments_equal_a_full_rebuild(worlds, relation):
    incremental, full, _ = worlds
    rows = incremental.scalar(f"select count(*) from {relation}")
    assert rows > 0
    assert _differences(incremental, full, relation) == (0, 0)


def test_the_increments_summed_the_new_days_of_every_account(worlds):
    """The increments' history (compared with the rebuild above) summed each account's
    changes for its few new days, the accounts it built whole too (new ones, with a few
    days of history): none had more than 14 days to build, so none was windowed. The
    hand-made runs below window an account built whole with a longer history, and every
    account after a pause, and equal a rebuild too."""
    incremental, _, _ = worlds
    runs = json.loads((incremental.work_dir / "history_counts.json").read_text())
    assert len(runs) == INCREMENTS
    assert all(windowed == 0 and built_whole < accounts for built_whole, accounts, windowed in runs)
    assert any(built_whole > 0 for built_whole, _, _ in runs)


def test_the_increments_saw_late_and_redelivered_events(worlds):
    incremental, _, _ = worlds
    late, redelivered = incremental.query(
        "select count(*) filter (where loaded_date > cast(occurred_at as date)), "
        "count(*) filter (where disposition_reason = 'duplicate') "
        "from analytics_staging.base_segment__tracks"
    )[0]
    assert late > 0 and redelivered > 0


def test_the_daily_counts_recount_only_the_workspaces_the_loads_touched(worlds):
    """The latest run recounted the (day, workspace) groups its loads touched (and the
    counts without a workspace on those days, when loaded), not every workspace of those
    days; the other workspaces of those days kept their counts from earlier runs. The
    counts equal a rebuild (above)."""
    incremental, _, _ = worlds
    recounted, counts_of_those_days = incremental.query(
        f"with recounted as (select * from {DAILY} "
        f"where counted_at = (select max(counted_at) from {DAILY})) "
        f"select (select count(*) from recounted), count(*) "
        f"from {DAILY} where event_date in (select event_date from recounted)"
    )[0]
    assert 0 < recounted < counts_of_those_days


# The run stamps a run renews without new data: the daily counts recount the day and
# workspace groups of the last loads on every run (to the same counts), and the
# identifier sightings group those days again (to the same rows).
RENEWED_STAMPS = {relation: RUN_STAMPS[relation] for relation in (DAILY, SIGHTINGS)}


def test_a_run_without_new_data_changes_nothing(worlds):
    incremental, _, vars_ = worlds

    def checksums():
        columns = {
            relation: f"* exclude ({RENEWED_STAMPS[relation]})"
            if relation in RENEWED_STAMPS
            else "*"
            for (relation,) in incremental.query(ALL_MODELS_SQL)
        }
        return {
            relation: incremental.query(
                f"select count(*), sum(hash(columns({selected}))) from {relation}"
            )[0]
            for relation, selected in columns.items()
        }

    before = checksums()
    rerun = incremental.dbt("build", *MODELS_ONLY, vars={**vars_, "as_of_date": TODAY.isoformat()})
    after = checksums()
    changed = {name for name in before if before[name] != after.get(name)}
    assert changed == set()
    assert len(before) > 60
    # and no account's history needed building again whole
    assert re.search(r"int_account_signals_daily: 0 of \d+ accounts built whole", rerun.output)


def test_events_later_than_the_window_are_counted_and_warned(worlds, tmp_path):
    incremental, _, vars_ = worlds
    late_copy = incremental.copy_to(tmp_path / "late")
    last_load = late_copy.scalar(
        "select max(coalesce(uuid_ts, received_at)) from raw_segment.tracks"
    )
    # Three events that happened ten days ago, loaded in the latest load, and one
    # loaded exactly as many days late as a run recomputes (not too late for it).
    for prefix, days_late, count in (("late-", 10, 3), ("in-window-", LOOKBACK_DAYS, 1)):
        late_copy.execute(
            "insert into raw_segment.tracks (id, anonymous_id, user_id, event, "
            "context_group_id, timestamp, received_at, uuid_ts) "
            f"select '{prefix}' || id, anonymous_id, user_id, event, context_group_id, "
            f"timestamp '{last_load}' - interval {days_late} day, timestamp '{last_load}', "
            f"timestamp '{last_load}' "
            f"from raw_segment.tracks where user_id is not null order by id limit {count}"
        )
    result = late_copy.dbt(
        "build", *WITHOUT_UNIT_TESTS, vars={**vars_, "as_of_date": TODAY.isoformat()}
    )
    late = late_copy.query(
        "select count(*), min(days_late) from analytics_intermediate.int_late_arriving_events "
        "where message_id like 'late-%'"
    )[0]
    assert late == (3, 10)
    assert not late_copy.scalar(
        "select count(*) from analytics_intermediate.int_late_arriving_events "
        "where message_id like 'in-window-%'"
    )
    warned = re.search(
        r"WARN (\d+) assert_no_events_late_beyond_lookback", result.output.replace("\x1b", "")
    )
    assert warned and int(warned.group(1)) >= 3
    assert "Got " in result.output


def test_a_new_identity_link_re_attributes_old_days_as_a_rebuild_would(worlds, tmp_path):
    incremental, _, vars_ = worlds
    relinked = incremental.copy_to(tmp_path / "relinked")
    # A device seen only anonymously, on days long before the last increment, and a
    # product user who belongs to an account.
    device, old_day = relinked.query(
        "select anonymous_id, min(event_date) from analytics_intermediate.int_product_events_daily "
        "group by anonymous_id "
        "having count(user_id) = 0 and count(workspace_id) = 0 and min(event_date) < "
        f"date '{TODAY - timedelta(days=30)}' order by anonymous_id limit 1"
    )[0]
    user = relinked.scalar(
        "select key_value from analytics_intermediate.int_event_attribution_keys "
        "where key_type = 'user_id' and account_id is not null order by key_value limit 1"
    )
    last_run = relinked.scalar(
        "select max(attributed_at) from analytics_intermediate.int_events_attributed"
    )
    last_load = relinked.scalar("select max(received_at) from raw_segment.identifies")
    relinked.execute(
        "insert into raw_segment.identifies (id, anonymous_id, user_id, timestamp, received_at) "
        f"values ('relink-1', '{device}', '{user}', timestamp '{last_load}', "
        f"timestamp '{last_load}')"
    )
    build = {**vars_, "as_of_date": TODAY.isoformat()}
    relinked.dbt("build", *MODELS_ONLY, vars=build)

    # The device's old day was attributed again, its events now the user's person's
    # (whose id may be the device's old one: the earliest-seen identifier names a person).
    day = f"event_date = date '{old_day}'"
    person = relinked.scalar(
        "select person_id from analytics_intermediate.int_event_attribution_keys "
        f"where key_type = 'user_id' and key_value = '{user}'"
    )
    assert person == relinked.scalar(
        "select person_id from analytics_intermediate.int_event_attribution_keys "
        f"where key_type = 'anonymous_id' and key_value = '{device}'"
    )
    rewritten, of_the_person = relinked.query(
        f"select count(*) filter (where attributed_at > timestamp '{last_run}'), "
        f"count(*) filter (where person_id = '{person}') "
        f"from analytics_intermediate.int_events_attributed where {day}"
    )[0]
    counted, of_the_device = relinked.query(
        f"select count(*), count(*) filter (where anonymous_id = '{device}') "
        f"from analytics_intermediate.int_product_events_daily where {day}"
    )[0]
    assert rewritten == counted
    assert of_the_person >= of_the_device > 0
    rebuilt = relinked.copy_to(tmp_path / "rebuilt")
    rebuilt.dbt("build", "--full-refresh", *MODELS_ONLY, vars=build)
    # The daily history keeps its days before the last history_reprocess_days as they
    # were until a full refresh (as for events later than the lookback): not compared.
    for relation in (
        "analytics_intermediate.int_events_attributed",
        "analytics_intermediate.int_account_activity_daily",
        "analytics_intermediate.int_account_active_user_spells",
    ):
        assert _differences(relinked, rebuilt, relation) == (0, 0), relation


def _load_and_build_history(warehouse: Warehouse, days_rows, as_of: str) -> str:
    """Raw rows written by `days_rows(RawLoader)`, as a loader would, then the daily
    history and what it reads built as of `as_of` (incrementally once built); returns
    dbt's output."""
    con = duckdb.connect(str(warehouse.db))
    try:
        days_rows(RawLoader(con))
    finally:
        con.close()
    return warehouse.dbt(
        "build", "--select", "+int_account_signals_daily", *MODELS_ONLY, vars={"as_of_date": as_of}
    ).output


def _rebuilt_history(warehouse: Warehouse, tmp_path: Path, as_of: str, history_sql: str):
    """`history_sql` over a copy of the warehouse whose history is rebuilt from scratch as
    of `as_of`: what the daily runs must equal."""
    rebuilt = warehouse.copy_to(tmp_path / f"rebuilt_{as_of}")
    rebuilt.dbt(
        "build",
        "--select",
        "+int_account_signals_daily",
        "--full-refresh",
        *MODELS_ONLY,
        vars={"as_of_date": as_of},
    )
    return rebuilt.query(history_sql)


def test_a_history_that_now_starts_earlier_is_built_from_its_new_first_day(empty_warehouse):
    """Day 1: two anonymous devices, devB from June 12 and devA from June 15. Day 2:
    devA signs in as a user of workspace ws_x, whose history starts on June 15. Day 3:
    devB turns out to be the same user: ws_x's history now starts on June 12, and the
    daily run builds it from there, as a rebuild does."""
    warehouse = empty_warehouse

    def day_1(raw: RawLoader) -> None:
        raw.ids = iter(range(1, 1000))
        for day in range(12, 26):
            raw.track(None, "Task Completed", f"2026-06-{day} 08:00:00", anonymous="devB")
        for day in range(15, 26):
            raw.track(None, "Task Completed", f"2026-06-{day} 09:00:00", anonymous="devA")

    def day_2(raw: RawLoader) -> None:
        raw.ids = iter(range(1000, 2000))
        raw.identify("ud", "dana@gmail.com", "2026-06-26 08:00:00", anonymous="devA")
        raw.group_call("ud", "ws_x", "X", "2026-06-26 08:05:00")
        raw.track("ws_x", "Task Completed", "2026-06-26 10:00:00", user="ud")

    def day_3(raw: RawLoader) -> None:
        raw.ids = iter(range(2000, 3000))
        raw.identify("ud", "dana@gmail.com", "2026-06-27 08:00:00", anonymous="devB")

    history_sql = (
        "select min(signal_date), count(*) from analytics_intermediate.int_account_signals_daily "
        "join analytics_intermediate.int_accounts using (account_id) where account_name = 'X'"
    )
    for loader, day in ((day_1, "2026-06-25"), (day_2, "2026-06-26"), (day_3, "2026-06-27")):
        _load_and_build_history(warehouse, loader, day)
        if day == "2026-06-26":
            assert warehouse.query(history_sql) == [(date(2026, 6, 15), 12)]
    assert warehouse.query(history_sql) == [(date(2026, 6, 12), 16)]


def test_a_history_that_now_starts_later_is_built_again_as_a_rebuild_would(
    empty_warehouse, tmp_path
):
    """Day 1: LostCo's lead (created June 1) is its earliest record; its people work in
    ws_lost from June 15. Day 2: the lead is deleted in Salesforce, so the history starts
    on June 15: the daily run builds it again from there (the days it kept were computed
    from June 1: a prior 30 days, a first stay start), as a rebuild does."""
    warehouse = empty_warehouse

    def day_1(raw: RawLoader) -> None:
        raw.ids = iter(range(1, 1000))
        raw.insert(
            "raw_salesforce.lead", id="00Qlost", email="lou@lostco.com", company="LostCo",
            status="Working - Contacted", is_converted=False, is_deleted=False,
            created_date="2026-06-01", last_modified_date="2026-06-01",
            _fivetran_synced="2026-06-01",
        )  # fmt: skip
        for user in ("u_lo1", "u_lo2"):
            raw.identify(user, f"{user}@lostco.com", "2026-06-15 08:00:00")
            raw.group_call(user, "ws_lost", "LostCo", "2026-06-15 08:05:00")
        raw.core_usage("ws_lost", ["u_lo1", "u_lo2"], [f"2026-06-{d}" for d in range(15, 26)])

    def day_2(raw: RawLoader) -> None:
        raw.con.execute(
            "update raw_salesforce.lead set is_deleted = true, _fivetran_synced = '2026-06-26'"
        )

    history_sql = (
        "select signal_date, stage, is_stage_start, core_events_30d, core_events_prior_30d, "
        "active_users_30d, active_users_90d_ago "
        "from analytics_intermediate.int_account_signals_daily "
        "join analytics_intermediate.int_accounts using (account_id) "
        "where account_name = 'LostCo' order by signal_date"
    )
    for loader, day in ((day_1, "2026-06-25"), (day_2, "2026-06-26")):
        _load_and_build_history(warehouse, loader, day)
        if day == "2026-06-25":
            assert warehouse.query(history_sql)[0][:3] == (date(2026, 6, 1), "Lead", True)
    daily = warehouse.query(history_sql)
    assert daily[0][:3] == (date(2026, 6, 15), "Lead", True)
    assert daily == _rebuilt_history(warehouse, tmp_path, "2026-06-26", history_sql)


def test_a_crm_account_loaded_or_edited_later_counts_its_icp_criteria_as_a_rebuild_would(
    empty_warehouse, tmp_path
):
    """Day 1: IcpCo's people use ws_icp from June 1 (no CRM record). Day 2: its CRM
    account arrives without a creation date (Software, 120 employees, US: its criteria
    count on every day). Day 3: the industry is edited to one outside the ICP. Each
    daily run builds IcpCo again whole, as a rebuild does."""
    warehouse = empty_warehouse

    def day_1(raw: RawLoader) -> None:
        raw.ids = iter(range(1, 1000))
        for user in ("u_icp1", "u_icp2"):
            raw.identify(user, f"{user}@icpco.com", "2026-06-01 08:00:00")
            raw.group_call(user, "ws_icp", "IcpCo", "2026-06-01 08:05:00")
        raw.core_usage("ws_icp", ["u_icp1", "u_icp2"], [f"2026-06-{d:02d}" for d in range(1, 26)])

    def day_2(raw: RawLoader) -> None:
        raw.insert(
            "raw_salesforce.account", id="001icpco", name="IcpCo", website="icpco.com",
            industry="Software", number_of_employees=120, billing_country="US",
            is_deleted=False, _fivetran_synced="2026-06-26",
        )  # fmt: skip

    def day_3(raw: RawLoader) -> None:
        raw.con.execute(
            "update raw_salesforce.account set industry = 'Agriculture', "
            "_fivetran_synced = '2026-06-27' where id = '001icpco'"
        )

    history_sql = (
        "select signal_date, icp_criteria_met, stage, reason_codes, pql_score, is_stage_start "
        "from analytics_intermediate.int_account_signals_daily "
        "join analytics_intermediate.int_accounts using (account_id) "
        "where account_name = 'IcpCo' order by signal_date"
    )
    for loader, day, criteria in (
        (day_1, "2026-06-25", 0),
        (day_2, "2026-06-26", 3),
        (day_3, "2026-06-27", 2),
    ):
        output = _load_and_build_history(warehouse, loader, day)
        if day != "2026-06-25":
            # IcpCo built whole, 26 and 27 days: its rolling sums windowed in a daily run
            assert history_counts(output) == (1, 1, 1), day
        daily = warehouse.query(history_sql)
        assert {row[1] for row in daily} == {criteria}, day
        assert daily == _rebuilt_history(warehouse, tmp_path, day, history_sql), day


def test_an_undated_lead_loaded_later_makes_a_known_contact_as_a_rebuild_would(
    empty_warehouse, tmp_path
):
    """Day 1: KCo's people use ws_k from June 1 and give their emails on June 15 (a
    known contact from then). Day 2: a lead of KCo arrives without a creation date (a
    known contact always): the daily run builds KCo again whole, as a rebuild does."""
    warehouse = empty_warehouse

    def day_1(raw: RawLoader) -> None:
        raw.ids = iter(range(1, 1000))
        for user in ("u_k1", "u_k2"):
            raw.group_call(user, "ws_k", "KCo", "2026-06-01 08:05:00")
            raw.identify(user, f"{user}@kco.com", "2026-06-15 08:00:00")
        raw.core_usage("ws_k", ["u_k1", "u_k2"], [f"2026-06-{d:02d}" for d in range(1, 26)])

    def day_2(raw: RawLoader) -> None:
        raw.insert(
            "raw_salesforce.lead", id="00Qkco", email="buyer@kco.com", company="KCo",
            status="Open - Not Contacted", is_converted=False, is_deleted=False,
            _fivetran_synced="2026-06-26",
        )  # fmt: skip

    history_sql = (
        "select signal_date, has_known_contact, stage, reason_codes, is_stage_start "
        "from analytics_intermediate.int_account_signals_daily "
        "join analytics_intermediate.int_accounts using (account_id) "
        "where workspace_id = 'ws_k' order by signal_date"
    )
    for loader, day, first_known in (
        (day_1, "2026-06-25", date(2026, 6, 15)),
        (day_2, "2026-06-26", date(2026, 6, 1)),
    ):
        _load_and_build_history(warehouse, loader, day)
        daily = warehouse.query(history_sql)
        assert min(row[0] for row in daily if row[1]) == first_known, day
        assert daily == _rebuilt_history(warehouse, tmp_path, day, history_sql), day


def test_a_run_back_in_time_then_forward_again_equals_a_rebuild(empty_warehouse, tmp_path):
    """Day 1: IcpCo (a CRM account in Agriculture) and its people in ws_back from June
    1, built to June 25. Then its industry is edited to Software (one more ICP criterion
    on every day) and BCo's lead arrives, and a run goes back to June 10 to look at the
    past: both are built whole, to June 10 only. The next run, as of June 27, must not
    keep IcpCo's days from before the edit, nor leave BCo without June 11 to 24: it
    equals a rebuild."""
    warehouse = empty_warehouse

    def day_1(raw: RawLoader) -> None:
        raw.ids = iter(range(1, 1000))
        raw.insert(
            "raw_salesforce.account", id="001icpco", name="IcpCo", website="icpco.com",
            industry="Agriculture", number_of_employees=120, billing_country="US",
            created_date="2026-06-01", is_deleted=False, _fivetran_synced="2026-06-01",
        )  # fmt: skip
        raw.workspace_members("ws_back", "IcpCo", ["u_b1", "u_b2"], "2026-06-01")
        raw.core_usage("ws_back", ["u_b1", "u_b2"], [f"2026-06-{d:02d}" for d in range(1, 26)])

    def late_records(raw: RawLoader) -> None:
        raw.con.execute(
            "update raw_salesforce.account set industry = 'Software', "
            "_fivetran_synced = '2026-06-26' where id = '001icpco'"
        )
        raw.insert(
            "raw_salesforce.lead", id="00Qbco", email="bea@bco.com", company="BCo",
            status="Open - Not Contacted", is_converted=False, is_deleted=False,
            created_date="2026-06-01", last_modified_date="2026-06-01",
            _fivetran_synced="2026-06-26",
        )  # fmt: skip

    history_sql = (
        "select account_name, signal_date, icp_criteria_met, stage, is_stage_start "
        "from analytics_intermediate.int_account_signals_daily "
        "join analytics_intermediate.int_accounts using (account_id) order by 1, 2"
    )
    _load_and_build_history(warehouse, day_1, "2026-06-25")
    assert {row[2] for row in warehouse.query(history_sql)} == {2}
    _load_and_build_history(warehouse, late_records, "2026-06-10")
    output = _load_and_build_history(warehouse, lambda raw: None, "2026-06-27")
    # built to June 10 only: 20 days to build for both, windowed
    assert history_counts(output) == (0, 2, 2)
    daily = warehouse.query(history_sql)
    assert [row[0] for row in daily].count("BCo") == 27
    assert {row[2] for row in daily if row[0] == "IcpCo"} == {3}
    assert daily == _rebuilt_history(warehouse, tmp_path, "2026-06-27", history_sql)


def test_a_row_loaded_years_ahead_does_not_stop_later_runs_reading_new_rows(empty_warehouse):
    """A loader whose clock was set to 2100 writes one track: the next run must still
    read the rows loaded since (a run's batch starts from the latest load day that is
    not after the run's own day)."""
    warehouse = empty_warehouse
    build = ["build", *as_far_as("stg_segment__tracks")]
    as_of = {"as_of_date": "2026-06-30"}

    def load(raw: RawLoader) -> None:
        raw.track("w1", "Task Completed", "2026-06-10 10:00:00", user="u1")
        raw.track("w1", "Task Completed", "2100-01-01 00:00:00", user="u1")

    def load_later(raw: RawLoader) -> None:
        raw.ids = iter(range(100, 200))
        raw.track("w1", "Task Completed", "2026-06-20 10:00:00", user="u1")

    for loader in (load, load_later):
        con = duckdb.connect(str(warehouse.db))
        try:
            loader(RawLoader(con))
        finally:
            con.close()
        warehouse.dbt(*build, vars=as_of)  # reconciles_with_source fails on a row missed
    assert warehouse.query("select count(*) from analytics_staging.stg_segment__tracks") == [(3,)]


def test_an_erasure_reaching_a_device_linked_later_leaves_no_count_in_the_history(
    empty_warehouse, tmp_path
):
    """Pia (u_p) and Eli work in ws_e from June 10; Pia's laptop devP was used signed
    out there June 10 to 20. Pia asks for erasure on June 26 (built June 26 to 28). On
    June 29 a login shows devP is Pia's: the erasure reaches it, the event models drop
    its events, and the history, which counted them on every day up to July 20, must
    drop them as a rebuild does, although the request is days old."""
    warehouse = empty_warehouse

    def day_1(raw: RawLoader) -> None:
        raw.ids = iter(range(1, 1000))
        raw.workspace_members("ws_e", "EpsCo", ["u_p", "u_eli"], "2026-06-10")
        raw.core_usage("ws_e", ["u_p", "u_eli"], [f"2026-06-{d}" for d in range(10, 26)])
        for day in range(10, 21):
            raw.track("ws_e", "Task Completed", f"2026-06-{day} 13:00:00", anonymous="devP")

    def request(raw: RawLoader) -> None:
        raw.insert(
            "raw_privacy.erasure_requests",
            identifier_type="email",
            identifier_value="u_p@epsco.com",
            requested_at="2026-06-26 08:00:00",
        )

    def link(raw: RawLoader) -> None:
        raw.ids = iter(range(1000, 2000))
        raw.identify("u_p", None, "2026-06-29 08:00:00", anonymous="devP")

    history_sql = (
        "select signal_date, core_events_30d, active_users_30d "
        "from analytics_intermediate.int_account_signals_daily "
        "join analytics_intermediate.int_accounts using (account_id) "
        "where account_name = 'EpsCo' order by signal_date"
    )
    _load_and_build_history(warehouse, day_1, "2026-06-25")
    for loader, day in ((request, "2026-06-26"), (None, "2026-06-27"), (None, "2026-06-28")):
        _load_and_build_history(warehouse, loader or (lambda raw: None), day)
    # Pia's own events are gone; devP is not hers yet: its events count for EpsCo, as
    # a second active user
    assert (date(2026, 6, 20), 2 * 11 + 11, 2) in warehouse.query(history_sql)
    _load_and_build_history(warehouse, link, "2026-06-29")
    daily = warehouse.query(history_sql)
    assert (date(2026, 6, 20), 2 * 11, 1) in daily  # Eli alone
    assert daily == _rebuilt_history(warehouse, tmp_path, "2026-06-29", history_sql)
