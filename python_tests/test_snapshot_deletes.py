"""The stage snapshot through a delete / reinsert / delete lifecycle of a source row."""

from __future__ import annotations

from itertools import pairwise

from conftest import TODAY

VARS = {"as_of_date": TODAY.isoformat()}
STATE = "analytics_marts.lifecycle_state"
SNAPSHOT = "analytics_snapshots.lifecycle_state_snapshot"


def test_delete_reinsert_delete_keeps_one_current_version_and_no_overlap(small_world, tmp_path):
    warehouse = small_world.copy_to(tmp_path)
    account_id = warehouse.scalar(f"select min(account_id) from {STATE}")
    warehouse.execute(
        f"create table saved_row as select * from {STATE} where account_id = '{account_id}'"
    )
    untouched_before = warehouse.query(
        f"select * from {SNAPSHOT} where account_id != '{account_id}' order by all"
    )

    steps = [
        f"delete from {STATE} where account_id = '{account_id}'",
        f"insert into {STATE} select * from saved_row",
        f"delete from {STATE} where account_id = '{account_id}'",
    ]
    for step in steps:
        warehouse.execute(step)
        warehouse.dbt("snapshot", vars=VARS)

    versions = warehouse.query(
        f"select dbt_valid_from, dbt_valid_to from {SNAPSHOT} "
        f"where account_id = '{account_id}' order by dbt_valid_from"
    )
    # built once, closed, reopened by the reinsert, closed again
    assert len(versions) == 2
    assert all(valid_to is not None for _, valid_to in versions)
    for (start, end), (next_start, _) in pairwise(versions):
        assert start < end <= next_start

    # Every key: at most one current version and no overlapping validity ranges.
    overlaps = warehouse.scalar(
        f"select count(*) from {SNAPSHOT} as a inner join {SNAPSHOT} as b "
        "on a.account_id = b.account_id and a.dbt_scd_id != b.dbt_scd_id "
        "and a.dbt_valid_from < coalesce(b.dbt_valid_to, timestamp '9999-12-31') "
        "and b.dbt_valid_from < coalesce(a.dbt_valid_to, timestamp '9999-12-31')"
    )
    assert overlaps == 0
    most_current = warehouse.scalar(
        f"select max(n) from (select count(*) as n from {SNAPSHOT} "
        "where dbt_valid_to is null group by account_id)"
    )
    assert most_current == 1
    # the other accounts did not move
    untouched_after = warehouse.query(
        f"select * from {SNAPSHOT} where account_id != '{account_id}' order by all"
    )
    assert untouched_after == untouched_before
