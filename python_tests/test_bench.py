"""The scale benchmark's parts, on small worlds: the sizing, the single-pass baseline,
the appended day, and identity resolution at 1x and 10x edges."""

from __future__ import annotations

import json
import os
import shutil
import sys
from collections import defaultdict
from datetime import datetime, timedelta

import duckdb
import pytest

from lifecycle import bench
from lifecycle.dbt_runner import dbt_env
from lifecycle.generator import generate


@pytest.fixture(scope="module")
def raw_world(tmp_path_factory):
    """A raw world sized by the benchmark's own rule for 60k events and 300 accounts."""
    db = tmp_path_factory.mktemp("bench_world") / "bench_raw.duckdb"
    scale, activity = bench.world_parameters(events=60_000, accounts=300)
    generate(db, seed=5, scale=scale, today=bench.BENCH_TODAY, activity=activity)
    return db


def test_world_parameters_give_about_the_requested_number_of_events(raw_world):
    con = duckdb.connect(str(raw_world), read_only=True)
    events = con.execute("select count(*) from raw_segment.tracks").fetchone()[0]
    con.close()
    assert 0.75 * 60_000 <= events <= 1.25 * 60_000


def test_a_world_is_reused_only_when_generated_by_this_generator_and_contract(tmp_path):
    raw_db = tmp_path / "bench_raw.duckdb"
    world = {"seed": 3, "scale": 0.02, "activity": 0.05}
    assert not bench.ensure_world(raw_db, **world)["reused"]
    assert bench.ensure_world(raw_db, **world)["reused"]
    # a world written by an older generator or contract (its fingerprint differs) is
    # generated again: it could lack a column the models now read
    manifest = raw_db.with_name("bench_raw.generator.json")
    recorded = json.loads(manifest.read_text())
    manifest.write_text(json.dumps(recorded | {"fingerprint": "older"}))
    assert not bench.ensure_world(raw_db, **world)["reused"]
    assert json.loads(manifest.read_text())["fingerprint"] == recorded["fingerprint"] != ""


def test_baseline_equals_a_count_in_python(raw_world):
    result = bench.baseline(raw_world, bench.BENCH_TODAY, repeats=1)
    con = duckdb.connect(str(raw_world), read_only=True)
    rows = con.execute(
        'select context_group_id, user_id, event, "timestamp" from raw_segment.tracks'
    ).fetchall()
    con.close()
    as_of = datetime.combine(bench.BENCH_TODAY, datetime.min.time())
    core = set(bench.core_event_names())
    expected: dict[str, list] = defaultdict(lambda: [0, set(), 0])
    for account, user, event, ts in rows:
        if account is None or not as_of - timedelta(days=60) <= ts < as_of:
            continue
        counts = expected[account]
        if ts >= as_of - timedelta(days=30):
            if event in core:
                counts[0] += 1
                if user is not None:
                    counts[1].add(user)
        else:
            counts[2] += 1
    assert result["accounts"] == len(expected) > 0
    assert result["events_read"] == len(rows)

    con = duckdb.connect(str(raw_world), read_only=True)
    got = con.execute(bench.BASELINE_SQL, {"as_of": as_of, "core": sorted(core)}).fetchall()
    con.close()
    assert {a: (c, u, p) for a, c, u, p in got} == {
        a: (c, len(u), p) for a, (c, u, p) in expected.items()
    }


def test_one_more_day_repeats_the_last_load_a_day_later_under_new_ids(raw_world, tmp_path):
    db = tmp_path / raw_world.name
    shutil.copy(raw_world, db)
    last_day = bench.BENCH_TODAY - timedelta(days=1)
    con = duckdb.connect(str(db), read_only=True)
    before = con.execute(
        "select count(*), max(uuid_ts), count(distinct id) from raw_segment.tracks "
        "where cast(uuid_ts as date) = ?",
        [last_day],
    ).fetchone()
    total_before, ids_before = con.execute(
        "select count(*), count(distinct id) from raw_segment.tracks"
    ).fetchone()
    con.close()

    appended = bench.append_one_day(db, last_day)

    con = duckdb.connect(str(db), read_only=True)
    after = con.execute(
        "select count(*), max(uuid_ts) from raw_segment.tracks where cast(uuid_ts as date) = ?",
        [bench.BENCH_TODAY],
    ).fetchone()
    newest_before = before[1]
    total, distinct_ids = con.execute(
        "select count(*), count(distinct id) from raw_segment.tracks"
    ).fetchone()
    con.close()
    assert appended["raw_segment.tracks"] == before[0] > 0
    assert total == total_before + before[0]
    assert after[1] == newest_before + timedelta(days=1)
    assert after[0] >= before[0]  # rows loaded in today's first minutes were there already
    assert distinct_ids == ids_before + before[2]  # no new id collides with an old one


def test_identity_alone_resolves_ten_copies_into_ten_times_the_persons(small_world, tmp_path):
    warehouse = small_world.copy_to(tmp_path)
    env = {**os.environ, **dbt_env(warehouse.db), "DBT_SEND_ANONYMOUS_USAGE_STATS": "false"}
    result = bench.identity_alone(warehouse.db, tmp_path, env, bench.iterations_var())
    persons = warehouse.scalar(
        "select count(distinct component_num) "
        "from analytics_intermediate.int_identity_components as components "
        "inner join analytics_intermediate.int_identity_nodes as nodes "
        "on components.node_num = nodes.node_num where nodes.exclusion_reason is null"
    )
    assert result["1x"]["components"] == persons
    assert result["10x"]["components"] == 10 * persons
    assert result["10x"]["edges"] == 10 * result["1x"]["edges"]
    assert result["ratio_10x_over_1x"] > 0
    assert result["engine_reference_ratio_10x_over_1x"] > 0


def test_a_phase_reports_its_own_peak_memory_not_the_bench_process(tmp_path):
    held_by_the_bench = b"\x01" * (600 * 1024 * 1024)  # resident in this process
    child = "b = b'\\x01' * (200 * 1024 * 1024); import time; time.sleep(0.6)"
    phase = bench.run_measured(
        "child", [sys.executable, "-c", child], dict(os.environ), tmp_path / "child.log"
    )
    assert phase.ok
    assert 200 <= phase.peak_rss_mib < 500
    assert len(held_by_the_bench) > 0


def test_a_tiny_bench_measures_every_phase_and_writes_its_figures(tmp_path):
    """The whole `make bench` run on a tiny world: four dbt builds (the two with tests as
    the nightly selector runs them: data tests, no unit tests), the unit tests alone,
    identity alone, JSON. The phases reuse each other's parse (three parses fewer)."""
    lines: list[str] = []
    result = bench.run_bench(
        tmp_path / "bench",
        tmp_path / "results",
        events=20_000,
        accounts=100,
        reuse_parse=True,
        progress=lines.append,
    )
    names = [phase.name for phase in result.phases]
    assert names == [
        "full_build_without_tests",
        "incremental_build_without_tests",
        "full_build",
        "incremental_build",
        "unit_tests",
    ]
    assert all(phase.ok and phase.seconds > 0 for phase in result.phases)
    seconds = {phase.name: phase.seconds for phase in result.phases}
    assert result.ratios["incremental_over_full_without_tests"] == round(
        seconds["incremental_build_without_tests"] / seconds["full_build_without_tests"], 3
    )
    assert result.ratios["incremental_over_full"] == round(
        seconds["incremental_build"] / seconds["full_build"], 3
    )
    assert sum(result.rows["appended_for_incremental"].values()) > 0
    ran = {
        name: _resource_types(tmp_path / "bench" / name / "target" / "run_results.json")
        for name in names
    }
    for nightly in ("full_build", "incremental_build"):
        assert {"model", "test"} <= ran[nightly] and "unit_test" not in ran[nightly]
    assert "unit_test" in ran["unit_tests"] and not {"model", "test"} & ran["unit_tests"]
    assert not {"test", "unit_test"} & ran["full_build_without_tests"]
    for name in names:  # the split names what ran, and no more time than the phase took
        split = result.time_split[name]
        assert {kind.split(" ")[0] for kind in split["node_seconds"]} == ran[name]
        assert 0 < split["seconds_before_nodes"] < seconds[name]
    assert any(
        kind.startswith("model (incremental)")
        for kind in result.time_split["incremental_build"]["node_seconds"]
    )
    assert set(result.slowest_nodes) == set(names)
    for name in names:  # the longest chain is made of nodes that ran, in no more time
        chain = result.longest_chain[name]
        ran_seconds = _node_seconds(tmp_path / "bench" / name / "target" / "run_results.json")
        assert chain["nodes"] and {n["node"] for n in chain["nodes"]} <= set(ran_seconds)
        assert 0 < chain["node_seconds"] <= sum(ran_seconds.values())
    assert result.longest_chain["full_build"]["test_seconds"] > 0  # a model waits for tests
    assert result.longest_chain["full_build_without_tests"]["test_seconds"] == 0
    for name in names:  # a phase reuses the parse of the one before it with the same vars
        parsed_again = (
            "Unable to do partial parsing" in (tmp_path / "bench" / name / "dbt.log").read_text()
        )
        assert parsed_again == (
            name in ("full_build_without_tests", "incremental_build_without_tests")
        )

    written = json.loads((tmp_path / "results" / "bench-latest.json").read_text())
    assert written["ratios"] == result.ratios
    assert [phase["name"] for phase in written["phases"]] == names
    assert "incremental_build_without_tests" in lines[-2]  # the printed table


def test_the_longest_chain_follows_the_test_edges_dbt_build_adds(tmp_path):
    """b waits for a's test (dbt build's test edge) and for c: the chain a, test, b (8 s)
    outlasts c, b (5 s); the source ran no node and the view was not selected, so both
    count zero seconds but keep their edges."""
    graph = {
        "0": {"name": "source.p.raw.events", "type": "source", "succ": [1, 4]},
        "1": {"name": "model.p.a", "type": "model", "succ": [2, 3]},
        "2": {"name": "test.p.unique_a_id", "type": "test", "succ": [3]},
        "3": {"name": "model.p.b", "type": "model", "succ": []},
        "4": {"name": "model.p.unselected_view", "type": "model", "succ": [5]},
        "5": {"name": "model.p.c", "type": "model", "succ": [3]},
    }
    seconds = {"model.p.a": 2.0, "test.p.unique_a_id": 5.0, "model.p.b": 1.0, "model.p.c": 4.0}
    (tmp_path / "graph_summary.json").write_text(
        json.dumps({"linked": {}, "with_test_edges": graph})
    )
    run_results = tmp_path / "run_results.json"
    run_results.write_text(
        json.dumps({"results": [{"unique_id": n, "execution_time": s} for n, s in seconds.items()]})
    )
    chain = bench.longest_chain(run_results)
    assert [node["node"] for node in chain["nodes"]] == [
        "model.p.a",
        "test.p.unique_a_id",
        "model.p.b",
    ]
    assert (chain["node_seconds"], chain["test_seconds"]) == (8.0, 5.0)

    seconds["model.p.c"] = 7.5  # now the chain through the unselected view is longer
    run_results.write_text(
        json.dumps({"results": [{"unique_id": n, "execution_time": s} for n, s in seconds.items()]})
    )
    assert [node["node"] for node in bench.longest_chain(run_results)["nodes"]] == [
        "model.p.c",
        "model.p.b",
    ]


def _node_seconds(run_results) -> dict[str, float]:
    results = json.loads(run_results.read_text())["results"]
    return {result["unique_id"]: result["execution_time"] for result in results}


def _resource_types(run_results) -> set[str]:
    """The kinds of node a dbt run ran (model, test, unit_test, ...)."""
    results = json.loads(run_results.read_text())["results"]
    return {result["unique_id"].split(".")[0] for result in results}
