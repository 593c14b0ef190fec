"""The raw-data contract: the tables and typed columns declared in the sources YAML.

The dbt sources files under ``models/staging/<source>/_<source>__sources.yml`` are the
single source of truth for what the project reads. This module reads them so that the
generator creates exactly those tables, with exactly those column types.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import yaml

# Types allowed in the contract; all of them are valid in DuckDB and Snowflake.
CONTRACT_TYPES = frozenset({"varchar", "bigint", "double", "boolean", "timestamp", "date"})

_SCHEMA_VAR = re.compile(r"var\('(?P<name>[a-z_]+)',\s*'(?P<default>[a-z_]+)'\)")


@dataclass(frozen=True)
class Column:
    name: str
    data_type: str
    description: str


@dataclass(frozen=True)
class Table:
    source: str
    name: str
    schema: str
    columns: tuple[Column, ...]

    @property
    def column_names(self) -> list[str]:
        return [c.name for c in self.columns]

    @property
    def qualified_name(self) -> str:
        return f'{self.schema}."{self.name}"'


class ContractError(ValueError):
    """The sources YAML does not describe a usable raw contract."""


def project_root() -> Path:
    """The dbt project root (the folder holding dbt_project.yml)."""
    here = Path(__file__).resolve()
    for parent in here.parents:
        if (parent / "dbt_project.yml").exists():
            return parent
    cwd = Path.cwd()
    if (cwd / "dbt_project.yml").exists():
        return cwd
    raise ContractError("dbt_project.yml not found above the package or in the working directory")


def _default_schema(schema_expr: str, source_name: str) -> str:
    match = _SCHEMA_VAR.search(schema_expr or "")
    if match:
        return match.group("default")
    if schema_expr and "{{" not in schema_expr:
        return schema_expr
    return source_name


def load_contract(root: Path | None = None) -> dict[str, Table]:
    """All raw tables of the contract, keyed by ``<source>.<table>``."""
    root = root or project_root()
    files = sorted((root / "models" / "staging").glob("*/_*__sources.yml"))
    if not files:
        raise ContractError(f"no sources YAML under {root / 'models' / 'staging'}")
    tables: dict[str, Table] = {}
    for path in files:
        document = yaml.safe_load(path.read_text())
        for source in document.get("sources", []):
            schema = _default_schema(source.get("schema", ""), source["name"])
            for table in source.get("tables", []):
                columns = []
                for column in table.get("columns", []):
                    data_type = str(column.get("data_type", "")).lower()
                    if data_type not in CONTRACT_TYPES:
                        raise ContractError(
                            f"{path.name}: {source['name']}.{table['name']}.{column['name']} "
                            f"has data_type {data_type!r}; expected one of {sorted(CONTRACT_TYPES)}"
                        )
                    columns.append(
                        Column(column["name"], data_type, column.get("description", "").strip())
                    )
                key = f"{source['name']}.{table['name']}"
                tables[key] = Table(source["name"], table["name"], schema, tuple(columns))
    return tables


def create_table_sql(table: Table, schema: str | None = None) -> str:
    """DDL creating one raw table exactly as the contract declares it."""
    schema = schema or table.schema
    columns = ",\n    ".join(f'"{c.name}" {c.data_type}' for c in table.columns)
    return f'create or replace table {schema}."{table.name}" (\n    {columns}\n)'
