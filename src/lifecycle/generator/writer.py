"""Create the contract's raw tables in a warehouse and bulk-load generated columns.

Two writers share one interface: DuckDB (the embedded default) and Snowflake (through
the Snowflake connector's bulk loader, `write_pandas`; also what the emulated Snowflake
run of the test suite uses).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any, Protocol

import duckdb
import numpy as np
import pyarrow as pa

from lifecycle.contract import Table, create_table_sql

ARROW_TYPES = {
    "varchar": pa.string(),
    "bigint": pa.int64(),
    "double": pa.float64(),
    "boolean": pa.bool_(),
    "timestamp": pa.timestamp("us"),
    "date": pa.date32(),
}


class RawWriter(Protocol):
    def create_tables(self, tables: Iterable[Table]) -> None: ...

    def insert(self, table: Table, columns: Mapping[str, Any]) -> int: ...

    def close(self) -> None: ...


def to_arrow(table: Table, columns: Mapping[str, Any]) -> pa.Table | None:
    """Generated columns as an Arrow table typed by the contract (absent columns skipped)."""
    arrays = {}
    for column in table.columns:
        if column.name not in columns:
            continue
        values = columns[column.name]
        arrow_type = ARROW_TYPES[column.data_type]
        if isinstance(values, np.ndarray) and values.dtype != object:
            arrays[column.name] = pa.array(values, type=arrow_type)
        else:
            arrays[column.name] = pa.array(list(values), type=arrow_type)
    if not arrays:
        return None
    batch = pa.table(arrays)
    return batch if batch.num_rows else None


class DuckDBWriter:
    """Writes raw tables into one DuckDB database file."""

    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        self.con = duckdb.connect(str(path))
        self.con.execute("set TimeZone = 'UTC'")

    def close(self) -> None:
        self.con.close()

    def create_tables(self, tables: Iterable[Table]) -> None:
        for table in tables:
            self.con.execute(f"create schema if not exists {table.schema}")
            self.con.execute(create_table_sql(table))

    def insert(self, table: Table, columns: Mapping[str, Any]) -> int:
        batch = to_arrow(table, columns)
        if batch is None:
            return 0
        self.con.register("generated_batch", batch)
        try:
            self.con.execute(
                f'insert into {table.schema}."{table.name}" by name select * from generated_batch'
            )
        finally:
            self.con.unregister("generated_batch")
        return batch.num_rows


class SnowflakeWriter:
    """Writes raw tables into a Snowflake database through a connector connection.

    Identifiers are created upper case and quoted, which is what unquoted names resolve
    to in Snowflake and keeps reserved words (ORGANIZATION) usable as table names.
    """

    def __init__(self, connection: Any, database: str) -> None:
        self.connection = connection
        self.database = database.upper()

    def close(self) -> None:
        self.connection.close()

    def _name(self, table: Table) -> str:
        return f'"{self.database}"."{table.schema.upper()}"."{table.name.upper()}"'

    def create_tables(self, tables: Iterable[Table]) -> None:
        cursor = self.connection.cursor()
        for table in tables:
            cursor.execute(
                f'create schema if not exists "{self.database}"."{table.schema.upper()}"'
            )
            columns = ", ".join(f'"{c.name.upper()}" {c.data_type}' for c in table.columns)
            cursor.execute(f"create or replace table {self._name(table)} ({columns})")

    def insert(self, table: Table, columns: Mapping[str, Any]) -> int:
        import pandas as pd
        from snowflake.connector.pandas_tools import write_pandas

        batch = to_arrow(table, columns)
        if batch is None:
            return 0
        frame = batch.to_pandas(types_mapper=pd.ArrowDtype)
        frame.columns = [name.upper() for name in frame.columns]
        write_pandas(
            self.connection,
            frame,
            table.name.upper(),
            database=self.database,
            schema=table.schema.upper(),
            quote_identifiers=True,
        )
        return batch.num_rows
