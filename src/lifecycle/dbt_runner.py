"""Running dbt from the tooling, against the project's embedded DuckDB profile."""

from __future__ import annotations

import json
import logging
import os
from collections.abc import Sequence
from pathlib import Path

from lifecycle.contract import project_root

log = logging.getLogger(__name__)


class DbtFailed(RuntimeError):
    """A dbt command returned a failure."""


def dbt_env(database: Path) -> dict[str, str]:
    """Environment variables the shipped profiles.yml reads."""
    root = project_root()
    return {
        "DBT_PROFILES_DIR": str(root),
        "DBT_PROJECT_DIR": str(root),
        "LIFECYCLE_DUCKDB_PATH": str(database.resolve()),
    }


def run_dbt(args: Sequence[str], database: Path, *, vars: dict | None = None) -> None:
    """Invoke dbt in-process with the embedded profile pointed at `database`."""
    from dbt.cli.main import dbtRunner

    os.environ.update(dbt_env(database))
    command = list(args)
    if vars:
        command += ["--vars", json.dumps(vars)]
    log.info("dbt %s", " ".join(command))
    result = dbtRunner().invoke(command)
    if not result.success:
        raise DbtFailed(
            f"dbt {' '.join(args)} failed" + (f": {result.exception}" if result.exception else "")
        )
