"""What a build produced: rows per layer, quarantine and exclusion counts."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import duckdb

LAYERS = ("raw", "staging", "intermediate", "marts", "snapshots", "reference")


@dataclass
class WarehouseSummary:
    database: Path
    rows_by_relation: dict[str, dict[str, int]] = field(default_factory=dict)
    quarantined: list[tuple[str, str, int]] = field(default_factory=list)
    excluded: list[tuple[str, str, int]] = field(default_factory=list)
    stage_distribution: list[tuple[str, str, int]] = field(default_factory=list)

    def layer_totals(self) -> dict[str, tuple[int, int]]:
        """Layer -> (relations, rows)."""
        return {
            layer: (len(relations), sum(relations.values()))
            for layer in LAYERS
            if (relations := self.rows_by_relation.get(layer))
        }


def _layer(schema: str) -> str | None:
    if schema.startswith("raw_"):
        return "raw"
    for layer in LAYERS[1:]:
        if schema.endswith("_" + layer) or schema == layer:
            return layer
    return None


def summarize(database: Path) -> WarehouseSummary:
    """Read row counts and audit figures from a built DuckDB warehouse."""
    summary = WarehouseSummary(database=database)
    con = duckdb.connect(str(database), read_only=True)
    try:
        relations = con.execute(
            "select table_schema, table_name from information_schema.tables "
            "where table_catalog = current_database() order by 1, 2"
        ).fetchall()
        audit_schema = None
        for schema, name in relations:
            layer = _layer(schema)
            if layer is None:
                continue
            count = con.execute(f'select count(*) from "{schema}"."{name}"').fetchone()[0]
            summary.rows_by_relation.setdefault(layer, {})[f"{schema}.{name}"] = count
            if name == "stg_quarantined_rows":
                audit_schema = schema
        if audit_schema:
            summary.quarantined = con.execute(
                f"select source_name || '.' || source_table, quarantine_reason, count(*) "
                f'from "{audit_schema}".stg_quarantined_rows group by all order by 1, 2'
            ).fetchall()
            summary.excluded = con.execute(
                f"select source_name || '.' || source_table, exclusion_reason, count(*) "
                f'from "{audit_schema}".stg_excluded_rows group by all order by 1, 2'
            ).fetchall()
        mart = next(
            (s for s, n in relations if n == "lifecycle_state" and _layer(s) == "marts"), None
        )
        if mart:
            summary.stage_distribution = con.execute(
                f'select stage, owner_team, count(*) from "{mart}".lifecycle_state '
                "group by all order by min(stage_order)"
            ).fetchall()
    finally:
        con.close()
    return summary


def render(summary: WarehouseSummary) -> str:
    """The summary as plain text for the terminal."""
    lines = ["", "Rows per layer"]
    for layer, (relations, rows) in summary.layer_totals().items():
        lines.append(f"  {layer:<14} {relations:>4} relations {rows:>12,} rows")
    if summary.stage_distribution:
        lines += ["", "Accounts by lifecycle stage"]
        for stage, team, count in summary.stage_distribution:
            lines.append(f"  {stage:<14} {team:<28} {count:>8,}")
    lines += ["", "Quarantined raw rows (failed validation) by table and reason"]
    lines += [f"  {t:<36} {r:<28} {n:>8,}" for t, r, n in summary.quarantined] or ["  none"]
    lines += ["", "Excluded raw rows (deletes, duplicates, test mode) by table and reason"]
    lines += [f"  {t:<36} {r:<28} {n:>8,}" for t, r, n in summary.excluded] or ["  none"]
    db = summary.database
    table = (
        "analytics_marts.lifecycle_state"
        if summary.stage_distribution
        else ("analytics_staging.stg_quarantined_rows")
    )
    lines += [
        "",
        f"Warehouse: {db.resolve()}",
        f'Open it:   .venv/bin/lifecycle sql "select * from {table} limit 10"',
        f"  or from Python: duckdb.connect('{db}', read_only=True)",
    ]
    return "\n".join(lines)
