"""Command-line entry point: `lifecycle <command>`."""

from __future__ import annotations

import argparse
import logging
import os
import sys
import time
from datetime import date
from pathlib import Path

from lifecycle.generator import PII_SALT_ENV, generate, read_manifest, set_pii_salt

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


def _count(value: str) -> int:
    number = int(float(value.replace("_", "")))
    if number <= 0:
        raise argparse.ArgumentTypeError("must be greater than 0")
    return number


def _add_world_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--seed", type=int, default=42, help="random seed (default: %(default)s)")
    parser.add_argument(
        "--scale",
        type=_positive,
        default=1.0,
        help="1.0 = 1,000 companies over about 18 months (default: %(default)s)",
    )
    parser.add_argument(
        "--activity",
        type=_positive,
        default=1.0,
        help="multiplier on each person's routine product events (default: %(default)s)",
    )
    parser.add_argument(
        "--today",
        type=_date,
        default=None,
        help="the simulated world's today, YYYY-MM-DD; it becomes as_of_date (default: UTC today)",
    )


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="lifecycle", description=__doc__)
    parser.add_argument(
        "--db", type=Path, default=DEFAULT_DB, help="DuckDB warehouse file (default: %(default)s)"
    )
    sub = parser.add_subparsers(dest="command", required=True)

    gen = sub.add_parser(
        "generate",
        help="create the raw tables of the contract, filled or empty",
        description="Create every raw table the project reads (as declared in "
        "models/staging/*/_*__sources.yml) in the DuckDB file, and fill them with a "
        "simulated world, or leave them empty with --empty to load your own rows.",
    )
    _add_world_options(gen)
    gen.add_argument("--empty", action="store_true", help="create the tables with no rows")

    demo = sub.add_parser("demo", help="generate a world, build the warehouse, print a summary")
    _add_world_options(demo)

    sub.add_parser(
        "summary", help="print rows per layer and quarantine counts of a built warehouse"
    )

    sub.add_parser(
        "pii-salt",
        help=f"store ${PII_SALT_ENV} as the salt of personal-data hashes in the warehouse",
        description="Write the salt that hashes personal data (emails in the marts, "
        f"erased records) into restricted.pii_salt, from the {PII_SALT_ENV} environment "
        "variable, so that it never appears in SQL, logs or dbt artifacts. Rebuild the "
        "warehouse afterwards: every hash changes.",
    )

    sql = sub.add_parser("sql", help="run one SQL query against the warehouse (read-only)")
    sql.add_argument("query")

    check = sub.add_parser(
        "check-sql",
        help="check that compiled SQL is Snowflake SQL (dbt compile --target <snowflake> first)",
    )
    check.add_argument("paths", nargs="+", type=Path, help="files or folders of .sql files")

    bench = sub.add_parser(
        "bench",
        help="scale benchmark: full and incremental builds against a single-pass baseline",
        description="Generate a large world (cached between runs), then measure a "
        "single-pass baseline, full builds with and without tests, an incremental build "
        "after one more day, and identity resolution at 1x and 10x edges. Prints the "
        "figures and writes them as JSON.",
    )
    bench.add_argument(
        "--events", type=_count, default=10_000_000, help="track events (default: %(default)s)"
    )
    bench.add_argument(
        "--accounts", type=_count, default=50_000, help="accounts (default: %(default)s)"
    )
    bench.add_argument("--seed", type=int, default=42, help="random seed (default: %(default)s)")
    bench.add_argument(
        "--folder",
        type=Path,
        default=Path("warehouse/bench"),
        help="where the worlds and builds go (default: %(default)s)",
    )
    bench.add_argument(
        "--reuse-parse",
        action="store_true",
        help="let a phase reuse the parse of the latest phase with the same as_of_date "
        "(quicker; the figures then leave out most of the parse a nightly job pays)",
    )
    bench.add_argument(
        "--results",
        type=Path,
        default=Path("results"),
        help="folder of the JSON results (default: %(default)s)",
    )
    return parser


def _print_generation(result) -> None:
    total = sum(result.row_counts.values())
    print(
        f"Raw data: {len(result.row_counts)} tables, {total:,} rows in {result.database} "
        f"({result.seconds:.1f}s, seed {result.seed}, scale {result.scale}, today {result.today})"
    )
    for key, count in sorted(result.row_counts.items()):
        print(f"  {key:<36} {count:>10,}")


def _demo(args: argparse.Namespace) -> int:
    from lifecycle.dbt_runner import run_dbt
    from lifecycle.summary import render, summarize

    started = time.perf_counter()
    result = generate(
        args.db, seed=args.seed, scale=args.scale, today=args.today, activity=args.activity
    )
    _print_generation(result)
    # a new world each time: rebuild the incremental models from it, whatever an
    # earlier demo (or an earlier version of the project) left in the file
    run_dbt(["build", "--full-refresh"], args.db, vars={"as_of_date": result.as_of_date})
    run_dbt(["source", "freshness"], args.db)
    print(render(summarize(args.db)))
    print(
        f"\nDemo finished in {time.perf_counter() - started:.0f}s (as_of_date {result.as_of_date})."
    )
    return 0


def _sql(args: argparse.Namespace) -> int:
    import duckdb

    if not args.db.exists():
        print(f"no warehouse at {args.db}; run `make demo` or `lifecycle generate` first")
        return 1
    con = duckdb.connect(str(args.db), read_only=True)
    try:
        con.sql(args.query).show(max_rows=100, max_width=200)
    except duckdb.Error as exc:
        print(f"query failed: {exc}")
        return 1
    finally:
        con.close()
    return 0


def _pii_salt(args: argparse.Namespace) -> int:
    salt = os.environ.get(PII_SALT_ENV, "")
    if not salt:
        print(f"set {PII_SALT_ENV} to a long random string first")
        return 1
    try:
        set_pii_salt(args.db, salt)
    except ValueError as exc:
        print(exc)
        return 1
    print(f"PII salt stored in {args.db}; rebuild the warehouse to rehash.")
    return 0


def main(argv: list[str] | None = None) -> int:
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    args = build_parser().parse_args(argv)
    if args.command == "generate":
        _print_generation(
            generate(
                args.db,
                seed=args.seed,
                scale=args.scale,
                today=args.today,
                empty=args.empty,
                activity=args.activity,
            )
        )
        return 0
    if args.command == "demo":
        return _demo(args)
    if args.command == "summary":
        from lifecycle.summary import render, summarize

        manifest = read_manifest(args.db)
        print(render(summarize(args.db)))
        if manifest:
            print(
                f"  generated with seed {manifest.seed}, scale {manifest.scale}, "
                f"today {manifest.today}"
            )
        return 0
    if args.command == "pii-salt":
        return _pii_salt(args)
    if args.command == "sql":
        return _sql(args)
    if args.command == "bench":
        from lifecycle.bench import run_bench

        run_bench(
            args.folder,
            args.results,
            events=args.events,
            accounts=args.accounts,
            seed=args.seed,
            reuse_parse=args.reuse_parse,
        )
        return 0
    if args.command == "check-sql":
        from lifecycle.sqlcheck import check_paths

        checked, problems = check_paths(args.paths)
        for problem in problems:
            print(problem)
        print(f"{checked} files checked, {len(problems)} problems")
        return 1 if problems or not checked else 0
    return 2


if __name__ == "__main__":
    sys.exit(main())
