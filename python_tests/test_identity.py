"""Identity resolution: exact connected components, stable ids, guard rails."""

from __future__ import annotations

import itertools
import os
import random
import subprocess

import duckdb
import networkx as nx
import pyarrow as pa
import pytest

from conftest import DBT, MODELS_ONLY, ROOT, TODAY, WITHOUT_UNIT_TESTS, Warehouse, as_far_as
from lifecycle.generator import generate

ITERATIONS = 30
# A build of the identity models and what they read, with their data tests: for the
# tests that read no model past identity resolution.
IDENTITY_BUILD = as_far_as(
    "int_persons",
    "int_person_accounts",
    "int_account_identifiers",
    "int_identity_review_queue",
    "int_identity_merge_audit",
)


@pytest.fixture(scope="module")
def components_sql(tmp_path_factory) -> str:
    """The project's connected_components macro compiled for plain input tables."""
    work = tmp_path_factory.mktemp("compile")
    macro_call = f"connected_components('graph', 'graph_nodes', 'graph_edges', {ITERATIONS})"
    inline = "with {{ " + macro_call + " }} select node_num, component_num from graph_components"
    completed = subprocess.run(
        [
            str(DBT),
            "--quiet",
            "compile",
            "--inline",
            inline,
            "--target-path",
            str(work / "t"),
            "--log-path",
            str(work / "l"),
            "--project-dir",
            str(ROOT),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
        env={
            **os.environ,
            "DBT_PROFILES_DIR": str(ROOT),
            "LIFECYCLE_DUCKDB_PATH": str(work / "c.duckdb"),
            "DBT_SEND_ANONYMOUS_USAGE_STATS": "false",
        },
    )
    sql = completed.stdout.strip()
    assert f"graph_parent_{ITERATIONS}" in sql and sql.startswith("with")
    return sql


def _random_graphs(seed: int):
    """Seeded graphs of the shapes that break naive label propagation."""
    rnd = random.Random(seed)

    def relabel(n, edges):
        labels = rnd.sample(range(10 * n), n)
        return [labels[i] for i in range(n)], [(labels[a], labels[b]) for a, b in edges]

    def chain(n):
        return relabel(n, [(i, i + 1) for i in range(n - 1)])

    def star(n):
        return relabel(n, [(0, i) for i in range(1, n)])

    def small_components(n):
        return relabel(n, [(rnd.randrange(n), rnd.randrange(n)) for _ in range(n // 2)])

    def tree(n):
        return relabel(n, [(i, rnd.randrange(i)) for i in range(1, n)])

    def sparse(n):
        return relabel(n, [(rnd.randrange(n), rnd.randrange(n)) for _ in range(int(n * 1.1))])

    shapes = [chain, star, small_components, tree, sparse]
    for shape in shapes:
        yield shape.__name__, *shape(rnd.randint(300, 2500))
    # everything at once, plus isolated nodes, self loops and edges given twice
    nodes, edges = [], []
    for shape in shapes:
        more_nodes, more_edges = shape(rnd.randint(50, 400))
        offset = 100_000 * (len(nodes) + 1)
        nodes += [n + offset for n in more_nodes]
        edges += [(a + offset, b + offset) for a, b in more_edges]
    nodes += [9_000_000 + i for i in range(50)]
    edges += [(n, n) for n in rnd.sample(nodes, 20)]
    edges += [(b, a) for a, b in rnd.sample(edges, 20)] + rnd.sample(edges, 20)
    yield "mixed", nodes, edges


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_components_equal_networkx_on_random_graphs(components_sql: str, seed: int):
    con = duckdb.connect()
    for name, nodes, edges in _random_graphs(seed):
        con.register("node_batch", pa.table({"node_num": pa.array(nodes, pa.int64())}))
        con.register(
            "edge_batch",
            pa.table(
                {
                    "left_num": pa.array([a for a, _ in edges], pa.int64()),
                    "right_num": pa.array([b for _, b in edges], pa.int64()),
                }
            ),
        )
        con.execute("create or replace table graph_nodes as select * from node_batch")
        con.execute("create or replace table graph_edges as select * from edge_batch")
        result = dict(con.execute(components_sql).fetchall())

        reference = nx.Graph()
        reference.add_nodes_from(nodes)
        reference.add_edges_from(edges)
        expected = {frozenset(c) for c in nx.connected_components(reference)}
        got: dict[int, set[int]] = {}
        for node, component in result.items():
            got.setdefault(component, set()).add(node)
        assert {frozenset(c) for c in got.values()} == expected, (seed, name)
        assert all(component == min(members) for component, members in got.items()), name


def test_rounds_stop_once_no_pointer_moves(components_sql: str):
    """A 2,000-node chain in random order: hooking and jumping contract it to a chain
    of about a third of its nodes (each node smaller than both its neighbours), which
    needs about log2 of that many rounds; the rest of the 30 read no rows."""
    con = duckdb.connect()
    size = 2000
    order = random.Random(3).sample(range(size), size)
    con.execute("create table graph_nodes as select range as node_num from range(?)", [size])
    con.execute("create table graph_edges (left_num bigint, right_num bigint)")
    con.executemany("insert into graph_edges values (?, ?)", list(itertools.pairwise(order)))
    body = components_sql.rsplit("select node_num, component_num from graph_components", 1)[0]
    contracted_nodes = "select 0 as round_num, count(distinct node_num) from graph_directed_edges"
    rows_per_round = " union all ".join(
        f"select {k} as round_num, count(*) as nodes from graph_parent_{k}"
        for k in range(1, ITERATIONS + 1)
    )
    counts = dict(con.execute(f"{body} {contracted_nodes} union all {rows_per_round}").fetchall())
    contracted = counts.pop(0)
    assert size / 4 < contracted < size / 2, contracted
    ran = [k for k, nodes in counts.items() if nodes]
    assert all(counts[k] == contracted for k in ran)
    assert ran == list(range(1, len(ran) + 1))
    assert 9 <= len(ran) <= 20, counts
    components = con.execute(components_sql).fetchall()
    assert {component for _, component in components} == {0}
    assert len(components) == size


def _resolved(warehouse, entity_column, model, node_key):
    """The person or account an identifier resolved to, None when it resolved to none."""
    rows = warehouse.query(
        f"select {entity_column} from analytics_intermediate.{model} where node_key = '{node_key}'"
    )
    return rows[0][0] if rows else None


def _identify(con, rows):
    con.executemany(
        "insert into raw_segment.identifies (id, anonymous_id, user_id, email, timestamp, "
        "received_at) values (?, ?, ?, ?, ?, ?)",
        [(*row[:5], row[4]) for row in rows],
    )


def test_a_chain_of_two_thousand_identifiers_is_one_person_after_one_build(empty_warehouse):
    rnd = random.Random(7)
    rows = []
    for k in range(1000):
        day = f"2026-0{1 + k % 5}-{1 + k % 27:02d} {k % 24:02d}:00:00"
        rows.append((f"a{k}", f"anon-{k}", f"user-{k}", None, day))
        if k < 999:
            rows.append((f"b{k}", f"anon-{k}", f"user-{k + 1}", None, day))
    rnd.shuffle(rows)
    con = duckdb.connect(str(empty_warehouse.db))
    _identify(con, rows)
    con.close()

    empty_warehouse.dbt("build", *IDENTITY_BUILD, vars={"as_of_date": TODAY.isoformat()})

    persons = empty_warehouse.query(
        "select anonymous_id_count, user_id_count from analytics_intermediate.int_persons"
    )
    assert persons == [(1000, 1000)]


def test_person_ids_survive_a_full_refresh_and_a_new_device(tmp_path):
    # a generated world (every source, ~150 companies), built only as far as identity
    warehouse = Warehouse(tmp_path / "warehouse.duckdb", ROOT, tmp_path)
    generate(warehouse.db, seed=11, scale=0.15, today=TODAY)
    select = ["--select", "+int_person_accounts", *MODELS_ONLY]
    warehouse.dbt("build", *select, vars={"as_of_date": TODAY.isoformat()})
    mapping_sql = (
        "select node_key, person_id from analytics_intermediate.int_person_identifiers "
        "order by node_key"
    )
    accounts_sql = (
        "select node_key, account_id from analytics_intermediate.int_account_identifiers "
        "order by node_key"
    )
    before, accounts_before = warehouse.query(mapping_sql), warehouse.query(accounts_sql)

    warehouse.dbt("build", "--full-refresh", *select, vars={"as_of_date": TODAY.isoformat()})
    assert warehouse.query(mapping_sql) == before
    assert warehouse.query(accounts_sql) == accounts_before

    user_id, person_id = warehouse.query(
        "select identifier_value, person_id from analytics_intermediate.int_person_identifiers "
        "where identifier_type = 'user_id' order by first_seen_at limit 1"
    )[0]
    warehouse.execute(
        "insert into raw_segment.identifies (id, anonymous_id, user_id, timestamp, received_at) "
        f"values ('new-msg', 'brand-new-device', '{user_id}', "
        "'2026-06-29 10:00:00', '2026-06-29 10:00:01')"
    )
    warehouse.dbt("build", *select, vars={"as_of_date": TODAY.isoformat()})

    after = dict(warehouse.query(mapping_sql))
    assert after.pop("anonymous_id:brand-new-device") == person_id
    assert after == dict(before)


def test_guard_rails_keep_shared_devices_role_addresses_and_free_mail_apart(empty_warehouse):
    con = duckdb.connect(str(empty_warehouse.db))
    _identify(
        con,
        [
            # a kiosk: one device, four people -> four persons, the device links none of them
            *[
                (f"k{i}", "kiosk", f"visitor-{i}", f"visitor{i}@corp{i}.com", "2026-03-01 09:00:00")
                for i in range(4)
            ],
            # a sign-in kiosk: four visitors type their email while logged out, then each
            # signs in at home -> four persons, the kiosk links none of them
            *[
                (f"s{i}", "sign-in-kiosk", None, f"guest{i}@visit{i}.io", "2026-03-01 10:00:00")
                for i in range(4)
            ],
            *[
                (f"h{i}", f"home-{i}", f"guest-{i}", f"guest{i}@visit{i}.io", "2026-03-05 10:00:00")
                for i in range(4)
            ],
            # an app sending the placeholder "undefined" as two strangers' user id
            ("p1", "dev-und-1", "undefined", "und1@undco.io", "2026-03-01 11:00:00"),
            ("p2", "dev-und-2", "Undefined", "und2@undco2.io", "2026-03-01 12:00:00"),
            # ... and a JavaScript object printed as text, "[object Object]"
            ("p3", "dev-obj-1", "[object Object]", "obj1@objco.io", "2026-03-01 13:00:00"),
            ("p4", "dev-obj-2", "[object Object]", "obj2@objco2.io", "2026-03-01 14:00:00"),
            # a family laptop: two people -> merged (at most identity_max_users_per_device)
            ("f1", "laptop", "parent", None, "2026-03-02 09:00:00"),
            ("f2", "laptop", "child", None, "2026-03-02 10:00:00"),
            # a desk of three, where the app once sent "undefined" as the user id: three
            # people, not four, so still at most identity_max_users_per_device
            *[(f"d{i}", "desk", f"desk-user-{i}", None, "2026-03-02 11:00:00") for i in range(3)],
            ("d3", "desk", "undefined", None, "2026-03-02 12:00:00"),
            # a free-mail user in a workspace
            ("g1", "phone", "freelancer", "Free.Lancer@Gmail.com ", "2026-03-03 09:00:00"),
            # three laptops, each shared by two logins, chaining four logins into one
            # person: no device rule breaks, the cluster is queued for review
            *[
                (f"c{i}{j}", f"chain-laptop-{i}", f"chain-{i + j}", None, "2026-03-04 09:00:00")
                for i in range(3)
                for j in range(2)
            ],
        ],
    )
    con.execute(
        "insert into raw_segment.groups (id, user_id, group_id, name, timestamp, received_at) "
        "values ('grp1', 'freelancer', 'ws-studio', 'Studio', '2026-03-03 09:05:00', "
        "'2026-03-03 09:05:01')"
    )
    con.execute(
        "insert into raw_salesforce.lead (id, email, company, status, is_deleted, created_date, "
        "_fivetran_synced) values "
        "('00QA', 'support@acme.com', 'Acme', 'Open - Not Contacted', false, '2026-03-04', "
        "'2026-03-04'), "
        "('00QB', 'support@acme.com', 'Acme', 'Open - Not Contacted', false, '2026-03-05', "
        "'2026-03-05'), "
        "('00QC', 'solo@gmail.com', null, 'Open - Not Contacted', false, '2026-03-06', "
        "'2026-03-06')"
    )
    con.close()

    empty_warehouse.dbt("build", *IDENTITY_BUILD, vars={"as_of_date": TODAY.isoformat()})

    def person_of(node_key):
        return _resolved(empty_warehouse, "person_id", "int_person_identifiers", node_key)

    visitors = {person_of(f"user_id:visitor-{i}") for i in range(4)}
    assert len(visitors) == 4 and None not in visitors
    assert person_of("anonymous_id:kiosk") is None
    assert person_of("user_id:parent") == person_of("user_id:child") is not None
    assert person_of("user_id:desk-user-0") == person_of("user_id:desk-user-2") is not None
    assert person_of("anonymous_id:desk") == person_of("user_id:desk-user-0")
    assert person_of("salesforce_lead:00QA") != person_of("salesforce_lead:00QB")
    assert person_of("email:support@acme.com") is None
    queue = empty_warehouse.query(
        "select entity_id, review_reason, observed_count "
        "from analytics_intermediate.int_identity_review_queue"
    )
    assert ("anonymous_id:kiosk", "shared_device", 4) in queue
    assert ("anonymous_id:sign-in-kiosk", "shared_device", 4) in queue
    assert person_of("anonymous_id:sign-in-kiosk") is None
    guests = {person_of(f"email:guest{i}@visit{i}.io") for i in range(4)}
    assert len(guests) == 4 and None not in guests
    assert person_of("user_id:guest-0") == person_of("email:guest0@visit0.io")
    assert person_of("user_id:undefined") is None
    assert None is not person_of("email:und1@undco.io") != person_of("email:und2@undco2.io")
    assert None is not person_of("email:obj1@objco.io") != person_of("email:obj2@objco2.io")
    assert person_of("user_id:chain-0") == person_of("user_id:chain-3") is not None
    assert [row for row in queue if row[1] != "shared_device"] == [
        (person_of("user_id:chain-0"), "too_many_user_ids", 4)
    ]
    blocked = empty_warehouse.query(
        "select distinct blocked_reason from analytics_intermediate.int_identity_merge_audit "
        "where entity_id = (select person_id from analytics_intermediate.int_person_identifiers "
        "where node_key = 'salesforce_lead:00QA')"
    )
    assert blocked == [("role_address",)]

    freelancer_account = empty_warehouse.query(
        "select accounts.workspace_id, accounts.primary_domain, person_accounts.mapping_rule "
        "from analytics_intermediate.int_person_accounts as person_accounts "
        "inner join analytics_intermediate.int_accounts as accounts using (account_id) "
        f"where person_accounts.person_id = '{person_of('user_id:freelancer')}'"
    )
    assert freelancer_account == [("ws-studio", None, "workspace")]
    assert empty_warehouse.query(
        "select count(*) from analytics_intermediate.int_person_accounts "
        f"where person_id = '{person_of('salesforce_lead:00QC')}'"
    ) == [(0,)]
    assert empty_warehouse.query(
        "select count(*) from analytics_intermediate.int_accounts "
        "where primary_domain = 'gmail.com'"
    ) == [(0,)]


def test_a_placeholder_login_is_nobody_in_the_raw_count_and_an_empty_list_counts_it(
    empty_warehouse,
):
    con = duckdb.connect(str(empty_warehouse.db))
    _identify(
        con,
        [
            *[(f"d{i}", "desk", f"desk-user-{i}", None, "2026-03-02 11:00:00") for i in range(3)],
            ("d3", "desk", "undefined", None, "2026-03-02 12:00:00"),
            *[(f"k{i}", "kiosk", f"visitor-{i}", None, "2026-03-01 09:00:00") for i in range(4)],
        ],
    )
    # an erasure request for someone else: identity resolution then also counts the
    # people per device over the raw rows (the erasure scope's rule)
    con.execute(
        "insert into raw_privacy.erasure_requests values "
        "('email', 'someone.else@elsewhere.io', timestamp '2026-03-06 00:00:00')"
    )
    con.close()

    def persons(node_keys):
        listed = ", ".join(f"'{key}'" for key in node_keys)
        return empty_warehouse.query(
            "select node_key, person_id from analytics_intermediate.int_person_identifiers "
            f"where node_key in ({listed}) order by node_key"
        )

    desk = [f"user_id:desk-user-{i}" for i in range(3)]
    kiosk = [f"user_id:visitor-{i}" for i in range(4)]
    as_of = {"as_of_date": TODAY.isoformat()}
    empty_warehouse.dbt("build", *IDENTITY_BUILD, vars=as_of)
    assert len({person for _, person in persons(desk)}) == 1
    assert len({person for _, person in persons(kiosk)}) == 4

    # without placeholders the 'undefined' login is a fourth person at the desk; the
    # kiosk stays shared (an empty list must not switch the user-id count off)
    empty_warehouse.dbt("build", *IDENTITY_BUILD, vars={**as_of, "identity_placeholder_ids": []})
    assert len({person for _, person in persons(desk)}) == 3
    assert len({person for _, person in persons(kiosk)}) == 4


def test_a_known_person_is_a_contact_of_every_workspace_they_joined(empty_warehouse):
    # cora (a free-mail address: no company, known from March 1) joins two workspaces
    # and works in both; she maps to one account (beta's, the latest she joined) and is
    # a contact of each from the day she joined it, not from the day she was known
    con = duckdb.connect(str(empty_warehouse.db))
    _identify(con, [("i1", "cora-laptop", "u_cora", "cora@gmail.com", "2026-03-01 09:00:00")])
    con.executemany(
        "insert into raw_segment.groups (id, user_id, group_id, name, timestamp, received_at) "
        "values (?, 'u_cora', ?, ?, ?, ?)",
        [
            ("g1", "ws_cora_alpha", "Alpha", "2026-03-02 09:00:00", "2026-03-02 09:00:01"),
            ("g2", "ws_cora_beta", "Beta", "2026-04-02 09:00:00", "2026-04-02 09:00:01"),
        ],
    )
    con.executemany(
        "insert into raw_segment.tracks (id, user_id, event, context_group_id, timestamp, "
        "received_at) values (?, 'u_cora', 'Task Completed', ?, ?, ?)",
        [
            ("t1", "ws_cora_alpha", "2026-06-10 09:00:00", "2026-06-10 09:00:01"),
            ("t2", "ws_cora_beta", "2026-06-11 09:00:00", "2026-06-11 09:00:01"),
        ],
    )
    con.close()

    empty_warehouse.dbt("build", *WITHOUT_UNIT_TESTS, vars={"as_of_date": TODAY.isoformat()})

    assert empty_warehouse.query(
        "select workspace_id, stage, cast(profiles.known_contact_since_date as varchar) "
        "from analytics_marts.lifecycle_state as state "
        "inner join analytics_intermediate.int_account_profiles as profiles using (account_id) "
        "order by workspace_id"
    ) == [("ws_cora_alpha", "Lead", "2026-03-02"), ("ws_cora_beta", "Lead", "2026-04-02")]


def test_a_workspace_seen_only_in_events_meets_its_company(empty_warehouse):
    # the app sends no group calls: acme's two colleagues only tag their events with the
    # workspace (context_group_id); their email domain is the CRM account's website, so
    # the workspace is that account's, as it is for beta, whose app sends group calls.
    # Two strangers at a regional free-mail domain keep their own workspaces apart. Pat
    # never signs in: the device gave an email, and its events tag nine's workspace.
    con = duckdb.connect(str(empty_warehouse.db))
    _identify(
        con,
        [
            ("i-pat", "anon-pat", None, "pat@nine.com", "2026-06-01 09:00:00"),
            ("i-rae", "anon-rae", None, "rae@nine.com", "2026-06-11 09:00:00"),
        ],
    )
    con.execute(
        "insert into raw_segment.tracks (id, anonymous_id, event, context_group_id, timestamp, "
        "received_at) values ('t-rae', 'anon-rae', 'Signed Up', 'ws_nine', "
        "'2026-06-11 09:01:00', '2026-06-11 09:01:01')"
    )
    con.executemany(
        "insert into raw_segment.tracks (id, anonymous_id, event, context_group_id, timestamp, "
        "received_at) values (?, 'anon-pat', ?, 'ws_nine', ?, ?)",
        [
            ("t-pat-1", "Signed Up", "2026-06-01 09:01:00", "2026-06-01 09:01:01"),
            ("t-pat-2", "Project Created", "2026-06-02 09:00:00", "2026-06-02 09:00:01"),
        ],
    )
    for stranger in ["carol", "dave"]:
        _identify(
            con,
            [
                (
                    f"i-{stranger}",
                    f"laptop-{stranger}",
                    stranger,
                    f"{stranger}@yahoo.ca",
                    "2026-03-01",
                )
            ],
        )
        con.execute(
            "insert into raw_segment.tracks (id, user_id, event, context_group_id, timestamp, "
            f"received_at) values ('t-{stranger}', '{stranger}', 'Task Completed', "
            f"'ws_{stranger}', '2026-06-10 10:00:00', '2026-06-10 10:00:01')"
        )
    for company, group_calls in [("acme", False), ("beta", True)]:
        con.execute(
            "insert into raw_salesforce.account (id, name, website, is_deleted, created_date, "
            f"_fivetran_synced) values ('001{company}', '{company}', 'https://www.{company}.com', "
            "false, '2026-02-01', '2026-02-01')"
        )
        users = [f"{company}-ana", f"{company}-ben"]
        _identify(
            con,
            [
                (
                    f"i-{user}",
                    f"laptop-{user}",
                    user,
                    f"{user}@{company}.com",
                    "2026-02-20 09:00:00",
                )
                for user in users
            ],
        )
        if group_calls:
            con.executemany(
                "insert into raw_segment.groups (id, user_id, group_id, timestamp, received_at) "
                "values (?, ?, ?, '2026-02-20 09:05:00', '2026-02-20 09:05:01')",
                [(f"g-{user}", user, f"ws_{company}") for user in users],
            )
        con.executemany(
            "insert into raw_segment.tracks (id, user_id, event, context_group_id, timestamp, "
            "received_at) values (?, ?, 'Task Completed', ?, ?, ?)",
            [
                (f"t-{user}-{day}", user, f"ws_{company}", f"{day} 10:00:00", f"{day} 10:00:01")
                for user in users
                for day in ["2026-06-10", "2026-06-20"]
            ],
        )
    con.close()

    empty_warehouse.dbt("build", *WITHOUT_UNIT_TESTS, vars={"as_of_date": TODAY.isoformat()})

    def account_of(node_key):
        return _resolved(empty_warehouse, "account_id", "int_account_identifiers", node_key)

    for company in ["acme", "beta"]:
        assert account_of(f"workspace:ws_{company}") == account_of(f"crm_account:001{company}")
        assert account_of(f"workspace:ws_{company}") is not None
    assert empty_warehouse.query(
        "select left_node_key, right_node_key, edge_source "
        "from analytics_intermediate.int_account_edges "
        "where left_node_key like '%acme%' or right_node_key like '%acme%' "
        "order by edge_source"
    ) == [
        ("crm_account:001acme", "email_domain:acme.com", "salesforce.account"),
        ("email_domain:acme.com", "workspace:ws_acme", "segment.tracks"),
    ]
    assert empty_warehouse.query(
        "select workspace_id, primary_domain, stage from analytics_marts.lifecycle_state "
        "order by workspace_id"
    ) == [
        ("ws_acme", "acme.com", "Lead"),
        ("ws_beta", "beta.com", "Lead"),
        ("ws_carol", None, "Lead"),
        ("ws_dave", None, "Lead"),
        ("ws_nine", "nine.com", "Lead"),
    ]
    # rae signed up before signing in: signed up, as her signup day says
    assert empty_warehouse.query(
        "select status.person_status, cast(status.signed_up_date as varchar) "
        "from analytics_marts.person_status as status "
        "inner join analytics_restricted.person_contacts as contacts using (person_id) "
        "where contacts.primary_email = 'rae@nine.com'"
    ) == [("signed_up", "2026-06-11")]


def _track(con, message_id, workspace, at, user=None, anonymous=None):
    con.execute(
        "insert into raw_segment.tracks (id, user_id, anonymous_id, event, context_group_id, "
        "timestamp, received_at) values (?, ?, ?, 'Task Completed', ?, ?, ?)",
        [message_id, user, anonymous, workspace, at, at],
    )


def test_placeholders_junk_emails_and_the_vendors_billing_address_link_nothing(empty_warehouse):
    con = duckdb.connect(str(empty_warehouse.db))
    _identify(
        con,
        [
            # two companies' users whose app tags their events with workspace "undefined"
            ("i-foo", "anon-foo", "u-foo", "ann@foo.io", "2026-03-01 09:00:00"),
            ("i-bar", "anon-bar", "u-bar", "bob@bar.io", "2026-03-02 09:00:00"),
            # an app sending "undefined" as the user id of an email typed on a device: the
            # device typed it, as when the user id is missing (wes, below)
            ("i-vic", "dev-vic", "undefined", "vic@vco.io", "2026-05-01 10:00:00"),
            ("i-wes", "dev-wes", None, "wes@wco.io", "2026-05-01 10:00:00"),
            # junk typed into an email field on pat's own laptop is nobody: the laptop is
            # pat's, not a device shared by five people
            *[
                (f"i-x{k}", "dev-pat", None, junk, f"2026-04-0{k + 1} 09:00:00")
                for k, junk in enumerate(["N/A", "unknown", "none", "-"])
            ],
            ("i-pat", "dev-pat", None, "pat@pco.io", "2026-04-06 09:00:00"),
            ("i-pat2", "dev-pat", "u-pat", None, "2026-04-06 09:10:00"),
        ],
    )
    for day in ("2026-06-10", "2026-06-11"):
        _track(con, f"t-foo-{day}", "undefined", f"{day} 10:00:00", user="u-foo")
        _track(con, f"t-bar-{day}", "undefined", f"{day} 11:00:00", user="u-bar")
        _track(con, f"t-vic-{day}", "ws-vco", f"{day} 10:00:00", "undefined", "dev-vic")
        _track(con, f"t-wes-{day}", "ws-wco", f"{day} 10:00:00", anonymous="dev-wes")
    # a Stripe customer whose metadata holds the placeholder for its workspace, and two
    # customers billed to the vendor's own finance team (internal_email_domains)
    con.executemany(
        "insert into raw_stripe.customer (id, email, name, metadata, created, livemode, "
        "is_deleted, _fivetran_synced) values (?, ?, ?, ?, ?, true, false, ?)",
        [
            (*row, "2026-02-11 00:00:00", "2026-02-11 00:00:00")
            for row in [
                ("cus_q", "quinn@qco.io", "Q Co", '{"workspace_id": "undefined"}'),
                ("cus_inv1", "fin.ops@orbit-hq.com", "Invoiced One", "{}"),
                ("cus_inv2", "fin.ops@orbit-hq.com", "Invoiced Two", "{}"),
            ]
        ],
    )
    con.close()

    empty_warehouse.dbt("build", *WITHOUT_UNIT_TESTS, vars={"as_of_date": TODAY.isoformat()})

    def person_of(node_key):
        return _resolved(empty_warehouse, "person_id", "int_person_identifiers", node_key)

    def account_of(node_key):
        return _resolved(empty_warehouse, "account_id", "int_account_identifiers", node_key)

    # the placeholder workspace is no account: each company keeps its own, and Q Co's
    # customer is not merged with either
    assert account_of("workspace:undefined") is None
    accounts = {account_of(key) for key in ("email_domain:foo.io", "email_domain:bar.io")}
    assert len(accounts) == 2 and None not in accounts
    assert account_of("stripe_customer:cus_q") not in accounts
    assert empty_warehouse.query(
        "select distinct exclusion_reason from analytics_intermediate.int_account_nodes "
        "where node_key = 'workspace:undefined'"
    ) == [("placeholder_value",)]
    # vic is one person with the device, as wes is, and both workspaces are Leads
    assert person_of("email:vic@vco.io") == person_of("anonymous_id:dev-vic") is not None
    assert person_of("email:wes@wco.io") == person_of("anonymous_id:dev-wes") is not None
    stages = dict(
        empty_warehouse.query(
            "select workspace_id, stage from analytics_marts.lifecycle_state "
            "where workspace_id in ('ws-vco', 'ws-wco')"
        )
    )
    assert stages == {"ws-vco": "Lead", "ws-wco": "Lead"}
    # pat's laptop is pat's: one person with the address and the login, no review
    assert person_of("email:pat@pco.io") == person_of("user_id:u-pat") is not None
    assert person_of("anonymous_id:dev-pat") == person_of("user_id:u-pat")
    assert empty_warehouse.query(
        "select count(*) from analytics_intermediate.int_identity_review_queue "
        "where entity_id = 'anonymous_id:dev-pat'"
    ) == [(0,)]
    # customers billed to the vendor's address are customers' accounts of their own
    invoiced = {account_of("stripe_customer:cus_inv1"), account_of("stripe_customer:cus_inv2")}
    assert len(invoiced) == 2 and None not in invoiced
    # ... and the vendor's finance team is no contact of either
    assert empty_warehouse.query(
        "select account_name, stage from analytics_marts.lifecycle_state "
        "where account_name in ('Invoiced One', 'Invoiced Two') order by 1"
    ) == [("Invoiced One", "Unknown"), ("Invoiced Two", "Unknown")]


def test_ids_stay_when_dated_and_undated_records_join_each_other(empty_warehouse):
    # Echo: a CRM account and its contact loaded without dates; Acme: a person known from
    # a dated sign-in, in workspace ws-acme
    con = duckdb.connect(str(empty_warehouse.db))
    con.execute(
        "insert into raw_salesforce.account (id, name, website, is_deleted, _fivetran_synced) "
        "values ('001000000000ECHOAA', 'Echo', 'echo.io', false, '2026-02-01')"
    )
    con.execute(
        "insert into raw_salesforce.contact (id, account_id, email, is_deleted, "
        "_fivetran_synced) values ('003000000000UNDAAA', '001000000000ECHOAA', 'und@echo.io', "
        "false, '2026-02-01')"
    )
    _identify(con, [("i-a", "anon-a", "u-a", "a@acme.io", "2026-05-01 09:00:00")])
    con.execute(
        "insert into raw_segment.groups (id, user_id, group_id, timestamp, received_at) values "
        "('g-a', 'u-a', 'ws-acme', '2026-05-01 09:05:00', '2026-05-01 09:05:01')"
    )
    con.close()
    ids_sql = (
        "select node_key, person_id, null from analytics_intermediate.int_person_identifiers "
        "union all select node_key, null, account_id "
        "from analytics_intermediate.int_account_identifiers"
    )
    as_of = {"as_of_date": TODAY.isoformat()}
    empty_warehouse.dbt("build", *IDENTITY_BUILD, vars=as_of)
    before = set(empty_warehouse.query(ids_sql))
    assert {row[0] for row in before} >= {"email:und@echo.io", "user_id:u-a", "workspace:ws-acme"}

    # Echo's contact signs up (a dated sign-in and workspace join), and a contact of
    # Acme's person arrives undated: each joins the other's kind of record
    con = duckdb.connect(str(empty_warehouse.db))
    _identify(con, [("i-und", "anon-und", "u-und", "und@echo.io", "2026-05-02 09:00:00")])
    con.execute(
        "insert into raw_segment.groups (id, user_id, group_id, timestamp, received_at) values "
        "('g-und', 'u-und', 'ws-echo', '2026-05-02 09:05:00', '2026-05-02 09:05:01')"
    )
    con.execute(
        "insert into raw_salesforce.contact (id, email, is_deleted, _fivetran_synced) values "
        "('003000000000ACMEAA', 'a@acme.io', false, '2026-06-26')"
    )
    con.close()
    for refresh in ([], ["--full-refresh"]):
        empty_warehouse.dbt("build", *refresh, *IDENTITY_BUILD, vars=as_of)
        after = set(empty_warehouse.query(ids_sql))
        assert before <= after, refresh
    # the new identifiers joined the existing person and account
    (echo_person,) = {person for key, person, _ in before if key == "email:und@echo.io"}
    assert (
        "user_id:u-und",
        echo_person,
        None,
    ) in after
