"""Shared fixtures: generated worlds and dbt runs in temporary folders."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import duckdb
import pytest

from lifecycle.generator import generate

ROOT = Path(__file__).resolve().parents[1]
DBT = Path(sys.executable).with_name("dbt")
PROJECT_FILES = ["dbt_project.yml", "profiles.yml", "packages.yml", "selectors.yml"]
PROJECT_DIRS = ["models", "macros", "seeds", "tests", "snapshots", "analyses"]
TODAY = date(2026, 6, 30)


@dataclass
class DbtResult:
    returncode: int
    output: str

    @property
    def ok(self) -> bool:
        return self.returncode == 0


class Warehouse:
    """A DuckDB file plus a dbt project folder to build it with."""

    def __init__(self, db: Path, project_dir: Path, work_dir: Path) -> None:
        self.db = db
        self.project_dir = project_dir
        self.work_dir = work_dir

    def dbt(self, *args: str, vars: dict | None = None, check: bool = True) -> DbtResult:
        command = [str(DBT), *args, "--project-dir", str(self.project_dir)]
        command += ["--target-path", str(self.work_dir / "target")]
        command += ["--log-path", str(self.work_dir / "logs")]
        if vars:
            command += ["--vars", repr_vars(vars)]
        env = {
            **os.environ,
            "DBT_PROFILES_DIR": str(self.project_dir),
            "LIFECYCLE_DUCKDB_PATH": str(self.db),
            "DBT_SEND_ANONYMOUS_USAGE_STATS": "false",
        }
        proc = subprocess.run(
            command, cwd=self.project_dir, env=env, capture_output=True, text=True, check=False
        )
        result = DbtResult(proc.returncode, proc.stdout + proc.stderr)
        if check and not result.ok:
            raise AssertionError(f"dbt {' '.join(args)} failed:\n{result.output[-6000:]}")
        return result

    def compile_analyses(self, vars: dict | None = None) -> dict[str, str]:
        """Every analysis of the project, compiled for this warehouse: name -> SQL."""
        self.dbt("compile", "--select", "resource_type:analysis", vars=vars)
        path = self.work_dir / "target" / "compiled" / "customer_lifecycle" / "analyses"
        return {sql.stem: sql.read_text() for sql in path.glob("*.sql")}

    def query(self, sql: str) -> list[tuple]:
        con = duckdb.connect(str(self.db), read_only=True)
        try:
            return con.execute(sql).fetchall()
        finally:
            con.close()

    def scalar(self, sql: str):
        return self.query(sql)[0][0]

    def copy_to(self, folder: Path) -> Warehouse:
        """A copy of this warehouse in `folder`, built with the same project."""
        folder.mkdir(parents=True, exist_ok=True)
        db = folder / self.db.name  # views name their catalog after the file: keep the name
        shutil.copy(self.db, db)
        return Warehouse(db, self.project_dir, folder)

    def execute(self, sql: str) -> None:
        con = duckdb.connect(str(self.db))
        try:
            con.execute(sql)
        finally:
            con.close()


def repr_vars(values: dict) -> str:
    import json

    return json.dumps(values)


def copy_project(destination: Path) -> Path:
    """A private copy of the dbt project, safe to edit in a test."""
    destination.mkdir(parents=True, exist_ok=True)
    for name in PROJECT_FILES:
        if (ROOT / name).exists():
            shutil.copy2(ROOT / name, destination / name)
    for name in PROJECT_DIRS:
        if (ROOT / name).exists():
            shutil.copytree(ROOT / name, destination / name, dirs_exist_ok=True)
    return destination


@pytest.fixture(scope="session")
def small_world(tmp_path_factory) -> Warehouse:
    """A small generated world, built once with `dbt build` for the whole session."""
    work = tmp_path_factory.mktemp("small_world")
    db = work / "warehouse.duckdb"
    generate(db, seed=11, scale=0.3, today=TODAY)
    warehouse = Warehouse(db, ROOT, work)
    warehouse.dbt("build", vars={"as_of_date": TODAY.isoformat()})
    return warehouse


@pytest.fixture
def empty_warehouse(tmp_path) -> Warehouse:
    """Raw tables created empty from the contract, as a user loading their own rows has."""
    db = tmp_path / "handmade.duckdb"
    generate(db, empty=True, today=TODAY)
    return Warehouse(db, ROOT, tmp_path)
