"""Lifecycle stages on generated worlds: coverage, history, snapshots, incremental runs."""

from __future__ import annotations

from datetime import date, timedelta
from itertools import pairwise

import duckdb

from conftest import ROOT, WITHOUT_UNIT_TESTS, Warehouse
from lifecycle.generator import generate
from lifecycle.summary import render, summarize

STAGES = {
    "Unknown",
    "Lead",
    "Qualified",
    "Opportunity",
    "Customer",
    "Active",
    "Expansion",
    "Risk",
    "Dormant",
}


def test_all_nine_stages_occur_in_the_default_world_and_the_summary_shows_them(tmp_path):
    db = tmp_path / "warehouse.duckdb"
    result = generate(db, seed=42, scale=1.0, today=date(2026, 6, 30))
    warehouse = Warehouse(db, ROOT, tmp_path)
    warehouse.dbt("build", *WITHOUT_UNIT_TESTS, vars={"as_of_date": result.as_of_date})

    counts = dict(
        warehouse.query(
            "select stage, count(*) from analytics_marts.lifecycle_state group by stage"
        )
    )
    assert set(counts) == STAGES
    assert all(count >= 3 for count in counts.values()), counts

    text = render(summarize(db))
    assert "Accounts by lifecycle stage" in text
    for stage in STAGES:
        assert f"  {stage}" in text


def test_stage_history_snapshots_and_incremental_runs_agree(tmp_path):
    first, second = date(2026, 5, 31), date(2026, 6, 30)
    db = tmp_path / "warehouse.duckdb"
    generate(db, seed=5, scale=0.15, today=second)
    warehouse = Warehouse(db, ROOT, tmp_path)

    # Day one: a full build as of the end of May, then an incremental build a month
    # later. Each `dbt build` snapshots lifecycle_state and runs every data test,
    # including the one comparing the incrementally built history with the state.
    warehouse.dbt(
        "build", "--full-refresh", *WITHOUT_UNIT_TESTS, vars={"as_of_date": first.isoformat()}
    )
    stages_first = dict(
        warehouse.query("select account_id, stage from analytics_marts.lifecycle_state")
    )
    warehouse.dbt("build", *WITHOUT_UNIT_TESTS, vars={"as_of_date": second.isoformat()})
    stages_second = dict(
        warehouse.query("select account_id, stage from analytics_marts.lifecycle_state")
    )

    versions = warehouse.query(
        "select account_id, stage, dbt_valid_from, dbt_valid_to, entered_stage_at "
        "from analytics_snapshots.lifecycle_state_snapshot order by account_id, dbt_valid_from"
    )
    by_account: dict[str, list[tuple]] = {}
    for account_id, stage, valid_from, valid_to, entered in versions:
        by_account.setdefault(account_id, []).append((stage, valid_from, valid_to, entered))
    entered_second = dict(
        warehouse.query("select account_id, entered_stage_at from analytics_marts.lifecycle_state")
    )

    changed = {a for a in stages_first if stages_second.get(a) not in (None, stages_first[a])}
    assert changed, "a month should move some accounts"
    for account_id, rows in by_account.items():
        current = [r for r in rows if r[2] is None]
        if account_id not in stages_second:
            assert current == [], account_id  # left lifecycle_state: closed
            continue
        assert len(current) == 1, account_id
        assert current[0][0] == stages_second[account_id]
        assert current[0][3] == entered_second[account_id]
        for (_, start, end, _), (_, next_start, _, _) in pairwise(rows):
            assert end == next_start and start < next_start, account_id
    for account_id in changed:
        assert len(by_account[account_id]) == 2
        assert by_account[account_id][0][0] == stages_first[account_id]

    # The incrementally built history equals a full rebuild as of the same day.
    rebuilt = warehouse.copy_to(tmp_path / "rebuilt")
    rebuilt.dbt(
        "run",
        "--full-refresh",
        "--select",
        "int_account_signals_daily",
        vars={"as_of_date": second.isoformat()},
    )
    compare = (
        "select * from {db}.analytics_intermediate.int_account_signals_daily "
        "except select * from {other}.analytics_intermediate.int_account_signals_daily"
    )
    con = duckdb.connect()
    con.execute(f"attach '{db}' as incremental (read_only)")
    con.execute(f"attach '{rebuilt.db}' as rebuilt (read_only)")
    assert con.execute(compare.format(db="incremental", other="rebuilt")).fetchall() == []
    assert con.execute(compare.format(db="rebuilt", other="incremental")).fetchall() == []
    rows = con.execute(
        "select count(*), min(signal_date), max(signal_date) "
        "from incremental.analytics_intermediate.int_account_signals_daily"
    ).fetchone()
    assert rows[0] > 1000 and rows[2] == second


def test_crm_records_created_after_the_as_of_date_do_not_decide_its_icp_fit(tmp_path):
    # a lead without firmographics raises its hand on June 20; a second lead, created
    # July 10, says the company fits the ICP: as of June 30 it is still a Lead, and as
    # of July 15 Qualified
    db = tmp_path / "icp.duckdb"
    generate(db, empty=True, today=date(2026, 7, 15))
    con = duckdb.connect(str(db))
    lead = (
        "insert into raw_salesforce.lead (id, email, company, industry, number_of_employees, "
        "country, status, is_converted, created_date, last_modified_date, is_deleted, "
        "_fivetran_synced) values (?, ?, 'LateFitCo', ?, ?, ?, 'Open - Not Contacted', false, "
        "?, ?, false, ?)"
    )
    con.execute(lead, ["00Qa", "a@latefitco.com", None, None, None, *["2026-06-01"] * 3])
    con.execute(lead, ["00Qb", "b@latefitco.com", "Software", 120, "US", *["2026-07-10"] * 3])
    con.execute(
        "insert into raw_segment.identifies (id, user_id, email, timestamp, received_at) "
        "values ('i1', 'u_a', 'a@latefitco.com', '2026-06-01 09:00', '2026-06-01 09:00')"
    )
    con.execute(
        "insert into raw_segment.tracks (id, user_id, event, context_group_id, timestamp, "
        "received_at) values ('t1', 'u_a', 'Demo Requested', null, '2026-06-20 09:00', "
        "'2026-06-20 09:00')"
    )
    con.close()
    warehouse = Warehouse(db, ROOT, tmp_path)
    state_sql = (
        "select stage, icp_criteria_met from analytics_marts.lifecycle_state "
        "where account_name = 'LateFitCo'"
    )
    warehouse.dbt("build", *WITHOUT_UNIT_TESTS, vars={"as_of_date": "2026-06-30"})
    assert warehouse.query(state_sql) == [("Lead", 0)]
    warehouse.dbt("build", *WITHOUT_UNIT_TESTS, vars={"as_of_date": "2026-07-15"})
    assert warehouse.query(state_sql) == [("Qualified", 3)]


def test_a_hand_raise_or_steady_product_use_keeps_a_prospect_from_walking_away(tmp_path):
    # two prospects used the product in February (PQLs then) and went quiet; raiseco
    # asked for a demo on June 25, quietco did nothing: only quietco walked away, 90
    # days after its last use
    db = tmp_path / "walk_away.duckdb"
    generate(db, empty=True, today=date(2026, 6, 30))
    con = duckdb.connect(str(db))

    def joins(user, key, at):
        """`user` joins the workspace of `key` (a group call) at `at`."""
        con.execute(
            "insert into raw_segment.groups (id, user_id, group_id, name, timestamp, "
            "received_at) values (?, ?, ?, ?, ?, ?)",
            [f"g_{user}", user, f"ws_{key}", key, at, at],
        )

    tracks = []
    for key in ("raiseco", "quietco"):
        users = [f"{key}_u1", f"{key}_u2"]
        for n, user in enumerate(users):
            con.execute(
                "insert into raw_segment.identifies (id, user_id, email, timestamp, received_at) "
                "values (?, ?, ?, '2026-02-01 08:00', '2026-02-01 08:00')",
                [f"i_{user}", user, f"person{n}@{key}.com"],
            )
            joins(user, key, "2026-02-01 08:00")
        steps = [("Signed Up", 1), ("Project Created", 2), ("Team Member Invited", 3)]
        tracks += [(users[0], key, event, f"2026-02-{day:02d} 09:00") for event, day in steps]
        tracks += [
            (user, key, "Task Completed", f"2026-02-{day:02d} {hour:02d}:00")
            for day in range(4, 21)
            for user in users
            for hour in (10, 11)
        ]
    tracks.append(("raiseco_u1", "raiseco", "Demo Requested", "2026-06-25 09:00"))
    # soloco never activated (no project, no invite) but has used the product every
    # week since December 2024: not idle, so its 18-month activation clock does not run
    joins("solo_u1", "soloco", "2024-12-01 08:00")
    tracks.append(("solo_u1", "soloco", "Signed Up", "2024-12-01 09:00"))
    # oldraiseco signed up and asked for a demo in June 2024, then nothing: it walked
    # away 90 days after that last step
    joins("old_u1", "oldraiseco", "2024-06-10 08:00")
    tracks.append(("old_u1", "oldraiseco", "Signed Up", "2024-06-10 09:00"))
    tracks.append(("old_u1", "oldraiseco", "Demo Requested", "2024-06-10 10:00"))
    # gatedco, first seen in June 2024, tried a gated feature on June 20: a step, so it
    # has not walked away for lacking activation 18 months on
    joins("gated_u1", "gatedco", "2024-06-10 08:00")
    tracks.append(("gated_u1", "gatedco", "Feature Gated", "2026-06-20 09:00"))
    first_week = date(2024, 12, 2)
    tracks += [
        ("solo_u1", "soloco", "Task Completed", f"{first_week + timedelta(weeks=n)} 10:00")
        for n in range(80)
    ]
    con.executemany(
        "insert into raw_segment.tracks (id, user_id, event, context_group_id, timestamp, "
        "received_at) values (?, ?, ?, ?, ?, ?)",
        [
            (f"t{n}", user, event, f"ws_{key}", at, at)
            for n, (user, key, event, at) in enumerate(tracks)
        ],
    )
    con.close()
    warehouse = Warehouse(db, ROOT, tmp_path)
    warehouse.dbt("build", *WITHOUT_UNIT_TESTS, vars={"as_of_date": "2026-06-30"})

    assert warehouse.query(
        "select account_name, pql_status, walk_away_reason, cast(walk_away_date as varchar) "
        "from analytics_marts.pql_status order by account_name"
    ) == [
        ("gatedco", "not_pql", None, None),
        ("oldraiseco", "disqualified", "no_product_use", "2024-09-08"),
        ("quietco", "disqualified", "no_product_use", "2026-05-21"),
        ("raiseco", "pql", None, None),
        ("soloco", "not_pql", None, None),
    ]
