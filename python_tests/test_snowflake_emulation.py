"""The whole project through dbt-snowflake, against fakesnow (Snowflake emulated on DuckDB).

Raw rows are bulk-loaded through the Snowflake connector (`write_pandas`); then `dbt
build` runs every model, data test, unit test and the snapshot, and grants the marts;
the snapshot runs a second time; a later as_of_date builds the history incrementally.
Every compiled statement is also checked to be Snowflake SQL (lifecycle.sqlcheck), and a
model with a DuckDB-only function makes that check fail.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest

from conftest import DbtResult, copy_project
from lifecycle.sqlcheck import check_paths

EMULATION = Path(__file__).parent / "snowflake_emulation"
# `fakesnow`, copying each statement once while rewriting it (see the script).
FAKESNOW = [sys.executable, str(EMULATION / "fakesnow_cli.py")]
FIRST_DAY, SECOND_DAY = date(2026, 6, 30), date(2026, 7, 10)
ROLES = "analyst_roles: [ANALYST], pii_reader_roles: [PII_READER]"

LOAD_RAW = """
import sys
from datetime import date
import fakesnow
import snowflake.connector
from lifecycle.generator import generate_into
from lifecycle.generator.writer import SnowflakeWriter

with fakesnow.patch(db_path=sys.argv[1]):
    connection = snowflake.connector.connect(
        account="fakesnow", user="fakesnow", password="fakesnow",
        database="LIFECYCLE", schema="ANALYTICS",
    )
    result = generate_into(
        SnowflakeWriter(connection, "LIFECYCLE"), seed=3, scale=0.03,
        today=date.fromisoformat(sys.argv[2]),
    )
print(sum(result.row_counts.values()))
"""


@dataclass
class EmulatedSnowflake:
    project: Path
    databases: Path
    first_build: DbtResult | None = None

    def dbt(self, *args: str, as_of: date, check: bool = True, roles: bool = True) -> DbtResult:
        command = [
            *FAKESNOW,
            "-d",
            str(self.databases),
            "-m",
            "dbt.cli.main",
            *args,
            "--target",
            "fakesnow",
            "--profiles-dir",
            str(self.project),
            "--project-dir",
            str(self.project),
            "--vars",
            f'{{as_of_date: "{as_of}"{", " + ROLES if roles else ""}}}',
        ]
        env = {**os.environ, "DBT_SEND_ANONYMOUS_USAGE_STATS": "false"}
        proc = subprocess.run(
            command, cwd=self.project, env=env, capture_output=True, text=True, check=False
        )
        result = DbtResult(proc.returncode, proc.stdout + proc.stderr)
        if check and not result.ok:
            raise AssertionError(
                f"dbt {' '.join(args)} on fakesnow failed:\n{result.output[-6000:]}"
            )
        return result

    def query(self, sql: str) -> list[tuple]:
        """Rows of a query against the emulated account."""
        script = (
            "import sys, json, fakesnow, snowflake.connector\n"
            "with fakesnow.patch(db_path=sys.argv[1]):\n"
            "    con = snowflake.connector.connect(\n"
            "        account='fakesnow', user='u', password='p', database='LIFECYCLE')\n"
            "    print(json.dumps(con.cursor().execute(sys.argv[2]).fetchall()))\n"
        )
        proc = subprocess.run(
            [sys.executable, "-c", script, str(self.databases), sql],
            capture_output=True,
            text=True,
            check=True,
        )
        return [tuple(row) for row in json.loads(proc.stdout.strip().splitlines()[-1])]


@pytest.fixture(scope="module")
def snowflake(tmp_path_factory) -> EmulatedSnowflake:
    work = tmp_path_factory.mktemp("snowflake")
    project = copy_project(work / "project")
    shutil.copy(EMULATION / "macros" / "fakesnow_overrides.sql", project / "macros")
    databases = work / "databases"
    databases.mkdir()
    loaded = subprocess.run(
        [sys.executable, "-c", LOAD_RAW, str(databases), FIRST_DAY.isoformat()],
        capture_output=True,
        text=True,
        check=True,
    )
    assert int(loaded.stdout.strip().splitlines()[-1]) > 1000
    emulated = EmulatedSnowflake(project, databases)
    # The whole project once, as of the first day; the tests read what it left.
    emulated.first_build = emulated.dbt("build", as_of=FIRST_DAY, check=False)
    return emulated


def test_the_whole_project_builds_tests_snapshots_and_reruns_on_snowflake(snowflake):
    first = snowflake.first_build
    assert first.ok, first.output[-6000:]
    assert "ERROR=0" in first.output and "SKIP=0" in first.output
    for kind in ("unit_test", "snapshot", "incremental model", "data tests"):
        assert kind in first.output, kind

    again = snowflake.dbt("snapshot", as_of=FIRST_DAY)
    assert "ERROR=0" in again.output

    # A later day: the history adds its new days incrementally (the models computed as
    # of a date are rebuilt whole, as in the first build); nothing upstream changed. The
    # daily counts recount the day and workspace groups of the last loads (their
    # post-hook deletes the counts those replace) and the identifier sightings group
    # those days again.
    later = snowflake.dbt(
        "build",
        "--select",
        "int_product_events_daily",
        "int_product_identifier_sightings",
        "int_account_signals_daily",
        "--exclude",
        "test_type:unit",
        as_of=SECOND_DAY,
    )
    assert "ERROR=0" in later.output and "incremental model" in later.output
    # The history's incremental rolling sums (the new days' sums of changes) ran and are
    # checked below.
    models = snowflake.project / "target" / "compiled" / "customer_lifecycle" / "models"
    history = models / "intermediate" / "signals" / "int_account_signals_daily.sql"
    assert "recent_sums as (" in history.read_text()
    sightings = models / "intermediate" / "identity" / "int_product_identifier_sightings.sql"
    assert "is not distinct from kept.workspace_id" in sightings.read_text()

    checked, problems = check_paths([snowflake.project / "target" / "compiled"])
    assert checked > 300
    assert problems == []


def test_marts_are_granted_to_analysts_and_plain_pii_to_pii_readers_only(snowflake):
    assert snowflake.first_build.ok, snowflake.first_build.output[-6000:]
    granted = snowflake.query("select relation, grantee from lifecycle.emulated.grants")
    readers: dict[str, set[str]] = {}
    for relation, grantee in granted:
        readers.setdefault(relation, set()).add(grantee)
    assert readers["lifecycle_state"] == {"ANALYST", "PII_READER"}
    assert readers["person_status"] == {"ANALYST", "PII_READER"}
    assert readers["person_contacts"] == {"PII_READER"}
    # Nothing upstream of the marts is granted to anyone.
    assert not any(relation.startswith(("int_", "stg_", "base_")) for relation in readers)


def test_a_snowflake_target_parses_without_the_role_vars(tmp_path):
    # a run that passes no roles grants none (parsing reads no database)
    project = copy_project(tmp_path / "project")
    (tmp_path / "databases").mkdir()
    parsed = EmulatedSnowflake(project, tmp_path / "databases").dbt(
        "parse", as_of=FIRST_DAY, roles=False
    )
    assert "Required var" not in parsed.output


def test_a_duckdb_only_function_in_a_model_fails_the_snowflake_check(snowflake, tmp_path):
    project = copy_project(tmp_path / "project")
    shutil.copy(EMULATION / "macros" / "fakesnow_overrides.sql", project / "macros")
    model = project / "models/staging/segment/stg_segment__tracks.sql"
    sql = model.read_text()
    anchor = "        loaded_date\n    from tracks"
    assert anchor in sql
    model.write_text(
        sql.replace(
            anchor,
            "        loaded_date,\n        strftime(occurred_at, '%Y-%m') as occurred_month\n"
            "    from tracks",
        )
    )
    mutated = EmulatedSnowflake(project, snowflake.databases)
    mutated.dbt("compile", "--select", "stg_segment__tracks", as_of=FIRST_DAY)

    _, problems = check_paths([project / "target" / "compiled"])
    assert [p.message for p in problems] == ["function STRFTIME() is not Snowflake's"]
    assert problems[0].path.name == "stg_segment__tracks.sql"
