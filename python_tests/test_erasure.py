"""An erasure request removes a person from every model, on a rebuild and incrementally."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import duckdb
import pytest

from conftest import MODELS_ONLY, ROOT, RUN_STAMPS, WITHOUT_UNIT_TESTS, Warehouse
from lifecycle.generator import generate

TODAY = date(2026, 6, 30)
REQUESTED_AT = datetime.combine(TODAY - timedelta(days=1), datetime.min.time()) + timedelta(
    hours=12
)
COMPARED = [
    "analytics_staging.base_segment__tracks",
    "analytics_intermediate.int_product_events_daily",
    "analytics_intermediate.int_product_identifier_sightings",
    "analytics_intermediate.int_account_active_user_spells",
    "analytics_intermediate.int_account_signals_daily",
    "analytics_marts.lifecycle_state",
    "analytics_marts.person_status",
    "analytics_marts.customer_health_360",
    "analytics_marts.pql_status",
]
PERSON_TYPES = ("email", "user_id", "anonymous_id", "salesforce_contact", "zendesk_user")


def _pick_person(warehouse: Warehouse) -> tuple[str, dict[str, set[str]]]:
    """A person known to the product, the CRM and support, with all their identifiers."""
    person_id = warehouse.scalar(
        f"""
        select person_id
        from analytics_intermediate.int_person_identifiers
        group by person_id
        having count(distinct identifier_type) filter (
            where identifier_type in {PERSON_TYPES}) = {len(PERSON_TYPES)}
        order by person_id
        limit 1
        """
    )
    identifiers: dict[str, set[str]] = {}
    for kind, value in warehouse.query(
        "select identifier_type, identifier_value "
        "from analytics_intermediate.int_person_identifiers "
        f"where person_id = '{person_id}'"
    ):
        identifiers.setdefault(kind, set()).add(value)
    return person_id, identifiers


def _request_erasure(warehouse: Warehouse, email: str) -> None:
    # Written the way a privacy tool would: any case, stray spaces.
    warehouse.execute(
        "insert into raw_privacy.erasure_requests values "
        f"('Email', '  {email.upper()} ', timestamp '{REQUESTED_AT}')"
    )


def _where_found(warehouse: Warehouse, values: set[str]) -> list[tuple[str, str, int]]:
    """(relation, column, rows) for every text column of every model holding a value."""
    columns: dict[str, list[str]] = {}
    for relation, column in warehouse.query(
        "select table_schema || '.' || table_name, column_name from information_schema.columns "
        "where table_schema like 'analytics_%' and data_type = 'VARCHAR' order by 1, 2"
    ):
        columns.setdefault(relation, []).append(column)
    listed = ", ".join(f"'{value.lower()}'" for value in values)
    found = []
    for relation, names in columns.items():  # one scan of each relation
        counts = warehouse.query(
            "select "
            + ", ".join(
                f'count(*) filter (where lower(trim("{name}")) in ({listed}))' for name in names
            )
            + f" from {relation}"
        )[0]
        found += [(relation, name, rows) for name, rows in zip(names, counts, strict=True) if rows]
    return found


@pytest.fixture(scope="module")
def erased(tmp_path_factory):
    """One world built daily with a request arriving in between, and the same world rebuilt."""
    base = tmp_path_factory.mktemp("erasure")
    daily = Warehouse(base / "daily" / "warehouse.duckdb", ROOT, base / "daily")
    daily.work_dir.mkdir()
    generate(daily.db, seed=5, scale=0.1, today=TODAY)
    yesterday = {"as_of_date": (TODAY - timedelta(days=1)).isoformat()}
    # The daily builds' rows are compared with the rebuild, which runs every data test.
    daily.dbt("build", *MODELS_ONLY, vars=yesterday)
    person_id, identifiers = _pick_person(daily)
    email = sorted(identifiers["email"])[0]
    assert _where_found(daily, {email}), "the person is in the marts before the request"

    _request_erasure(daily, email)
    today = {"as_of_date": TODAY.isoformat()}
    daily.dbt("build", *MODELS_ONLY, vars=today)

    rebuilt = daily.copy_to(base / "rebuilt")
    rebuilt.dbt("build", "--full-refresh", *WITHOUT_UNIT_TESTS, vars=today)
    return daily, rebuilt, person_id, identifiers


def test_request_reaches_every_identifier_of_the_person(erased):
    daily, _, _, identifiers = erased
    erased_types = {
        kind
        for (kind,) in daily.query(
            "select distinct identifier_type from analytics_staging.stg_privacy__erased_identifiers"
        )
    }
    assert set(PERSON_TYPES) <= erased_types
    expected = sum(len(identifiers[kind]) for kind in PERSON_TYPES)
    found = daily.scalar(
        "select count(*) from analytics_staging.stg_privacy__erased_identifiers "
        f"where identifier_type in {PERSON_TYPES}"
    )
    assert found >= expected
    assert not daily.scalar(
        "select count(*) from analytics_staging.stg_privacy__erased_identifiers "
        "where has_unfollowed_links"
    )


@pytest.mark.parametrize("side", ["daily", "rebuilt"])
def test_no_model_holds_the_person(erased, side):
    daily, rebuilt, person_id, identifiers = erased
    warehouse = daily if side == "daily" else rebuilt
    # Stripe customers are the company's billing objects: they stay (redacted).
    values = {person_id} | set().union(*(identifiers[kind] for kind in PERSON_TYPES))
    found = _where_found(warehouse, values)
    assert found == [], (identifiers, found)


def test_erased_rows_are_accounted_for(erased):
    daily, _, _, _ = erased
    erased_rows = daily.scalar(
        "select count(*) from analytics_staging.stg_excluded_rows where exclusion_reason = 'erased'"
    )
    assert erased_rows > 0
    # Their record keys are hashes, not the raw ids.
    assert not daily.scalar(
        "select count(*) from analytics_staging.stg_excluded_rows as excluded "
        "where exclusion_reason = 'erased' and exists ("
        "select 1 from raw_segment.tracks as raw where raw.id = excluded.source_record_key)"
    )


@pytest.mark.parametrize("relation", COMPARED)
def test_daily_runs_after_a_request_equal_a_rebuild(erased, relation):
    daily, rebuilt, _, _ = erased
    exported = []
    for warehouse in (daily, rebuilt):
        path = warehouse.work_dir / f"{relation}.parquet"
        columns = f"* exclude ({RUN_STAMPS[relation]})" if relation in RUN_STAMPS else "*"
        warehouse.execute(f"copy (select {columns} from {relation}) to '{path}' (format parquet)")
        exported.append(f"read_parquet('{path}')")
    con = duckdb.connect()
    left, right = exported
    differences = [
        con.execute(
            f"select count(*) from (select * from {a} except all select * from {b})"
        ).fetchone()[0]
        for a, b in ((left, right), (right, left))
    ]
    con.close()
    assert differences == [0, 0]
