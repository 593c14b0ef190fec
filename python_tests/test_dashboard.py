"""The dashboard and the semantic layer, on the session's small world.

Every page renders charts that carry the marts' data (Streamlit's AppTest); the pages
render in a real browser (Playwright driving Debian's Chromium, screenshots in
artifacts/dashboard/); the queries are Snowflake SQL too; and MetricFlow's figures equal
the dashboard's SQL on the marts.
"""

from __future__ import annotations

import base64
import csv
import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from datetime import timedelta
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from conftest import ROOT, TODAY, Warehouse, copy_project
from lifecycle.dashboard import charts, queries, ui
from lifecycle.dashboard.warehouse import (
    DuckDBWarehouse,
    Settings,
    WarehouseError,
    open_warehouse,
)
from lifecycle.sqlcheck import check_sql

APP = ROOT / "src" / "lifecycle" / "dashboard" / "app.py"
MF = Path(sys.executable).with_name("mf")
CHROMIUM = Path(os.environ.get("LIFECYCLE_CHROMIUM", "/usr/bin/chromium"))
SCREENSHOTS = ROOT / "artifacts" / "dashboard"
# Page file in views/ -> plotly charts it shows.
PAGES = {
    "stages.py": 1,
    "transitions.py": 1,
    "cohorts.py": 1,
    "health.py": 2,
    "pqls.py": 2,
    "account.py": 2,
}


@pytest.fixture
def dashboard_env(small_world: Warehouse, monkeypatch) -> Warehouse:
    """The dashboard reads the small world's DuckDB file."""
    monkeypatch.setenv("LIFECYCLE_DUCKDB_PATH", str(small_world.db))
    monkeypatch.delenv("LIFECYCLE_DASHBOARD_WAREHOUSE", raising=False)
    monkeypatch.delenv("LIFECYCLE_MARTS_SCHEMA", raising=False)
    return small_world


def open_page(page: str) -> AppTest:
    app = AppTest.from_file(str(APP), default_timeout=60).run()
    if page != "stages.py":  # the first page is the default one
        app.switch_page(f"views/{page}").run()
    assert not app.exception, [error.value for error in app.exception]
    assert not app.error, [error.value for error in app.error]
    return app


def figures(app: AppTest) -> list[dict]:
    return [json.loads(chart.proto.spec) for chart in app.get("plotly_chart")]


def values(array) -> np.ndarray:
    """A trace's data array; plotly sends numpy data as base64 typed arrays."""
    if isinstance(array, dict):
        data = np.frombuffer(base64.b64decode(array["bdata"]), dtype=np.dtype(array["dtype"]))
        if "shape" in array:
            data = data.reshape([int(size) for size in str(array["shape"]).split(",")])
        return data
    return np.asarray(array)


def traces(app: AppTest, chart: int) -> list[dict]:
    data = figures(app)[chart]["data"]
    assert data, f"chart {chart} has no traces"
    return data


@pytest.mark.parametrize("page", list(PAGES))
def test_every_page_renders_its_charts(dashboard_env, page):
    app = open_page(page)
    assert len(figures(app)) == PAGES[page]


def test_stages_page_counts_every_account_by_stage_and_team(dashboard_env):
    app = open_page("stages.py")
    bars = traces(app, 0)
    shown = sum(values(bar["y"]).sum() for bar in bars)
    assert shown == dashboard_env.scalar("select count(*) from analytics_marts.lifecycle_state")
    assert {bar["name"] for bar in bars} == {
        team
        for (team,) in dashboard_env.query(
            "select distinct owner_team from analytics_marts.lifecycle_state"
        )
    }


def test_transitions_page_draws_the_moves_of_the_last_ninety_days(dashboard_env):
    app = open_page("transitions.py")
    (sankey,) = traces(app, 0)
    expected = dashboard_env.scalar(
        "select count(*) from analytics_marts.lifecycle_stage_transitions "
        f"where from_stage is not null and entered_at >= date '{TODAY - timedelta(days=90)}' "
        f"and entered_at < date '{TODAY + timedelta(days=1)}'"
    )
    assert expected > 0
    assert values(sankey["link"]["value"]).sum() == expected


def test_cohorts_page_shows_retention_shares_per_cohort_and_week(dashboard_env):
    app = open_page("cohorts.py")
    (heatmap,) = traces(app, 0)
    z = values(heatmap["z"]).astype(float)
    known = z[~np.isnan(z)]
    assert len(heatmap["y"]) == min(
        26,
        dashboard_env.scalar(
            "select count(distinct cohort_week) from analytics_marts.cohort_retention_weekly"
        ),
    )
    assert known.size > 0 and (known > 0).any()
    assert ((known >= 0) & (known <= 1)).all()
    assert (z[:, 0] > 0).any(), "some cohort is active in its signup week"


def test_a_perfect_health_score_is_drawn_in_the_last_bin():
    # plotly's bins leave out a value equal to their end: 100 would not be drawn
    frame = pd.DataFrame(
        {"health_score": [100.0, 23.1, 95.0, None], "health_band": ["green", "red", "green", None]}
    )
    drawn = [x for trace in charts.health_histogram(frame).data for x in trace.x]
    assert sorted(x for x in drawn if x == x) == [20.0, 95.0, 95.0]


def test_the_cohort_week_under_way_is_blank_and_missed_weeks_are_zero():
    # a cohort of Monday June 1 seen on Tuesday June 30: weeks 0 to 3 are over (week 2
    # had nobody active, so no row), week 4 (June 29 to July 5) is still under way
    frame = pd.DataFrame(
        {
            "cohort_week": pd.to_datetime(["2026-06-01"] * 4 + ["2026-06-29"]),
            "weeks_since_signup": [0, 1, 3, 4, 0],
            "retention_rate": [1.0, 0.5, 0.25, 0.5, 1.0],
            "is_complete_week": [True, True, True, False, False],
        }
    )
    matrix = charts.retention_matrix(frame, pd.Timestamp("2026-06-30").date())
    assert list(matrix.index) == ["2026-06-01", "2026-06-29"]
    first, newest = matrix.to_numpy()
    assert list(first[:4]) == [1.0, 0.5, 0.0, 0.25] and np.isnan(first[4])
    assert np.isnan(newest).all()


def test_a_rate_over_no_customers_shows_a_dash():
    assert ui.number(float("nan"), ".0%") == "-"
    assert ui.number(None, ".1f") == "-"
    assert ui.number(pd.NA, ".1f") == "-"
    assert ui.number(0.25, ".0%") == "25%"


def test_health_page_shows_every_customer_and_the_worst_with_reasons(dashboard_env):
    app = open_page("health.py")
    histogram = traces(app, 0)
    customers = dashboard_env.scalar("select count(*) from analytics_marts.customer_health_360")
    assert sum(len(values(trace["x"])) for trace in histogram) == customers
    worst = traces(app, 1)
    assert sum(len(values(trace["x"])) for trace in worst) == min(10, customers)
    lowest = dashboard_env.scalar(
        "select min(health_score) from analytics_marts.customer_health_360"
    )
    assert min(values(trace["x"]).min() for trace in worst) == pytest.approx(lowest)
    table = app.dataframe[0].value
    assert "top_reasons" in table.columns and len(table) == min(10, customers)
    # every customer is counted once: in a band, or not scored yet
    counted = {metric.label: int(metric.value.replace(",", "")) for metric in app.metric[1:]}
    assert sum(counted.values()) == customers
    assert counted["Not scored yet"] == dashboard_env.scalar(
        "select count(*) from analytics_marts.customer_health_360 where health_band is null"
    )


def test_pqls_page_lists_pqls_with_their_reasons(dashboard_env):
    app = open_page("pqls.py")
    (statuses,) = traces(app, 0)
    assert values(statuses["y"]).sum() == dashboard_env.scalar(
        "select count(*) from analytics_marts.pql_status"
    )
    (reasons,) = traces(app, 1)
    assert values(reasons["x"]).sum() > 0
    listed = app.dataframe[0].value
    assert set(listed["pql_status"]) <= {"pql", "sales_accepted"}
    assert len(listed) == dashboard_env.scalar(
        "select count(*) from analytics_marts.pql_status "
        "where pql_status in ('pql', 'sales_accepted')"
    )
    assert listed["pql_reasons"].str.len().gt(0).all()


def test_account_page_draws_the_stage_timeline_of_the_chosen_account(dashboard_env):
    account_id, stays = dashboard_env.query(
        "select account_id, count(*) from analytics_marts.lifecycle_stage_transitions "
        "group by account_id order by count(*) desc, account_id limit 1"
    )[0]
    app = open_page("account.py")
    app.selectbox(key="account").set_value(account_id).run()
    assert not app.exception
    timeline = traces(app, 0)
    assert sum(len(values(trace["x"])) for trace in timeline) == stays
    activity = traces(app, 1)
    assert len(values(activity[0]["x"])) == dashboard_env.scalar(
        "select count(*) from analytics_marts.lifecycle_stage_daily "
        f"where account_id = '{account_id}'"
    )


def test_a_missing_warehouse_file_says_to_run_make_demo(tmp_path, monkeypatch):
    monkeypatch.setenv("LIFECYCLE_DUCKDB_PATH", str(tmp_path / "nowhere.duckdb"))
    monkeypatch.delenv("LIFECYCLE_DASHBOARD_WAREHOUSE", raising=False)
    app = AppTest.from_file(str(APP), default_timeout=60).run()
    assert not app.exception
    assert "run `make demo` first" in app.error[0].value
    assert not app.get("plotly_chart")


def test_snowflake_is_configured_from_the_environment():
    with pytest.raises(WarehouseError, match="SNOWFLAKE_ACCOUNT, SNOWFLAKE_USER"):
        open_warehouse(Settings.from_env({"LIFECYCLE_DASHBOARD_WAREHOUSE": "snowflake"}))
    snowflake = open_warehouse(
        Settings.from_env(
            {
                "LIFECYCLE_DASHBOARD_WAREHOUSE": "snowflake",
                "SNOWFLAKE_ACCOUNT": "xy12345",
                "SNOWFLAKE_USER": "DASHBOARD",
                "SNOWFLAKE_AUTHENTICATOR": "externalbrowser",
                "SNOWFLAKE_DATABASE": "PROD",
            }
        )
    )
    assert snowflake.marts == "PROD.LIFECYCLE_MARTS"  # nothing is connected before a query
    with pytest.raises(WarehouseError, match="not a plain schema name"):
        open_warehouse(Settings.from_env({"LIFECYCLE_MARTS_SCHEMA": "marts; drop table x"}))


class RecordingWarehouse:
    """The small world's warehouse, keeping every statement the queries send."""

    def __init__(self, db: Path) -> None:
        self.inner = DuckDBWarehouse(db)
        self.marts = self.inner.marts
        self.description = self.inner.description
        self.statements: list[str] = []

    def query(self, sql: str, params=()) -> pd.DataFrame:
        self.statements.append(sql)
        return self.inner.query(sql, params)


def test_every_query_is_snowflake_sql_too(small_world):
    warehouse = RecordingWarehouse(small_world.db)
    account_id = small_world.scalar("select min(account_id) from analytics_marts.lifecycle_state")
    queries.as_of_date(warehouse)
    queries.headline(warehouse)
    queries.stage_distribution(warehouse)
    queries.stage_orders(warehouse)
    queries.stage_transitions(warehouse, TODAY - timedelta(days=90), TODAY)
    queries.cohort_retention(warehouse)
    queries.customer_health(warehouse)
    queries.pql_accounts(warehouse)
    queries.account_list(warehouse)
    for query in (queries.account_state, queries.account_timeline, queries.account_daily):
        assert not query(warehouse, account_id).empty
    assert len(warehouse.statements) == 12
    for sql in warehouse.statements:
        assert not check_sql(sql), (sql, check_sql(sql))


# --- The semantic layer: MetricFlow against the same warehouse.


@pytest.fixture(scope="module")
def metricflow(small_world: Warehouse, tmp_path_factory):
    """Run `mf` on the small world: a project copy holding the build's semantic manifest."""
    project = copy_project(tmp_path_factory.mktemp("metricflow") / "project")
    (project / "target").mkdir()
    shutil.copy(small_world.work_dir / "target" / "semantic_manifest.json", project / "target")
    env = {
        **os.environ,
        "DBT_PROFILES_DIR": str(project),
        "LIFECYCLE_DUCKDB_PATH": str(small_world.db),
        "DBT_SEND_ANONYMOUS_USAGE_STATS": "false",
    }

    def query(*args: str) -> list[dict[str, str]]:
        out = project / "result.csv"
        proc = subprocess.run(
            [str(MF), "query", *args, "--csv", str(out)],
            cwd=project,
            env=env,
            capture_output=True,
            text=True,
            check=False,
        )
        assert proc.returncode == 0, proc.stdout + proc.stderr
        with out.open() as rows:
            return list(csv.DictReader(rows))

    return query


HEADLINE_METRICS = [
    "accounts",
    "customers",
    "active_rate",
    "risk_rate",
    "average_health_score",
    "pqls",
    "pql_conversion_rate",
]


def test_metricflow_headline_metrics_equal_the_dashboard_sql(metricflow, small_world):
    extra = [
        "gross_revenue_retention",
        "net_revenue_retention",
        "average_days_in_stage",
        "activation_rate_7d",
    ]
    (row,) = metricflow("--metrics", ",".join(HEADLINE_METRICS + extra))
    headline = queries.headline(DuckDBWarehouse(small_world.db))
    for metric in HEADLINE_METRICS:
        assert float(row[metric]) == pytest.approx(float(headline[metric])), metric
    assert 0 < float(headline["risk_rate"]) < float(headline["active_rate"]) < 1
    assert float(row["gross_revenue_retention"]) == pytest.approx(
        small_world.scalar(
            "select sum(retained_mrr) / sum(starting_mrr) "
            "from analytics_marts.revenue_retention_monthly"
        )
    )
    assert float(row["net_revenue_retention"]) == pytest.approx(
        small_world.scalar(
            "select sum(ending_mrr) / sum(starting_mrr) "
            "from analytics_marts.revenue_retention_monthly"
        )
    )
    assert float(row["average_days_in_stage"]) == pytest.approx(
        small_world.scalar(
            "select avg(days_in_stage) from analytics_marts.lifecycle_stage_transitions "
            "where not is_current"
        )
    )
    assert float(row["activation_rate_7d"]) == pytest.approx(
        small_world.scalar(
            "select count(*) filter (where is_activated_within_window) / count(signed_up_date) "
            "from analytics_marts.lifecycle_state"
        )
    )


def test_metricflow_accounts_by_stage_equal_the_stage_page(metricflow, small_world):
    rows = metricflow("--metrics", "accounts", "--group-by", "account__stage")
    stages = queries.stage_distribution(DuckDBWarehouse(small_world.db))
    expected = stages.groupby("stage")["accounts"].sum().to_dict()
    assert {row["account__stage"]: int(row["accounts"]) for row in rows} == expected
    assert len(expected) >= 6


# --- The browser: the real app, served by `streamlit run`, in Chromium.


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="session")
def chromium() -> Path:
    """Chromium for Playwright: skip without it locally; fail under CI, which must run it."""
    problem = None
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        problem = "the playwright package is not installed (make setup installs it)"
    if problem is None and not CHROMIUM.exists():
        problem = (
            f"{CHROMIUM} is missing; `make test` installs it "
            "(apt-get install -y --no-install-recommends chromium)"
        )
    if problem:
        if os.environ.get("CI", "").lower() in {"true", "1", "yes"}:
            pytest.fail(f"The dashboard's browser test cannot run under CI: {problem}")
        pytest.skip(problem)
    return CHROMIUM


def wait_until_healthy(url: str, server: subprocess.Popen, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        assert server.poll() is None, "streamlit exited before serving the app"
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.read() == b"ok":
                    return
        except OSError:
            time.sleep(0.25)
    raise AssertionError(f"streamlit did not answer {url} within {timeout} s")


# Data marks plotly draws: bars and histogram bins, Sankey links, the heatmap image, lines.
MARKS = ".point, .sankey-link, .hm image, .js-line"
COUNT_MARKS = f"""plots => plots.map(plot => ({{
    svg: plot.querySelector('svg.main-svg') !== null,
    marks: plot.querySelectorAll('{MARKS}').length,
}}))"""
# A plotly chart draws several svg.main-svg layers, so counting those can be satisfied by one
# chart while the page's next chart is still on its way: wait for whole charts with marks.
DRAWN_CHARTS = f"""() => Array.from(document.querySelectorAll('.js-plotly-plot')).filter(
    plot => plot.querySelector('svg.main-svg') !== null
        && plot.querySelectorAll('{MARKS}').length > 0
).length"""


def test_every_page_renders_in_a_browser(chromium, dashboard_env, tmp_path):
    from playwright.sync_api import sync_playwright

    port = free_port()
    base = f"http://127.0.0.1:{port}"
    log = (tmp_path / "streamlit.log").open("w")
    command = [sys.executable, "-m", "streamlit", "run", str(APP), "--server.headless", "true"]
    command += ["--server.address", "127.0.0.1", "--server.port", str(port)]
    command += ["--browser.gatherUsageStats", "false"]
    server = subprocess.Popen(
        command,
        cwd=ROOT,
        env={**os.environ, "LIFECYCLE_DUCKDB_PATH": str(dashboard_env.db)},
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    try:
        wait_until_healthy(f"{base}/_stcore/health", server)
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=str(chromium))
            page = browser.new_page(viewport={"width": 1400, "height": 1000})
            for file, charts in PAGES.items():
                name = Path(file).stem
                page.goto(base if file == "stages.py" else f"{base}/{name}")
                page.wait_for_function(f"({DRAWN_CHARTS})() >= {charts}", timeout=30_000)
                page.wait_for_load_state("networkidle")
                rendered = page.eval_on_selector_all(".js-plotly-plot", COUNT_MARKS)
                page.screenshot(path=SCREENSHOTS / f"{name}.png", full_page=True)
                assert len(rendered) == charts, (name, rendered)
                assert all(plot["svg"] and plot["marks"] > 0 for plot in rendered), (
                    name,
                    rendered,
                )
                assert page.get_by_test_id("stException").count() == 0, name
            browser.close()
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
        log.close()
    for file in PAGES:
        assert (SCREENSHOTS / f"{Path(file).stem}.png").stat().st_size > 10_000
