"""Create the contract's raw tables in DuckDB and bulk-load generated columns."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

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


class DuckDBWriter:
    """Writes raw tables into one DuckDB database file."""

    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        self.con = duckdb.connect(str(path))
        self.con.execute("set TimeZone = 'UTC'")

    def close(self) -> None:
        self.con.close()

    def create_tables(self, tables: Iterable[Table], schemas: Mapping[str, str]) -> None:
        """(Re)create every table empty; `schemas` maps source name -> target schema."""
        for table in tables:
            schema = schemas.get(table.source, table.schema)
            self.con.execute(f"create schema if not exists {schema}")
            self.con.execute(create_table_sql(table, schema))

    def insert(self, table: Table, schema: str, columns: Mapping[str, Any]) -> int:
        """Append rows given column by column; missing contract columns stay NULL."""
        arrays = {}
        for column in table.columns:
            if column.name not in columns:
                continue
            values = columns[column.name]
            if isinstance(values, np.ndarray) and values.dtype != object:
                arrays[column.name] = pa.array(values, type=ARROW_TYPES[column.data_type])
            else:
                arrays[column.name] = pa.array(list(values), type=ARROW_TYPES[column.data_type])
        if not arrays:
            return 0
        batch = pa.table(arrays)
        if batch.num_rows == 0:
            return 0
        self.con.register("generated_batch", batch)
        try:
            self.con.execute(
                f'insert into {schema}."{table.name}" by name select * from generated_batch'
            )
        finally:
            self.con.unregister("generated_batch")
        return batch.num_rows
