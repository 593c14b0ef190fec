# Two commands matter: `make demo` (build the warehouse on generated data) and
# `make test` (lint + dbt build with every data and unit test + pytest).
# Both create the virtual environment and install the pinned toolchain first.

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

export DBT_PROFILES_DIR := $(CURDIR)
export DBT_SEND_ANONYMOUS_USAGE_STATS := false

DEMO_DB := warehouse/lifecycle.duckdb
TEST_DB := warehouse/test.duckdb
TODAY := $(shell date -u +%F)
# The small world `make test` builds: fixed seed, ~100 companies.
TEST_WORLD := --seed 7 --scale 0.1 --today $(TODAY)

.PHONY: setup demo test lint test-dbt dbt-gates metadata pytest docs clean lock bench

setup: $(STAMP)

# uv installs the pinned set in a third of pip's time (18 s against 55 s from empty
# caches; both compile the bytecode). pip installs it where uv cannot be had.
UV_VERSION := 0.13.10
PIP_INSTALL := $(BIN)/pip install --quiet --disable-pip-version-check
$(STAMP): requirements.lock pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PIP_INSTALL) uv==$(UV_VERSION) \
	  && UV_NATIVE_TLS=1 $(BIN)/uv pip install --quiet --python $(BIN)/python \
	    --compile-bytecode -r requirements.lock \
	  || $(PIP_INSTALL) -r requirements.lock
	$(PIP_INSTALL) --no-deps -e .
	mkdir -p warehouse
	touch $@

demo: setup
	$(BIN)/lifecycle --db $(DEMO_DB) demo

# The lint and the dbt gates (test-dbt, then metadata) run side by side, each printing
# its output whole when it ends: the lint's two processes and dbt's one share the two
# cores. pytest then has both.
test: setup
	$(MAKE) --no-print-directory -j2 --output-sync=target lint dbt-gates
	$(MAKE) --no-print-directory pytest

dbt-gates: test-dbt
	$(MAKE) --no-print-directory metadata

# sqlfluff's dbt templater renders each model once; an empty warehouse makes it render
# incremental models as on their first run, the same on every machine. Two processes
# share the files (152 s to 91 s on two cores), and .sqlfluff renders identity
# resolution's rounds and the erasure's hops twice instead of 30 and 8 times (the same
# lines linted; 109 s to 72 s).
lint: setup
	rm -f warehouse/lint.duckdb
	LIFECYCLE_DUCKDB_PATH=warehouse/lint.duckdb $(BIN)/sqlfluff lint models analyses --processes 2
	$(BIN)/ruff check src python_tests
	$(BIN)/ruff format --check src python_tests
	$(BIN)/check-jsonschema --builtin-schema vendor.github-workflows .github/workflows/*.yml

# The same --vars on every command against the test warehouse: dbt then reuses the
# build's parse of the project instead of parsing it again (about 7 s each).
test-dbt: setup
	rm -f $(TEST_DB)
	$(BIN)/lifecycle --db $(TEST_DB) generate $(TEST_WORLD)
	LIFECYCLE_DUCKDB_PATH=$(TEST_DB) $(BIN)/dbt build --vars '{as_of_date: "$(TODAY)"}'
	LIFECYCLE_DUCKDB_PATH=$(TEST_DB) $(BIN)/dbt source freshness --vars '{as_of_date: "$(TODAY)"}'

# Metadata gates, on the warehouse test-dbt built: every column documented, column test
# coverage, dbt-score (thresholds and project rules in pyproject.toml), and MetricFlow's
# checks of the semantic models and metrics (semantics, then each against the warehouse).
metadata: setup
	LIFECYCLE_DUCKDB_PATH=$(TEST_DB) $(BIN)/dbt docs generate --vars '{as_of_date: "$(TODAY)"}'
	$(BIN)/dbt-coverage compute doc --cov-report target/coverage-doc.json --cov-fail-under 1.0
	$(BIN)/dbt-coverage compute test --cov-report target/coverage-test.json --cov-fail-under 0.10
	LIFECYCLE_DUCKDB_PATH=$(TEST_DB) $(BIN)/dbt-score lint
	LIFECYCLE_DUCKDB_PATH=$(TEST_DB) $(BIN)/mf validate-configs

# Two workers, each taking whole test files (their worlds are module fixtures) in the
# order python_tests/conftest.py gives them, the slowest first; the slowest tests are
# listed at the end.
pytest: setup chromium
	$(BIN)/pytest -n 2 --dist loadfile --no-loadscope-reorder --durations=15

# The dashboard's browser test drives Debian's Chromium (Playwright downloads no browser),
# or the Chromium/Chrome binary LIFECYCLE_CHROMIUM names. Installed here when missing;
# without it the test skips locally and fails under CI=true.
CHROMIUM := $(or $(LIFECYCLE_CHROMIUM),/usr/bin/chromium)
chromium:
	@if [ ! -x $(CHROMIUM) ]; then \
	  if [ "$$(id -u)" -eq 0 ]; then sudo=""; else sudo="sudo -n"; fi; \
	  echo "Installing chromium for the dashboard's browser test (apt-get)"; \
	  if command -v apt-get >/dev/null \
	      && $$sudo apt-get update -qq \
	      && $$sudo apt-get install -y --no-install-recommends chromium >/dev/null; then \
	    echo "Installed chromium."; \
	  else \
	    echo "Could not install chromium: run 'apt-get install -y --no-install-recommends chromium' as root." >&2; \
	    echo "The dashboard's browser test skips without $(CHROMIUM), and fails under CI=true." >&2; \
	  fi; \
	fi

.PHONY: dashboard chromium
# The dashboard (src/lifecycle/dashboard/) on the demo warehouse, read-only; set
# LIFECYCLE_DUCKDB_PATH for another file, or LIFECYCLE_DASHBOARD_WAREHOUSE=snowflake.
dashboard: setup
	LIFECYCLE_DUCKDB_PATH=$${LIFECYCLE_DUCKDB_PATH:-$(DEMO_DB)} $(BIN)/streamlit run \
	  src/lifecycle/dashboard/app.py --browser.gatherUsageStats false

# Scale benchmark (not part of `make test`): ~10M events, 50k accounts by default; pass
# e.g. BENCH_ARGS="--events 30M --accounts 150k" for a larger world.
BENCH_ARGS ?=
bench: setup
	$(BIN)/lifecycle bench $(BENCH_ARGS)

docs: setup
	LIFECYCLE_DUCKDB_PATH=$(DEMO_DB) $(BIN)/dbt docs generate --vars '{as_of_date: "$(TODAY)"}'
	@echo "Serve them with: DBT_PROFILES_DIR=. LIFECYCLE_DUCKDB_PATH=$(DEMO_DB) $(BIN)/dbt docs serve"

lock: setup
	{ sed -n '1,2p' requirements.lock; $(BIN)/pip freeze --exclude-editable --exclude uv; } > requirements.lock.new
	mv requirements.lock.new requirements.lock

clean:
	rm -rf target logs warehouse $(VENV)
