"""Command-line entry point: `lifecycle <command>`."""

from __future__ import annotations

import argparse
import logging
import sys
from datetime import date
from pathlib import Path

from lifecycle.generator import generate

DEFAULT_DB = Path("warehouse/lifecycle.duckdb")


def _date(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"not a YYYY-MM-DD date: {value!r}") from exc


def _positive(value: str) -> float:
    number = float(value)
    if number <= 0:
        raise argparse.ArgumentTypeError("must be greater than 0")
    return number


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="lifecycle", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)

    gen = sub.add_parser(
        "generate",
        help="create the raw tables of the contract (models/staging/*/_*__sources.yml)",
        description="Create every raw table the project reads, in a DuckDB file, and fill "
        "them with a simulated world (or leave them empty with --empty).",
    )
    gen.add_argument("--db", type=Path, default=DEFAULT_DB, help="DuckDB file (default: %(default)s)")
    gen.add_argument("--seed", type=int, default=42, help="random seed (default: %(default)s)")
    gen.add_argument("--scale", type=_positive, default=1.0,
                     help="1.0 = 1,000 companies, about 18 months of history (default: %(default)s)")
    gen.add_argument("--today", type=_date, default=None,
                     help="last day of the simulated world, YYYY-MM-DD (default: today, UTC)")
    gen.add_argument("--empty", action="store_true",
                     help="create the tables with no rows, to load your own")
    return parser


def main(argv: list[str] | None = None) -> int:
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    args = build_parser().parse_args(argv)
    if args.command == "generate":
        result = generate(args.db, seed=args.seed, scale=args.scale, today=args.today,
                          empty=args.empty)
        total = sum(result.row_counts.values())
        print(f"wrote {len(result.row_counts)} raw tables, {total:,} rows, to {result.database} "
              f"in {result.seconds:.1f}s (today = {result.today})")
        for key, count in sorted(result.row_counts.items()):
            print(f"  {key:<36} {count:>10,}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
