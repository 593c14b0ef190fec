"""Static checks that compiled SQL is Snowflake SQL, not another dialect's.

sqlglot's Snowflake parser is lenient: it accepts most DuckDB syntax. So beyond "it
parses", the check rejects what Snowflake does not have: functions sqlglot does not
know as Snowflake functions (they parse as anonymous calls: strftime, list_value,
struct_pack, ...), DuckDB-only data types (HUGEINT, LIST, STRUCT, ...) and the
MATERIALIZED CTE hint.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import sqlglot
from sqlglot import exp
from sqlglot.errors import ParseError

# Snowflake functions the project may use that sqlglot models only as anonymous calls:
# HASH(expr, ...), a signed 64-bit hash of one or more values (DuckDB has the same name
# and arguments), which unique_combination_of_columns groups rows by.
KNOWN_SNOWFLAKE_FUNCTIONS: frozenset[str] = frozenset({"HASH"})

T = exp.DataType.Type
SNOWFLAKE_TYPES = frozenset(
    {
        T.BIGINT,
        T.INT,
        T.SMALLINT,
        T.TINYINT,
        T.DECIMAL,
        T.DOUBLE,
        T.FLOAT,
        T.VARCHAR,
        T.CHAR,
        T.TEXT,
        T.BINARY,
        T.VARBINARY,
        T.BOOLEAN,
        T.DATE,
        T.TIME,
        T.DATETIME,
        T.TIMESTAMP,
        T.TIMESTAMPNTZ,
        T.TIMESTAMPLTZ,
        T.TIMESTAMPTZ,
        T.VARIANT,
        T.OBJECT,
        T.ARRAY,
        T.GEOGRAPHY,
        T.GEOMETRY,
        T.VECTOR,
        T.UNKNOWN,
    }
)


@dataclass(frozen=True)
class Problem:
    path: Path
    message: str

    def __str__(self) -> str:
        return f"{self.path}: {self.message}"


def check_sql(sql: str, path: Path = Path("<sql>")) -> list[Problem]:
    """Problems that make `sql` not Snowflake SQL."""
    try:
        trees = sqlglot.parse(sql, read="snowflake")
    except ParseError as error:
        return [Problem(path, f"does not parse as Snowflake SQL: {error}")]
    problems: list[Problem] = []
    for tree in trees:
        if tree is None:
            continue
        for call in tree.find_all(exp.Anonymous):
            if call.name.upper() not in KNOWN_SNOWFLAKE_FUNCTIONS:
                problems.append(Problem(path, f"function {call.name.upper()}() is not Snowflake's"))
        for data_type in tree.find_all(exp.DataType):
            if data_type.this not in SNOWFLAKE_TYPES:
                problems.append(Problem(path, f"type {data_type.sql()} is not a Snowflake type"))
        for cte in tree.find_all(exp.CTE):
            if cte.args.get("materialized") is not None:
                problems.append(Problem(path, f"CTE {cte.alias} uses a MATERIALIZED hint"))
    return problems


def check_paths(paths: Iterable[Path]) -> tuple[int, list[Problem]]:
    """Check every .sql file under `paths`; returns (files checked, problems)."""
    files = sorted(
        file for path in paths for file in ([path] if path.is_file() else path.rglob("*.sql"))
    )
    problems: list[Problem] = []
    for file in files:
        problems += check_sql(file.read_text(), file)
    return len(files), problems
