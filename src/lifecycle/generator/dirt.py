"""The imperfections real loaders deliver, applied at realistic rates.

Rates are per row. They are deliberately small: the warehouse must notice and account
for every one of them (quarantine, exclusion or correction), not be swamped by them.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import timedelta

import numpy as np

from lifecycle.generator.buffers import RowBuffer


@dataclass(frozen=True)
class EventDirt:
    server_side_share: float = 0.05  # track calls from the backend carry no anonymous_id
    missing_identity: float = 0.0008  # neither user_id nor anonymous_id
    late_days_1_5: float = 0.015  # mobile clients that were offline for a while
    late_beyond_lookback: float = 0.0015  # arrive 8-40 days after they happened
    future_timestamp: float = 0.0003  # device clock set far ahead
    duplicate: float = 0.004  # at-least-once delivery: same message id twice


EVENT_DIRT = EventDirt()


def receive_times(
    rng: np.random.Generator, ts: np.ndarray, dirt: EventDirt = EVENT_DIRT
) -> np.ndarray:
    """Server receive times (epoch seconds) for events that happened at `ts`."""
    n = len(ts)
    received = ts + np.maximum(1, rng.lognormal(0.7, 0.9, n)).astype(np.int64)
    roll = rng.random(n)
    late = roll < dirt.late_days_1_5
    received[late] += rng.integers(86_400, 5 * 86_400, late.sum())
    very_late = (roll >= dirt.late_days_1_5) & (
        roll < dirt.late_days_1_5 + dirt.late_beyond_lookback
    )
    received[very_late] += rng.integers(8 * 86_400, 40 * 86_400, very_late.sum())
    return received


def break_identities(
    rng: np.random.Generator, user: np.ndarray, anon: np.ndarray, dirt: EventDirt = EVENT_DIRT
) -> None:
    """In place: drop anonymous ids from server-side calls, and both ids from a few rows."""
    n = len(user)
    server_side = (rng.random(n) < dirt.server_side_share) & (user >= 0)
    anon[server_side] = -1
    orphan = rng.random(n) < dirt.missing_identity
    user[orphan] = -1
    anon[orphan] = -1


def push_into_future(
    rng: np.random.Generator, ts: np.ndarray, received: np.ndarray, dirt: EventDirt = EVENT_DIRT
) -> None:
    """In place: a few devices report timestamps days to a year ahead of arrival."""
    future = rng.random(len(ts)) < dirt.future_timestamp
    ts[future] = received[future] + rng.integers(2 * 86_400, 400 * 86_400, future.sum())


def duplicate_indices(rng: np.random.Generator, n: int, rate: float) -> np.ndarray:
    """Row positions delivered twice."""
    return np.flatnonzero(rng.random(n) < rate)


def duplicate_rows(buffer: RowBuffer, rnd: random.Random, rate: float) -> int:
    """Redeliver a share of rows of a Segment table: same message id, later received_at."""
    columns = buffer.columns
    picks = [i for i in range(buffer.size) if rnd.random() < rate]
    for i in picks:
        row = {name: values[i] for name, values in columns.items()}
        if row.get("received_at") is not None:
            row["received_at"] = row["received_at"] + timedelta(seconds=rnd.randint(1, 172_800))
        buffer.add(**row)
    return len(picks)


def orphan_rows(buffer: RowBuffer, rnd: random.Random, rate: float) -> int:
    """Blank both identity columns on a share of rows of a Segment table."""
    count = 0
    for i in range(buffer.size):
        if rnd.random() < rate:
            buffer.columns["user_id"][i] = None
            buffer.columns["anonymous_id"][i] = None
            count += 1
    return count
