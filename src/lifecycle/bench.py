"""Scale benchmark: what a nightly run costs at about 10M events, against a single pass.

One run measures, on one generated world:

- baseline: hand-written DuckDB SQL reading the raw events once, per account: core events
  in the last 30 days, active users, and events in the 30 days before (the floor);
- full build: `dbt build` from raw tables, once without tests and once as the nightly
  job runs it (`--selector nightly`: every data test; unit tests run in CI instead);
- incremental: one more day of events appended, then `dbt build` for the next as_of_date;
- unit tests alone: what CI adds to a build (their inputs are static);
- identity resolution alone: the connected-components step on the world's identity graph
  (1x) and on ten relabelled copies of it (10x edges).

Each dbt phase runs in a child process; its wall time and peak resident memory (the
child's own high-water mark, VmHWM) are recorded. Results are printed and written as JSON.
"""

from __future__ import annotations

import json
import os
import platform
import shutil
import subprocess
import sys
import time
from dataclasses import asdict, dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import duckdb

from lifecycle.contract import project_root
from lifecycle.dbt_runner import dbt_env
from lifecycle.generator import fingerprint, generate, read_manifest
from lifecycle.summary import summarize

# Measured on the generator at activity 1.0: accounts and track events per 1.0 of scale.
ACCOUNTS_PER_SCALE = 825
EVENTS_PER_SCALE_AND_ACTIVITY = 610_000
BENCH_TODAY = date(2026, 11, 23)
IDENTITY_ITERATIONS_VAR = "identity_max_iterations"
DEFAULT_MEMORY_LIMIT = "3GB"  # profiles.yml's default for LIFECYCLE_DUCKDB_MEMORY_LIMIT
PARSE_FILE = "partial_parse.msgpack"  # where dbt saves its parse in the target folder

TARGETS = {
    "full_over_baseline": 3.0,
    "full_seconds": 90.0,
    "incremental_over_full": 0.10,
    "peak_rss_gib": 4.0,
    "identity_10x_over_1x": 12.0,
}


@dataclass
class Phase:
    name: str
    seconds: float
    peak_rss_mib: float
    returncode: int
    command: str

    @property
    def ok(self) -> bool:
        return self.returncode == 0


@dataclass
class BenchResult:
    started_at: str
    machine: dict
    world: dict
    baseline: dict
    phases: list[Phase] = field(default_factory=list)
    slowest_nodes: dict[str, list[dict]] = field(default_factory=dict)
    time_split: dict[str, dict] = field(default_factory=dict)
    longest_chain: dict[str, dict] = field(default_factory=dict)
    rows: dict = field(default_factory=dict)
    identity: dict = field(default_factory=dict)
    ratios: dict = field(default_factory=dict)
    targets: dict = field(default_factory=lambda: dict(TARGETS))

    def phase(self, name: str) -> Phase:
        return next(p for p in self.phases if p.name == name)


def world_parameters(events: int, accounts: int) -> tuple[float, float]:
    """Generator scale and activity that give about `events` track events and `accounts`."""
    scale = accounts / ACCOUNTS_PER_SCALE
    activity = events / (scale * EVENTS_PER_SCALE_AND_ACTIVITY)
    return round(scale, 3), round(activity, 4)


def ensure_world(raw_db: Path, *, seed: int, scale: float, activity: float) -> dict:
    """Generate the raw world unless an identical one is already on disk: same parameters,
    same generator code and raw contract (a world from an older generator can lack a
    column the models now read)."""
    manifest = read_manifest(raw_db)
    wanted = {
        "seed": seed,
        "scale": scale,
        "activity": activity,
        "today": str(BENCH_TODAY),
        "fingerprint": fingerprint(),
    }
    if manifest and raw_db.exists():
        found = {k: getattr(manifest, k) for k in wanted}
        if found == wanted and not manifest.empty:
            return {**asdict(manifest), "reused": True}
    raw_db.parent.mkdir(parents=True, exist_ok=True)
    result = generate(raw_db, seed=seed, scale=scale, today=BENCH_TODAY, activity=activity)
    return {**asdict(result), "reused": False}


def _high_water_kib(pid: int) -> int | None:
    """The process's own peak resident size so far (VmHWM), or None once it is gone."""
    try:
        with open(f"/proc/{pid}/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except (FileNotFoundError, ProcessLookupError):
        return None
    return None


def run_measured(name: str, command: list[str], env: dict[str, str], log: Path) -> Phase:
    """Run a command as a child process; wall seconds and the child's peak RSS.

    The peak is the child's VmHWM, read every 0.2 s until it exits: the resource usage
    wait4 reports would also count the bench's own memory, which a child holds for a
    moment between fork and exec."""
    log.parent.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    peak_kib = 0
    with log.open("w") as out:
        proc = subprocess.Popen(command, cwd=project_root(), env=env, stdout=out, stderr=out)
        while True:
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                break
            peak_kib = max(peak_kib, _high_water_kib(proc.pid) or 0)
            time.sleep(0.2)
    seconds = time.perf_counter() - started
    proc.returncode = os.waitstatus_to_exitcode(status)
    return Phase(
        name=name,
        seconds=round(seconds, 2),
        peak_rss_mib=round((peak_kib or usage.ru_maxrss) / 1024, 1),  # KiB on Linux
        returncode=proc.returncode,
        command=" ".join(command[1:]),
    )


def core_event_names() -> list[str]:
    taxonomy = project_root() / "seeds" / "lifecycle" / "event_taxonomy.csv"
    con = duckdb.connect()
    try:
        rows = con.execute(
            "select event_name from read_csv(?, header = true) where is_core", [str(taxonomy)]
        ).fetchall()
    finally:
        con.close()
    return [r[0] for r in rows]


BASELINE_SQL = """
select
    context_group_id as account_id,
    count(*) filter (
        where "timestamp" >= $as_of - interval 30 day and event in $core
    ) as core_events_30d,
    count(distinct user_id) filter (
        where "timestamp" >= $as_of - interval 30 day and event in $core
    ) as active_users_30d,
    count(*) filter (
        where "timestamp" < $as_of - interval 30 day
    ) as events_prior_30d
from raw_segment.tracks
where
    context_group_id is not null
    and "timestamp" >= $as_of - interval 60 day
    and "timestamp" < $as_of
group by context_group_id
"""


def timed_runs(
    con: duckdb.DuckDBPyConnection, sql: str, params: dict | None = None, repeats: int = 3
) -> tuple[list[float], list]:
    """Wall seconds of each of `repeats` runs of `sql`, and the rows of the last."""
    timings, rows = [], []
    for _ in range(repeats):
        started = time.perf_counter()
        rows = con.execute(sql, params).fetchall()
        timings.append(time.perf_counter() - started)
    return timings, rows


def baseline(raw_db: Path, as_of: date, repeats: int = 3) -> dict:
    """The single-pass floor: best of `repeats` runs of BASELINE_SQL on the raw events."""
    con = duckdb.connect(str(raw_db), read_only=True)
    try:
        con.execute("set threads = 2")
        params = {"as_of": datetime.combine(as_of, datetime.min.time()), "core": core_event_names()}
        timings, rows = timed_runs(con, BASELINE_SQL, params, repeats)
        events = con.execute("select count(*) from raw_segment.tracks").fetchone()[0]
    finally:
        con.close()
    return {
        "seconds": round(min(timings), 3),
        "all_seconds": [round(t, 3) for t in timings],
        "accounts": len(rows),
        "events_read": events,
        "sql": " ".join(BASELINE_SQL.split()),
    }


# One more day of data: the rows of every append-only event table that the loaders
# delivered on the last load day, delivered again a day later under new ids, every time
# moved forward a day. Tables with a load time (uuid_ts) are cut on it, the others on
# received_at, so every new row has a load time newer than anything already loaded.
APPEND_TABLES = {
    "raw_segment.tracks": ("uuid_ts", ("timestamp", "received_at", "uuid_ts")),
    "raw_segment.pages": ("received_at", ("timestamp", "received_at")),
    "raw_segment.identifies": ("received_at", ("timestamp", "received_at")),
}


def append_one_day(db: Path, last_day: date) -> dict[str, int]:
    con = duckdb.connect(str(db))
    appended = {}
    try:
        for table, (load_column, time_columns) in APPEND_TABLES.items():
            columns = [r[0] for r in con.execute(f"describe {table}").fetchall()]
            shifted = [
                "md5(id || '+1d') as id"
                if c == "id"
                else f'"{c}" + interval 1 day as "{c}"'
                if c in time_columns
                else f'"{c}"'
                for c in columns
            ]
            sql = (
                f"insert into {table} select {', '.join(shifted)} from {table} "
                f'where cast("{load_column}" as date) = ?'
            )
            appended[table] = con.execute(sql, [last_day]).fetchone()[0]
    finally:
        con.close()
    return appended


def dbt_command(args: list[str], work: Path, as_of: date, fresh_parse: bool = True) -> list[str]:
    """A phase's dbt command. By default each phase parses the project from scratch, as
    a nightly job on a fresh machine does: a saved parse left in the phase's folder by
    an earlier bench, of older files, would make the time before the first node depend
    on what changed since (and dbt once re-parsed such a change into a manifest without
    the YAML snapshot). Without `fresh_parse`, dbt may reuse the saved parse it finds in
    the phase's target folder."""
    dbt = str(Path(sys.executable).with_name("dbt"))
    return [
        dbt,
        *args,
        *(["--no-partial-parse"] if fresh_parse else []),
        "--target-path",
        str(work / "target"),
        "--log-path",
        str(work / "logs"),
        "--vars",
        json.dumps({"as_of_date": as_of.isoformat()}),
    ]


def run_artifacts(run_results: Path) -> tuple[dict, dict]:
    """A dbt phase's run_results.json and the manifest.json written beside it."""
    manifest = json.loads((run_results.parent / "manifest.json").read_text())
    return json.loads(run_results.read_text()), manifest


def slowest_nodes(run_results: Path, n: int = 10) -> list[dict]:
    results = json.loads(run_results.read_text())["results"]
    ranked = sorted(results, key=lambda r: r["execution_time"], reverse=True)[:n]
    return [
        {"node": r["unique_id"], "seconds": round(r["execution_time"], 2), "status": r["status"]}
        for r in ranked
    ]


def time_split(run_results: Path, wall_seconds: float) -> dict:
    """Where a dbt phase's time went: before the first node (start-up and parsing the
    project), and the summed node seconds by kind of node, models by materialization
    (a table model is rebuilt whole on every run, an incremental one is not)."""
    run, manifest = run_artifacts(run_results)
    node_seconds: dict[str, float] = {}
    for node in run["results"]:
        kind = node["unique_id"].split(".")[0]
        if kind == "model":
            materialized = manifest["nodes"][node["unique_id"]]["config"]["materialized"]
            kind = f"model ({materialized})"
        node_seconds[kind] = node_seconds.get(kind, 0.0) + node["execution_time"]
    return {
        "seconds_before_nodes": round(max(wall_seconds - run["elapsed_time"], 0.0), 2),
        "node_seconds": {kind: round(sec, 2) for kind, sec in sorted(node_seconds.items())},
    }


def longest_chain(run_results: Path) -> dict:
    """The chain of nodes each waiting for the one before it that took the most node
    seconds: no number of threads runs a phase faster than this chain. It follows the
    graph dbt ran (`graph_summary.json`'s `with_test_edges`), in which `dbt build` makes a
    model's children wait for the model's tests (other commands write only the graph
    without them, `linked`); nodes that did not run (sources, nodes left out by the
    selection) count zero seconds and keep their edges."""
    run = json.loads(run_results.read_text())
    summary = json.loads((run_results.parent / "graph_summary.json").read_text())
    graph = summary.get("with_test_edges") or summary["linked"]
    seconds = {r["unique_id"]: r["execution_time"] for r in run["results"]}
    name = {int(key): node["name"] for key, node in graph.items()}
    parents: dict[int, list[int]] = {key: [] for key in name}
    for key, node in graph.items():
        for child in node.get("succ", []):
            parents[child].append(int(key))
    # longest path in a DAG: visit every node after its parents (Kahn's order)
    waiting = {key: len(ps) for key, ps in parents.items()}
    ready = [key for key, count in waiting.items() if count == 0]
    ends: dict[int, float] = {}  # node -> seconds of the longest chain ending with it
    came_from: dict[int, int | None] = {}
    while ready:
        key = ready.pop()
        before = max(parents[key], key=lambda p: ends[p], default=None)
        came_from[key] = before
        ends[key] = (ends[before] if before is not None else 0.0) + seconds.get(name[key], 0.0)
        for child in graph[str(key)].get("succ", []):
            waiting[child] -= 1
            if waiting[child] == 0:
                ready.append(child)
    chain: list[int] = []
    node = max(ends, key=lambda key: ends[key], default=None)
    while node is not None:
        chain.append(node)
        node = came_from[node]
    ran = [name[key] for key in reversed(chain) if name[key] in seconds]
    return {
        "node_seconds": round(sum(seconds[node] for node in ran), 2),
        "test_seconds": round(sum(seconds[n] for n in ran if n.startswith("test.")), 2),
        "nodes": [{"node": node, "seconds": round(seconds[node], 2)} for node in ran],
    }


def seconds_by_folder(run_results: Path, folder: str) -> float:
    """Summed execution time of the models whose unique id names `folder`'s models."""
    run, manifest = run_artifacts(run_results)
    in_folder = {
        uid
        for uid, node in manifest["nodes"].items()
        if node["resource_type"] == "model" and node["original_file_path"].startswith(folder)
    }
    return round(sum(r["execution_time"] for r in run["results"] if r["unique_id"] in in_folder), 2)


def identity_graph_sql(copies: int) -> str:
    """Linkable nodes and linking edges of the built identity graph, `copies` times over.

    Copy k adds k * (max node_num + 1) to every node number: the same graph shape, k+1
    times, with disjoint node sets."""
    return f"""
        create or replace temp table bench_offset as
        select max(node_num) + 1 as width from analytics_intermediate.int_identity_nodes;
        create or replace temp table bench_nodes as
        select nodes.node_num + copy.k * bench_offset.width as node_num
        from analytics_intermediate.int_identity_nodes as nodes
        cross join range({copies}) as copy (k)
        cross join bench_offset
        where nodes.exclusion_reason is null;
        create or replace temp table bench_edges as
        with edges as (
            select distinct left_node.node_num as left_num, right_node.node_num as right_num
            from analytics_intermediate.int_identity_edges as edges
            inner join analytics_intermediate.int_identity_nodes as left_node
                on edges.left_node_key = left_node.node_key
            inner join analytics_intermediate.int_identity_nodes as right_node
                on edges.right_node_key = right_node.node_key
            where left_node.exclusion_reason is null and right_node.exclusion_reason is null
        )
        select
            edges.left_num + copy.k * bench_offset.width as left_num,
            edges.right_num + copy.k * bench_offset.width as right_num
        from edges
        cross join range({copies}) as copy (k)
        cross join bench_offset;
    """


def compiled_components_sql(work: Path, env: dict[str, str], iterations: int) -> str:
    """The project's connected_components macro compiled over bench_nodes/bench_edges.

    Components are counted as the nodes that number their own component (its smallest
    node), one pass instead of a distinct count that would time the count, not the
    resolution."""
    inline = (
        "with linkable_nodes as (select node_num from bench_nodes), "
        "linking_edges as (select left_num, right_num from bench_edges), "
        f"{{{{ connected_components('g', 'linkable_nodes', 'linking_edges', {iterations}) }}}} "
        "select count(case when node_num = component_num then 1 end) as components, "
        "count(*) as nodes from g_components"
    )
    dbt = str(Path(sys.executable).with_name("dbt"))
    command = [dbt, "--quiet", "compile", "--no-partial-parse", "--inline", inline]
    command += ["--target-path", str(work / "target-identity"), "--log-path", str(work / "logs")]
    done = subprocess.run(
        command, cwd=project_root(), env=env, capture_output=True, text=True, check=False
    )
    if done.returncode != 0:
        raise RuntimeError(f"compiling connected_components failed:\n{done.stdout}{done.stderr}")
    return done.stdout


# What "linear" costs on this engine: one hash join and group-by over the same edges.
ENGINE_REFERENCE_SQL = """
    select count(*), sum(min_neighbor_num)
    from (
        select edges.left_num, min(nodes.node_num) as min_neighbor_num
        from bench_edges as edges
        inner join bench_nodes as nodes on edges.right_num = nodes.node_num
        group by edges.left_num
    )
"""


def identity_alone(db: Path, work: Path, env: dict[str, str], iterations: int) -> dict:
    """Connected components over the built graph at 1x and 10x edges, timed in DuckDB
    (best of three runs each, as the baseline and the engine reference are).

    Also times ENGINE_REFERENCE_SQL at both sizes: a single join and group-by pass over
    the same edges, the engine's own scaling from 1x to 10x (hash tables that fit the
    CPU caches at 1x do not at 10x), against which the identity ratio can be read."""
    sql = compiled_components_sql(work, env, iterations)
    out = {}
    con = duckdb.connect(str(db))
    try:
        con.execute("set threads = 2")
        con.execute(f"set memory_limit = '{memory_limit(env)}'")
        con.execute("set enable_progress_bar = false")
        for label, copies in (("1x", 1), ("10x", 10)):
            con.execute(identity_graph_sql(copies))
            edges = con.execute("select count(*) from bench_edges").fetchone()[0]
            timings, rows = timed_runs(con, sql)
            components, nodes = rows[0]
            out[label] = {
                "seconds": round(min(timings), 3),
                "edges": edges,
                "nodes": nodes,
                "components": components,
                "engine_reference_seconds": round(min(timed_runs(con, ENGINE_REFERENCE_SQL)[0]), 3),
            }
    finally:
        con.close()
    out["ratio_10x_over_1x"] = round(out["10x"]["seconds"] / out["1x"]["seconds"], 2)
    out["engine_reference_ratio_10x_over_1x"] = round(
        out["10x"]["engine_reference_seconds"] / out["1x"]["engine_reference_seconds"], 2
    )
    return out


def memory_limit(env: dict[str, str]) -> str:
    """DuckDB's memory limit as the shipped profile sets it."""
    return env.get("LIFECYCLE_DUCKDB_MEMORY_LIMIT") or DEFAULT_MEMORY_LIMIT


def iterations_var() -> int:
    import yaml

    project = yaml.safe_load((project_root() / "dbt_project.yml").read_text())
    return int(project["vars"][IDENTITY_ITERATIONS_VAR])


def fresh_copy(raw_db: Path, db: Path) -> None:
    db.parent.mkdir(parents=True, exist_ok=True)
    for stale in db.parent.glob(db.name + "*"):  # the file, its WAL and spill folder
        if stale.is_dir():
            shutil.rmtree(stale)
        else:
            stale.unlink()
    shutil.copyfile(raw_db, db)


def run_bench(
    folder: Path,
    results_dir: Path,
    *,
    events: int,
    accounts: int,
    seed: int = 42,
    reuse_parse: bool = False,
    progress=print,
) -> BenchResult:
    """The whole benchmark. With `reuse_parse`, a phase starts from the parse saved by the
    latest phase with the same as_of_date (dbt parses again when the vars differ):
    quicker, but the time before the first node then leaves out most of the parse a
    nightly job pays."""
    folder = folder.resolve()
    scale, activity = world_parameters(events, accounts)
    raw_db = folder / "raw" / "bench_raw.duckdb"
    progress(f"world: seed {seed}, scale {scale}, activity {activity} -> {raw_db}")
    world = ensure_world(raw_db, seed=seed, scale=scale, activity=activity)
    progress(
        f"  {'reused' if world['reused'] else 'generated in ' + str(world['seconds']) + 's'}: "
        f"{world['row_counts'].get('segment.tracks', 0):,} track events"
    )
    result = BenchResult(
        started_at=datetime.now(UTC).isoformat(timespec="seconds"),
        machine={
            "cpus": os.cpu_count(),
            "python": platform.python_version(),
            "duckdb": duckdb.__version__,
            "platform": platform.platform(),
        },
        world=world,
        baseline={},
    )

    progress("baseline: single pass over the raw events")
    result.baseline = baseline(raw_db, BENCH_TODAY)
    progress(f"  {result.baseline['seconds']}s for {result.baseline['events_read']:,} events")

    db = folder / "build" / "lifecycle_bench.duckdb"
    env = {**os.environ, **dbt_env(db), "DBT_SEND_ANONYMOUS_USAGE_STATS": "false"}
    no_tests = ["--exclude", "resource_type:test", "resource_type:unit_test"]
    nightly = ["--selector", "nightly"]  # selectors.yml: every data test, no unit test
    next_day = BENCH_TODAY + timedelta(days=1)

    saved_parses: dict[date, Path] = {}  # the latest saved parse for each as_of_date

    def measure(name: str, args: list[str], as_of: date) -> Phase:
        work = folder / name
        progress(f"{name}: dbt {' '.join(args)} (as_of_date {as_of})")
        if reuse_parse and as_of in saved_parses:
            (work / "target").mkdir(parents=True, exist_ok=True)
            shutil.copy(saved_parses[as_of], work / "target" / PARSE_FILE)
        command = dbt_command(args, work, as_of, fresh_parse=not reuse_parse)
        phase = run_measured(name, command, env, work / "dbt.log")
        saved_parses[as_of] = work / "target" / PARSE_FILE
        result.phases.append(phase)
        progress(
            f"  {phase.seconds}s, peak RSS {phase.peak_rss_mib:,.0f} MiB, exit {phase.returncode}"
        )
        if not phase.ok:
            raise RuntimeError(f"{name} failed; see {work / 'dbt.log'}")
        result.slowest_nodes[name] = slowest_nodes(work / "target" / "run_results.json")
        result.time_split[name] = time_split(work / "target" / "run_results.json", phase.seconds)
        result.longest_chain[name] = longest_chain(work / "target" / "run_results.json")
        return phase

    def append_next_day() -> dict[str, int]:
        appended = append_one_day(db, BENCH_TODAY - timedelta(days=1))
        progress(f"appended one more day: +{sum(appended.values()):,} rows")
        return appended

    # models only: a full build, then one more day incrementally
    fresh_copy(raw_db, db)
    measure("full_build_without_tests", ["build", *no_tests], BENCH_TODAY)
    append_next_day()
    measure("incremental_build_without_tests", ["build", *no_tests], next_day)

    # the nightly job: every model and data test
    fresh_copy(raw_db, db)
    measure("full_build", ["build", *nightly], BENCH_TODAY)
    full_work = folder / "full_build"
    result.identity["identity_models_seconds_in_full_build"] = seconds_by_folder(
        full_work / "target" / "run_results.json", "models/intermediate/identity"
    )
    summary = summarize(db)
    result.rows = {
        "by_layer": {layer: rows for layer, (_, rows) in summary.layer_totals().items()},
        "raw_rows_read": summary.layer_totals().get("raw", (0, 0))[1],
    }

    progress("identity resolution alone: connected components at 1x and 10x edges")
    result.identity.update(identity_alone(db, folder / "identity", env, iterations_var()))
    progress(
        f"  1x {result.identity['1x']['seconds']}s ({result.identity['1x']['edges']:,} edges), "
        f"10x {result.identity['10x']['seconds']}s: ratio {result.identity['ratio_10x_over_1x']}"
    )

    result.rows["appended_for_incremental"] = append_next_day()
    measure("incremental_build", ["build", *nightly], next_day)
    measure("unit_tests", ["test", "--select", "test_type:unit"], next_day)

    full = result.phase("full_build").seconds
    result.ratios = {
        "full_over_baseline": round(full / result.baseline["seconds"], 1),
        "full_without_tests_over_baseline": round(
            result.phase("full_build_without_tests").seconds / result.baseline["seconds"], 1
        ),
        "incremental_over_full": round(result.phase("incremental_build").seconds / full, 3),
        "incremental_over_full_without_tests": round(
            result.phase("incremental_build_without_tests").seconds
            / result.phase("full_build_without_tests").seconds,
            3,
        ),
        "peak_rss_gib": round(max(p.peak_rss_mib for p in result.phases) / 1024, 2),
        "identity_10x_over_1x": result.identity["ratio_10x_over_1x"],
    }
    results_dir.mkdir(parents=True, exist_ok=True)
    stamp = result.started_at.replace(":", "").replace("-", "")
    out = results_dir / f"bench-{stamp}.json"
    payload = json.dumps(asdict(result), indent=2, default=str) + "\n"
    out.write_text(payload)
    (results_dir / "bench-latest.json").write_text(payload)
    progress(render(result))
    progress(f"results written to {out}")
    return result


def render(result: BenchResult) -> str:
    lines = ["", "Benchmark", "========="]
    w = result.world
    lines.append(
        f"world: {w['row_counts'].get('segment.tracks', 0):,} track events, scale {w['scale']}, "
        f"activity {w['activity']}, seed {w['seed']}, today {w['today']}"
    )
    lines.append(
        f"baseline (single pass, best of {len(result.baseline['all_seconds'])}): "
        f"{result.baseline['seconds']}s, {result.baseline['accounts']:,} accounts"
    )
    lines.append("")
    lines.append(f"{'phase':<34}{'seconds':>10}{'peak RSS MiB':>15}")
    for p in result.phases:
        lines.append(f"{p.name:<34}{p.seconds:>10.1f}{p.peak_rss_mib:>15,.0f}")
    lines.append("")
    lines.append("where each phase's time went (start-up and parsing; node seconds, two threads):")
    for name, split in result.time_split.items():
        nodes = ", ".join(f"{kind} {sec:.1f}" for kind, sec in split["node_seconds"].items())
        lines.append(
            f"  {name}: before the first node {split['seconds_before_nodes']:.1f}; {nodes}"
        )
    lines.append("")
    lines.append(
        "longest chain of nodes each waiting for the one before (node seconds; its nodes of "
        "1 s or more):"
    )
    for name, chain in result.longest_chain.items():
        slow = ", ".join(
            f"{node['node'].split('.')[-1]} {node['seconds']:.1f}"
            for node in chain["nodes"]
            if node["seconds"] >= 1.0
        )
        lines.append(
            f"  {name}: {chain['node_seconds']:.1f} in {len(chain['nodes'])} nodes "
            f"({chain['test_seconds']:.1f} of it data tests): {slow or '-'}"
        )
    lines.append("")
    lines.append("ratios (target):")
    for key, value in result.ratios.items():
        target = TARGETS.get(key)
        mark = (
            "" if target is None else f"  (<= {target}: {'met' if value <= target else 'not met'})"
        )
        lines.append(f"  {key:<34}{value:>10}{mark}")
    full = result.phase("full_build").seconds
    lines.append(
        f"  {'full_seconds':<34}{full:>10}  (<= {TARGETS['full_seconds']}: "
        f"{'met' if full <= TARGETS['full_seconds'] else 'not met'})"
    )
    ident = result.identity
    lines.append("")
    lines.append(
        f"identity alone: 1x {ident['1x']['seconds']}s ({ident['1x']['edges']:,} edges, "
        f"{ident['1x']['components']:,} persons), 10x {ident['10x']['seconds']}s "
        f"({ident['10x']['edges']:,} edges); identity models in the full build: "
        f"{ident['identity_models_seconds_in_full_build']}s"
    )
    lines.append(
        f"  engine reference (one join and group-by over the same edges): "
        f"1x {ident['1x']['engine_reference_seconds']}s, "
        f"10x {ident['10x']['engine_reference_seconds']}s: "
        f"ratio {ident['engine_reference_ratio_10x_over_1x']}"
    )
    lines.append("")
    lines.append("rows: " + ", ".join(f"{k} {v:,}" for k, v in result.rows["by_layer"].items()))
    for name, nodes in result.slowest_nodes.items():
        lines.append("")
        lines.append(f"ten slowest nodes, {name}:")
        for node in nodes:
            lines.append(f"  {node['seconds']:>8.2f}s  {node['node']}")
    return "\n".join(lines)
