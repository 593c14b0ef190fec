"""The `fakesnow` command line, with each statement's rewrite copying the statement once.

fakesnow rewrites every statement through a chain of about eighty sqlglot transforms,
and `Expression.transform` deep-copies the whole tree before each one: on the project's
larger models and unit tests that copying was about two thirds of the emulated run.
Here the statement is copied once and the chain's transforms then work on that copy in
place; a transform a transform calls itself keeps sqlglot's copying.

A cursor's `description` (dbt reads it for every statement whose rows it fetches) is
DuckDB's DESCRIBE of the statement fakesnow last ran. fakesnow parses that statement
again with sqlglot and writes it back out before describing it; it is already the DuckDB
SQL sqlglot wrote, so here it is described as it is (about a fifth of the emulated run
was that parse, mostly of the unit tests' long statements).

What reaches DuckDB is unchanged. Only the test suite's emulated Snowflake run starts
fakesnow this way (`python fakesnow_cli.py -d DIR -m dbt.cli.main ...`, the arguments
of `fakesnow`).
"""

from __future__ import annotations

import sys
import threading

import fakesnow.cli
from fakesnow.cursor import FakeSnowflakeCursor
from sqlglot import exp

_chain = threading.local()
_sqlglot_transform = exp.Expression.transform
_fakesnow_transform = FakeSnowflakeCursor._transform


def _transform(self, fun, *args, copy=True, **kwargs):
    """In place when called by the chain on its current statement, else as sqlglot does."""
    if getattr(_chain, "statement", None) is self and not getattr(_chain, "inside", False):
        _chain.inside = True
        try:
            result = _sqlglot_transform(self, fun, *args, copy=False, **kwargs)
        finally:
            _chain.inside = False
        _chain.statement = result
        return result
    return _sqlglot_transform(self, fun, *args, copy=copy, **kwargs)


def _transform_statement(self, expression, params):
    _chain.statement = expression.copy()
    try:
        return _fakesnow_transform(self, _chain.statement, params)
    finally:
        _chain.statement = None


def _describe_last_sql(self) -> list:
    """The rows of DuckDB's DESCRIBE of the last statement, as fakesnow reads them."""
    return self._duck_conn.execute(f"DESCRIBE {self._last_sql}", self._last_params).fetchall()


exp.Expression.transform = _transform
FakeSnowflakeCursor._transform = _transform_statement
FakeSnowflakeCursor._describe_last_sql = _describe_last_sql

if __name__ == "__main__":
    sys.exit(fakesnow.cli.main(sys.argv[1:]))
