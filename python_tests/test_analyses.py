"""The analyses: every one runs on a generated world; cohorts and funnels give known answers."""

from __future__ import annotations

from datetime import date

import duckdb
import pytest

from conftest import TODAY, Warehouse, build_hand_made_world

ANALYSES = [
    "weekly_cohort_retention",
    "ordered_funnel",
    "time_in_stage",
    "health_backtest",
    "walk_away_candidates",
    "value_minus_support_cost",
]


@pytest.fixture(scope="module")
def generated_analyses(small_world: Warehouse) -> dict[str, str]:
    return small_world.compile_analyses(vars={"as_of_date": TODAY.isoformat()})


def test_the_analyses_folder_holds_the_documented_analyses(generated_analyses):
    assert sorted(generated_analyses) == sorted(ANALYSES)


@pytest.mark.parametrize("name", ANALYSES)
def test_every_analysis_runs_on_a_generated_world(small_world, generated_analyses, name):
    rows = small_world.query(generated_analyses[name])
    assert rows, f"{name} returned nothing"


def test_health_bands_are_scored_in_the_backtest(small_world, generated_analyses):
    rows = small_world.query(generated_analyses["health_backtest"])
    bands = {band: (days, churned) for band, days, _, churned, _ in rows}
    assert "green" in bands
    assert sum(days for days, _ in bands.values()) > 100


HAND_MADE_EVENTS = [
    # workspace, event, timestamp
    ("w1", "Signed Up", "2026-06-01 10:00:00"),
    ("w1", "Project Created", "2026-06-01 11:00:00"),
    ("w1", "Team Member Invited", "2026-06-02 09:00:00"),
    ("w1", "Report Generated", "2026-06-05 09:00:00"),
    ("w1", "Task Completed", "2026-06-09 09:00:00"),
    ("w1", "Task Completed", "2026-06-23 09:00:00"),
    # invites before signing up, creates a project after the 14-day window
    ("w2", "Team Member Invited", "2026-06-03 09:00:00"),
    ("w2", "Signed Up", "2026-06-03 10:00:00"),
    ("w2", "Task Completed", "2026-06-04 09:00:00"),
    ("w2", "Project Created", "2026-06-20 09:00:00"),
    # invites before creating the project: the funnel stops at step 2
    ("w3", "Signed Up", "2026-06-10 10:00:00"),
    ("w3", "Team Member Invited", "2026-06-10 11:00:00"),
    ("w3", "Project Created", "2026-06-11 09:00:00"),
    ("w3", "Report Generated", "2026-06-12 09:00:00"),
    ("w3", "Task Completed", "2026-06-16 09:00:00"),
    # signs up and creates its first project in the same second: both steps count
    ("w4", "Signed Up", "2026-06-15 10:00:00"),
    ("w4", "Project Created", "2026-06-15 10:00:00"),
]


def load_hand_made_events(con: duckdb.DuckDBPyConnection) -> None:
    con.executemany(
        "insert into raw_segment.tracks (id, user_id, event, context_group_id, timestamp, "
        "received_at) values (?, ?, ?, ?, ?, ?)",
        [
            (f"m{i}", f"user-{ws}", event, ws, ts, ts)
            for i, (ws, event, ts) in enumerate(HAND_MADE_EVENTS)
        ],
    )


@pytest.fixture(scope="module")
def hand_made_world(tmp_path_factory) -> Warehouse:
    return build_hand_made_world(tmp_path_factory.mktemp("hand_made"), load_hand_made_events, TODAY)


def test_weekly_cohort_retention_known_answer(hand_made_world: Warehouse):
    sql = hand_made_world.compile_analyses(vars={"as_of_date": TODAY.isoformat()})
    rows = hand_made_world.query(sql["weekly_cohort_retention"])
    assert rows == [
        (date(2026, 6, 1), 0, 2, 2, 1.0, True),
        (date(2026, 6, 1), 1, 2, 1, 0.5, True),
        (date(2026, 6, 1), 2, 2, 1, 0.5, True),
        (date(2026, 6, 1), 3, 2, 1, 0.5, True),
        # the week of Monday June 29 has had two days by Tuesday June 30
        (date(2026, 6, 1), 4, 2, 0, 0.0, False),
        (date(2026, 6, 8), 0, 1, 1, 1.0, True),
        (date(2026, 6, 8), 1, 1, 1, 1.0, True),
        (date(2026, 6, 8), 2, 1, 0, 0.0, True),
        (date(2026, 6, 8), 3, 1, 0, 0.0, False),
        (date(2026, 6, 15), 0, 1, 1, 1.0, True),
        (date(2026, 6, 15), 1, 1, 0, 0.0, True),
        (date(2026, 6, 15), 2, 1, 0, 0.0, False),
    ]


def test_ordered_funnel_known_answer(hand_made_world: Warehouse):
    sql = hand_made_world.compile_analyses(
        vars={
            "as_of_date": TODAY.isoformat(),
            "funnel_steps": [
                "Signed Up",
                "Project Created",
                "Team Member Invited",
                "Report Generated",
            ],
            "funnel_window_days": 14,
        },
    )
    rows = hand_made_world.query(sql["ordered_funnel"])
    assert [(step, name, reached) for step, name, reached, _, _ in rows] == [
        (1, "Signed Up", 4),
        (2, "Project Created", 3),
        (3, "Team Member Invited", 1),
        (4, "Report Generated", 1),
    ]
    assert [round(r[3], 4) if r[3] is not None else None for r in rows] == [
        None,
        0.75,
        0.3333,
        1.0,
    ]


def test_a_repeated_funnel_step_needs_a_later_occurrence(hand_made_world: Warehouse):
    # every workspace created one project: none reaches a second one
    sql = hand_made_world.compile_analyses(
        vars={
            "as_of_date": TODAY.isoformat(),
            "funnel_steps": ["Project Created", "Project Created"],
            "funnel_window_days": 14,
        },
    )
    rows = hand_made_world.query(sql["ordered_funnel"])
    assert [(step, reached) for step, _, reached, _, _ in rows] == [(1, 4), (2, 0)]
