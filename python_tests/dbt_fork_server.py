"""Runs dbt commands for the test suite, each in a fresh fork of a process that has
already imported dbt.

A dbt run spends about 1.5 s of CPU importing dbt, its adapter and its plugins before it
reads the project; the test suite runs dbt over a hundred times. This process imports
them once, then forks itself for each command: the child changes to the command's folder
and environment, sends its output to the file it is given, runs dbt's command line and
exits with its exit code. No dbt state outlives a command: each runs in its own process,
as `dbt` on the command line does.

Protocol (one JSON object a line): the test process writes {"args", "cwd", "env",
"output"} to stdin; this process answers {"returncode"} on stdout once the command ends.
Started by python_tests/conftest.py, one per test worker.
"""

from __future__ import annotations

import atexit
import gc
import json
import os
import sys
import threading

import dbt.adapters.duckdb
import dbt.adapters.duckdb.impl
import dbt.cli.main
import dbt.parser.manifest
import dbt.task.build
import dbt.task.compile
import dbt.task.docs.generate
import dbt.task.freshness
import dbt.task.run
import dbt.task.test
from dbt.plugins.manager import _get_dbt_modules


def run_in_child(request: dict) -> None:
    """In the forked child: run one dbt command, then exit with its code."""
    code = 1
    try:
        os.chdir(request["cwd"])
        os.environ.clear()
        os.environ.update(request["env"])
        nothing = os.open(os.devnull, os.O_RDONLY)  # not the requests' pipe
        os.dup2(nothing, 0)
        os.close(nothing)
        output = os.open(request["output"], os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
        os.dup2(output, 1)
        os.dup2(output, 2)
        os.close(output)
        try:
            dbt.cli.main.cli.main(request["args"], prog_name="dbt")
            code = 0
        except SystemExit as stopped:
            code = stopped.code if isinstance(stopped.code, int) else int(bool(stopped.code))
    except BaseException as error:  # reported in the output, as dbt's own errors are
        print(f"dbt_fork_server: {error!r}", file=sys.stderr)
    # What the `dbt` command does as it exits: the exit functions close dbt-duckdb's
    # connection, and DuckDB then writes its log into the database file. The rest of an
    # interpreter's shutdown is left out (in a forked child, C++ runtime destructors can
    # abort it).
    atexit._run_exitfuncs()
    gc.collect()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)


def main() -> None:
    _get_dbt_modules()  # dbt imports every installed dbt_* module looking for plugins
    # forking is only safe from a process with one thread
    assert threading.active_count() == 1, threading.enumerate()
    for line in sys.stdin:
        request = json.loads(line)
        sys.stdout.flush()
        pid = os.fork()
        if pid == 0:
            run_in_child(request)
        _, status = os.waitpid(pid, 0)
        print(json.dumps({"returncode": os.waitstatus_to_exitcode(status)}), flush=True)


if __name__ == "__main__":
    main()
