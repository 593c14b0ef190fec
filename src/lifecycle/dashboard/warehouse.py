"""Read-only access to the warehouse the marts live in: a DuckDB file or Snowflake.

Both backends run the same SQL (written once, in `queries`): the marts' schema is the
only thing that differs, and query parameters are `?` placeholders on both.

Configuration comes from the environment:

- `LIFECYCLE_DASHBOARD_WAREHOUSE`: `duckdb` (default) or `snowflake`.
- `LIFECYCLE_DUCKDB_PATH`: the DuckDB file (default `warehouse/lifecycle.duckdb`).
- `LIFECYCLE_MARTS_SCHEMA`: the marts' schema (default `analytics_marts` on DuckDB,
  `<SNOWFLAKE_SCHEMA>_MARTS` on Snowflake, as dbt names it).
- Snowflake: `SNOWFLAKE_ACCOUNT`, `SNOWFLAKE_USER`, `SNOWFLAKE_ROLE` (default `ANALYST`),
  `SNOWFLAKE_WAREHOUSE` (default `REPORTING`), `SNOWFLAKE_DATABASE` (default `ANALYTICS`),
  `SNOWFLAKE_SCHEMA` (default `LIFECYCLE`), and either `SNOWFLAKE_PRIVATE_KEY_FILE` (with
  `SNOWFLAKE_PRIVATE_KEY_FILE_PWD` if the key is encrypted) or `SNOWFLAKE_AUTHENTICATOR`
  (e.g. `externalbrowser` for single sign-on).
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

import duckdb
import pandas as pd

DEFAULT_DUCKDB_PATH = "warehouse/lifecycle.duckdb"
DUCKDB_MARTS_SCHEMA = "analytics_marts"
BACKENDS = ("duckdb", "snowflake")
_IDENTIFIER = re.compile(r"[A-Za-z_][A-Za-z0-9_$]*(\.[A-Za-z_][A-Za-z0-9_$]*)?")


class WarehouseError(RuntimeError):
    """The warehouse cannot be read; the message says what to do."""


class Warehouse(Protocol):
    """What the queries need: where the marts are and a way to run a SELECT."""

    marts: str
    """Schema of the marts, qualified as the SQL needs it (e.g. `analytics_marts`)."""

    description: str
    """Where the data comes from, for the page footer."""

    def query(self, sql: str, params: Sequence[Any] = ()) -> pd.DataFrame:
        """Run a SELECT with `?` parameters; lower-case column names."""
        ...


@dataclass(frozen=True)
class Settings:
    """Which warehouse to read, from the environment (hashable: a cache key)."""

    backend: str = "duckdb"
    duckdb_path: str = DEFAULT_DUCKDB_PATH
    marts_schema: str | None = None
    snowflake_account: str | None = None
    snowflake_user: str | None = None
    snowflake_role: str = "ANALYST"
    snowflake_warehouse: str = "REPORTING"
    snowflake_database: str = "ANALYTICS"
    snowflake_schema: str = "LIFECYCLE"
    snowflake_private_key_file: str | None = None
    snowflake_authenticator: str | None = None

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> Settings:
        env = os.environ if env is None else env

        def get(name: str, default: str | None = None) -> str | None:
            return env.get(name) or default

        backend = (get("LIFECYCLE_DASHBOARD_WAREHOUSE", "duckdb") or "duckdb").lower()
        if backend not in BACKENDS:
            raise WarehouseError(
                f"LIFECYCLE_DASHBOARD_WAREHOUSE={backend!r} is not one of {', '.join(BACKENDS)}."
            )
        return cls(
            backend=backend,
            duckdb_path=get("LIFECYCLE_DUCKDB_PATH", DEFAULT_DUCKDB_PATH) or DEFAULT_DUCKDB_PATH,
            marts_schema=get("LIFECYCLE_MARTS_SCHEMA"),
            snowflake_account=get("SNOWFLAKE_ACCOUNT"),
            snowflake_user=get("SNOWFLAKE_USER"),
            snowflake_role=get("SNOWFLAKE_ROLE", "ANALYST") or "ANALYST",
            snowflake_warehouse=get("SNOWFLAKE_WAREHOUSE", "REPORTING") or "REPORTING",
            snowflake_database=get("SNOWFLAKE_DATABASE", "ANALYTICS") or "ANALYTICS",
            snowflake_schema=get("SNOWFLAKE_SCHEMA", "LIFECYCLE") or "LIFECYCLE",
            snowflake_private_key_file=get("SNOWFLAKE_PRIVATE_KEY_FILE"),
            snowflake_authenticator=get("SNOWFLAKE_AUTHENTICATOR"),
        )


def _checked_schema(schema: str) -> str:
    # The schema is written into SQL: accept plain (optionally database-qualified) names only.
    if not _IDENTIFIER.fullmatch(schema):
        raise WarehouseError(f"LIFECYCLE_MARTS_SCHEMA={schema!r} is not a plain schema name.")
    return schema


class DuckDBWarehouse:
    """The DuckDB file `make demo` builds, opened read-only for each query.

    A connection per query keeps the file free for the next `dbt build` in between.
    """

    def __init__(self, path: Path, marts_schema: str = DUCKDB_MARTS_SCHEMA) -> None:
        self.marts = _checked_schema(marts_schema)  # a bad setting first, then the file
        if not path.is_file():
            raise WarehouseError(
                f"No warehouse file at {path}: run `make demo` first "
                "(or point LIFECYCLE_DUCKDB_PATH at a built warehouse)."
            )
        self.path = path
        self.description = f"DuckDB {path} (read-only)"

    def query(self, sql: str, params: Sequence[Any] = ()) -> pd.DataFrame:
        try:
            with duckdb.connect(str(self.path), read_only=True) as con:
                return con.execute(sql, list(params)).df()
        except duckdb.CatalogException as error:
            raise WarehouseError(
                f"The marts are not built in {self.path}: run `make demo` first ({error})."
            ) from error
        except duckdb.IOException as error:
            raise WarehouseError(f"Cannot open {self.path} read-only: {error}") from error


class SnowflakeWarehouse:
    """Snowflake through the Python connector, with a reader role (SELECT on the marts)."""

    def __init__(self, settings: Settings) -> None:
        missing = [
            name
            for name, value in (
                ("SNOWFLAKE_ACCOUNT", settings.snowflake_account),
                ("SNOWFLAKE_USER", settings.snowflake_user),
            )
            if not value
        ]
        if not (settings.snowflake_private_key_file or settings.snowflake_authenticator):
            missing.append("SNOWFLAKE_PRIVATE_KEY_FILE or SNOWFLAKE_AUTHENTICATOR")
        if missing:
            raise WarehouseError(
                "Snowflake is selected (LIFECYCLE_DASHBOARD_WAREHOUSE=snowflake) but "
                f"{', '.join(missing)} is not set."
            )
        self.settings = settings
        schema = settings.marts_schema or f"{settings.snowflake_schema}_MARTS"
        self.marts = _checked_schema(f"{settings.snowflake_database}.{schema}")
        self.description = f"Snowflake {settings.snowflake_account} {self.marts}"
        self._connection: Any = None

    def _connect(self) -> Any:
        import snowflake.connector

        settings = self.settings
        options: dict[str, Any] = {
            "account": settings.snowflake_account,
            "user": settings.snowflake_user,
            "role": settings.snowflake_role,
            "warehouse": settings.snowflake_warehouse,
            "database": settings.snowflake_database,
            "paramstyle": "qmark",
            "session_parameters": {"TIMEZONE": "UTC", "QUERY_TAG": "lifecycle_dashboard"},
        }
        if settings.snowflake_private_key_file:
            options["private_key_file"] = settings.snowflake_private_key_file
            # Read at connect time only: the passphrase is never kept in settings or caches.
            if passphrase := os.environ.get("SNOWFLAKE_PRIVATE_KEY_FILE_PWD"):
                options["private_key_file_pwd"] = passphrase
        else:
            options["authenticator"] = settings.snowflake_authenticator
        return snowflake.connector.connect(**options)

    def query(self, sql: str, params: Sequence[Any] = ()) -> pd.DataFrame:
        if self._connection is None or self._connection.is_closed():
            self._connection = self._connect()
        with self._connection.cursor() as cursor:
            cursor.execute(sql, list(params))
            frame = cursor.fetch_pandas_all()
        frame.columns = [str(column).lower() for column in frame.columns]
        return frame


def open_warehouse(settings: Settings) -> Warehouse:
    """The warehouse the settings point at; WarehouseError says what is missing."""
    if settings.backend == "snowflake":
        return SnowflakeWarehouse(settings)
    return DuckDBWarehouse(Path(settings.duckdb_path), settings.marts_schema or DUCKDB_MARTS_SCHEMA)
