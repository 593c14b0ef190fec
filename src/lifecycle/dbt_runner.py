"""Running dbt from the tooling, against the project's embedded DuckDB profile."""

from __future__ import annotations

import json
import logging
import os
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

from lifecycle.contract import project_root

log = logging.getLogger(__name__)


class DbtFailed(RuntimeError):
    """A dbt command returned a failure."""


def dbt_env(database: Path) -> dict[str, str]:
    """Environment variables the shipped profiles.yml reads."""
    return {
        "DBT_PROFILES_DIR": str(project_root()),
        "LIFECYCLE_DUCKDB_PATH": str(database.resolve()),
    }


def run_dbt(args: Sequence[str], database: Path, *, vars: dict | None = None) -> None:
    """Run dbt in a child process (it keeps the DuckDB file open while it runs)."""
    executable = Path(sys.executable).with_name("dbt")
    command = [str(executable), *args]
    if vars:
        command += ["--vars", json.dumps(vars)]
    log.info("$ dbt %s", " ".join(command[1:]))
    completed = subprocess.run(
        command, cwd=project_root(), env={**os.environ, **dbt_env(database)}, check=False
    )
    if completed.returncode != 0:
        raise DbtFailed(f"dbt {' '.join(args)} exited with {completed.returncode}")
