"""Schema drift stops the build with a message naming the column; built marts stay intact."""

from __future__ import annotations

import re

import pytest

from conftest import TODAY, WITHOUT_UNIT_TESTS, Warehouse, copy_project

VARS = {"as_of_date": TODAY.isoformat()}
PUBLISHED_SQL = (
    "select table_schema || '.' || table_name from information_schema.tables "
    "where table_schema in ('analytics_marts', 'analytics_snapshots') "
    "and table_type = 'BASE TABLE' "
    "order by 1"
)


def _checksums(warehouse: Warehouse) -> dict[str, tuple]:
    return {
        relation: warehouse.query(f"select count(*), sum(hash(columns(*))) from {relation}")[0]
        for (relation,) in warehouse.query(PUBLISHED_SQL)
    }


def _rebuilt_after(warehouse: Warehouse, change: str, unit_tests: bool = False) -> Warehouse:
    """The warehouse built again after `change` to its raw tables; the build must pass."""
    warehouse.execute(change)
    selection = () if unit_tests else WITHOUT_UNIT_TESTS
    result = warehouse.dbt("build", *selection, vars=VARS, check=False)
    assert result.ok, result.output[-3000:]
    return warehouse


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (
            "alter table raw_stripe.charge alter amount type varchar",
            "Raw table stripe.charge (.*) no longer matches the sources YAML: "
            "column amount is declared bigint but is varchar",
        ),
        (
            "alter table raw_segment.tracks drop column uuid_ts",
            "Raw table segment.tracks (.*) no longer matches the sources YAML: "
            r"column uuid_ts \(timestamp\) is missing",
        ),
        (
            "alter table raw_segment.tracks drop column context_group_id",
            r"column context_group_id \(varchar\) is missing \(Segment lands context.groupId "
            "here, and creates the column with the first call that has one",
        ),
        (
            "drop table raw_segment.nps_survey_submitted",
            r"Raw table segment.nps_survey_submitted \(.*\) does not exist. Load it, or create",
        ),
        (
            "drop table raw_stripe.subscription_history",
            r"Raw table stripe.subscription_history \(.*\) does not exist. Stripe connections "
            r"made before 2022-02-09 sync the legacy `subscription` table",
        ),
    ],
    ids=["retyped", "dropped", "dropped_with_hint", "missing_table", "legacy_stripe_subscription"],
)
def test_a_changed_raw_column_stops_the_build_and_names_it(small_world, tmp_path, change, message):
    warehouse = small_world.copy_to(tmp_path)
    before = _checksums(warehouse)
    assert len(before) >= 6

    warehouse.execute(change)
    result = warehouse.dbt("build", *WITHOUT_UNIT_TESTS, vars=VARS, check=False)

    assert not result.ok
    assert re.search(message, result.output), result.output[-3000:]
    assert "SKIP relation analytics_marts.lifecycle_state" in result.output
    assert _checksums(warehouse) == before


def test_an_nps_score_column_typed_as_a_number_by_segment_is_read(small_world, tmp_path):
    # Segment types an event property from its first value: a numeric score column
    warehouse = _rebuilt_after(
        small_world.copy_to(tmp_path),
        "alter table raw_segment.nps_survey_submitted "
        "alter score type bigint using try_cast(score as bigint)",
    )
    mismatched, staged = warehouse.query(
        "select count(*) filter (where staged.nps_score is distinct from raw.score), count(*) "
        "from analytics_staging.stg_segment__nps_responses as staged "
        "inner join raw_segment.nps_survey_submitted as raw on staged.message_id = raw.id"
    )[0]
    assert staged > 0 and mismatched == 0


def test_a_mart_breaking_its_contract_fails_and_the_old_mart_stays(small_world, tmp_path):
    project = copy_project(tmp_path / "project")
    mart = project / "models" / "marts" / "health" / "customer_health_360.sql"
    sql = mart.read_text()
    published = "cast(health_scores.health_score as double) as health_score"
    assert published in sql
    mart.write_text(
        sql.replace(published, "cast(health_scores.health_score as varchar) as health_score")
    )
    warehouse = small_world.copy_to(tmp_path / "warehouse")
    warehouse = Warehouse(warehouse.db, project, warehouse.work_dir)
    before = _checksums(warehouse)

    result = warehouse.dbt("run", "--select", "customer_health_360", vars=VARS, check=False)

    assert not result.ok
    assert "contract" in result.output.lower() and "health_score" in result.output
    assert _checksums(warehouse) == before


def test_columns_a_loader_lands_with_a_narrower_or_json_type_are_read(small_world, tmp_path):
    # Stripe's metadata as a JSON column, Salesforce's date-only fields as dates, Zendesk's
    # external ids as numbers (as Fivetran's package types them), nanosecond timestamps
    warehouse = small_world.copy_to(tmp_path)
    warehouse.execute(
        "update raw_zendesk.organization set external_id = ' 4242 ' "
        "where id = (select min(id) from raw_zendesk.organization); "
        "update raw_zendesk.user set external_id = '4243' "
        "where id = (select min(id) from raw_zendesk.user)"
    )
    staged_sql = [
        "select customer_id, workspace_id, salesforce_account_id "
        "from analytics_staging.stg_stripe__customers order by 1",
        "select opportunity_id, close_date from analytics_staging.stg_salesforce__opportunities "
        "order by 1",
        "select lead_id, cast(converted_at as date) from analytics_staging.stg_salesforce__leads "
        "order by 1",
    ]
    before = [warehouse.query(sql) for sql in staged_sql]
    assert any(workspace for _, workspace, _ in before[0])
    assert any(converted for _, converted in before[2])
    _rebuilt_after(
        warehouse,
        "alter table raw_stripe.customer alter metadata type json; "
        "alter table raw_salesforce.opportunity alter close_date type date; "
        "alter table raw_salesforce.lead alter converted_date type date; "
        "alter table raw_zendesk.organization alter external_id type bigint "
        "using try_cast(trim(external_id) as bigint); "
        "alter table raw_zendesk.user alter external_id type double "
        "using try_cast(external_id as double); "
        "alter table raw_zendesk.ticket alter created_at type timestamp_ns",
    )
    assert [warehouse.query(sql) for sql in staged_sql] == before
    assert warehouse.query(
        "select external_id from analytics_staging.stg_zendesk__organizations "
        "where organization_id = (select cast(min(id) as varchar) from raw_zendesk.organization)"
    ) == [("4242",)]
    # a double id reads as the integer it holds, as on Snowflake
    assert warehouse.query(
        "select external_id from analytics_staging.stg_zendesk__users "
        "where zendesk_user_id = (select cast(min(id) as varchar) from raw_zendesk.user)"
    ) == [("4243",)]


def test_optional_columns_a_loader_never_created_are_read_as_null(small_world, tmp_path):
    # an org without the custom field; an app that never sent a name trait (the unit
    # tests too: their fixtures have the raw tables' columns)
    warehouse = _rebuilt_after(
        small_world.copy_to(tmp_path),
        "alter table raw_salesforce.lead drop column referred_by_account_c; "
        "alter table raw_segment.identifies drop column name; "
        "alter table raw_segment.groups drop column name",
        unit_tests=True,
    )
    assert warehouse.query(
        "select count(full_name) from analytics_staging.stg_segment__identifies"
    ) == [(0,)]
    assert warehouse.query(
        "select count(workspace_name) from analytics_staging.stg_segment__groups"
    ) == [(0,)]
    assert warehouse.query(
        "select count(referred_by_account_id) from analytics_staging.stg_salesforce__leads"
    ) == [(0,)]
    assert warehouse.query("select count(*) from analytics_marts.lifecycle_state")[0][0] > 0


def test_a_billing_period_kept_on_the_items_gives_the_same_renewals(small_world, tmp_path):
    # Stripe connections made since 2025-07-31: the period is on subscription_item
    warehouse = small_world.copy_to(tmp_path)
    renewals_sql = (
        "select account_id, renewal_date, days_to_renewal from analytics_marts.lifecycle_state "
        "where renewal_date is not null order by 1"
    )
    before = warehouse.query(renewals_sql)
    assert len(before) >= 10
    _rebuilt_after(
        warehouse,
        "update raw_stripe.subscription_item as item "
        "set current_period_end = history.current_period_end "
        "from raw_stripe.subscription_history as history "
        "where history.id = item.subscription_id and history._fivetran_active; "
        "alter table raw_stripe.subscription_history drop column current_period_start; "
        "alter table raw_stripe.subscription_history drop column current_period_end",
    )
    assert warehouse.query(renewals_sql) == before


def test_a_model_stored_before_it_stamped_its_rows_names_the_build_that_fixes_it(
    small_world, tmp_path
):
    """An incremental model whose stored table lacks its run stamp (built by an earlier
    version of the project) stops with the model and the --full-refresh build to run,
    not with a missing column deep in its SQL; that build mends it."""
    warehouse = small_world.copy_to(tmp_path)
    sightings = "analytics_intermediate.int_product_identifier_sightings"
    rows = warehouse.scalar(f"select count(*) from {sightings}")
    warehouse.execute(f"alter table {sightings} drop column computed_at")
    stopped = warehouse.dbt(
        "run", "--select", "int_product_identifier_sightings", vars=VARS, check=False
    )
    assert not stopped.ok
    output = " ".join(stopped.output.split())
    assert "without its computed_at column" in output, stopped.output[-3000:]
    assert "dbt build --full-refresh --select int_product_identifier_sightings" in output
    warehouse.dbt(
        "build", "--full-refresh", "--select", "int_product_identifier_sightings", vars=VARS
    )
    assert (
        warehouse.scalar(f"select count(*) from {sightings} where computed_at is not null") == rows
    )
