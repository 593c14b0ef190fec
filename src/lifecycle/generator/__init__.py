"""Synthetic raw data for the warehouse, created from the sources YAML contract."""

from __future__ import annotations

import json
import logging
import os
import secrets
import time
from dataclasses import asdict, dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path

import numpy as np

from lifecycle.contract import Table, load_contract
from lifecycle.generator import dirt
from lifecycle.generator.ids import uuid_array
from lifecycle.generator.world import EPOCH, EVENT_NAMES, World
from lifecycle.generator.writer import DuckDBWriter, RawWriter

log = logging.getLogger(__name__)

PII_SALT_TABLE = "restricted.pii_salt"
PII_SALT_ENV = "LIFECYCLE_PII_SALT"


def pii_salt_row() -> dict[str, list[str]]:
    """The salt of personal-data hashes: $LIFECYCLE_PII_SALT, else a new random one."""
    return {"salt": [os.environ.get(PII_SALT_ENV) or secrets.token_hex(32)]}


@dataclass
class GenerationResult:
    database: str
    seed: int
    scale: float
    today: str
    empty: bool
    seconds: float
    activity: float = 1.0
    row_counts: dict[str, int] = field(default_factory=dict)

    @property
    def as_of_date(self) -> str:
        return self.today


def manifest_path(db_path: Path) -> Path:
    """Where the generator records what it wrote next to a database file."""
    return db_path.with_name(db_path.stem + ".generator.json")


def read_manifest(db_path: Path) -> GenerationResult | None:
    path = manifest_path(db_path)
    if not path.exists():
        return None
    return GenerationResult(**json.loads(path.read_text()))


def generate(
    db_path: Path,
    *,
    seed: int = 42,
    scale: float = 1.0,
    today: date | None = None,
    empty: bool = False,
    root: Path | None = None,
    activity: float = 1.0,
) -> GenerationResult:
    """(Re)create every raw table of the contract in a DuckDB file, filled unless `empty`."""
    result = generate_into(
        DuckDBWriter(db_path),
        seed=seed,
        scale=scale,
        today=today,
        empty=empty,
        root=root,
        activity=activity,
    )
    result.database = str(db_path)
    manifest_path(db_path).write_text(json.dumps(asdict(result), indent=2) + "\n")
    return result


def set_pii_salt(db_path: Path, salt: str, root: Path | None = None) -> None:
    """Replace the salt of personal-data hashes in an existing DuckDB warehouse."""
    if len(salt) < 16:
        raise ValueError("a PII salt needs at least 16 characters")
    table = load_contract(root)[PII_SALT_TABLE]
    writer = DuckDBWriter(db_path)
    try:
        writer.con.execute(f"create schema if not exists {table.schema}")
        writer.con.execute(f"create table if not exists {table.qualified_name} (salt varchar)")
        writer.con.execute(f"delete from {table.qualified_name}")
        writer.insert(table, {"salt": [salt]})
    finally:
        writer.close()


def generate_into(
    writer: RawWriter,
    *,
    seed: int = 42,
    scale: float = 1.0,
    today: date | None = None,
    empty: bool = False,
    root: Path | None = None,
    activity: float = 1.0,
) -> GenerationResult:
    """(Re)create every raw table of the contract through `writer`, filled unless `empty`.

    `scale` sets the number of companies (1.0 = 1,000); `activity` multiplies how many
    routine product events each person sends (1.0 = the demo's rates)."""
    started = time.perf_counter()
    today = today or datetime.now(UTC).date()
    tables = load_contract(root)
    try:
        writer.create_tables(tables.values())
        if empty:
            counts = {key: 0 for key in tables}
            counts[PII_SALT_TABLE] = writer.insert(tables[PII_SALT_TABLE], pii_salt_row())
        else:
            world = World(tables, seed, scale, today, activity)
            world.build()
            log.info("simulated %d events; writing tables", world.n_events)
            counts = _write_world(writer, tables, world)
    finally:
        writer.close()
    return GenerationResult(
        database="",
        seed=seed,
        scale=scale,
        today=today.isoformat(),
        empty=empty,
        activity=activity,
        seconds=round(time.perf_counter() - started, 2),
        row_counts=counts,
    )


def _write_world(writer: RawWriter, tables: dict[str, Table], world: World) -> dict[str, int]:
    rnd = world.rnd
    counts: dict[str, int] = {}
    tracks = _finish_tracks(world)
    nps = world.rows["nps_survey_submitted"]
    nps.columns["id"] = list(tracks.pop("_nps_ids"))
    for name in ("identifies", "pages", "groups"):
        dirt.duplicate_rows(world.rows[name], rnd, 0.004)
    dirt.orphan_rows(world.rows["identifies"], rnd, 0.001)
    dirt.orphan_rows(world.rows["pages"], rnd, 0.0005)
    dirt.duplicate_rows(nps, rnd, 0.004)
    for key, table in tables.items():
        name = table.name
        if key == "segment.tracks":
            counts[key] = writer.insert(table, tracks)
        elif key == PII_SALT_TABLE:
            counts[key] = writer.insert(table, pii_salt_row())
        else:
            counts[key] = writer.insert(table, world.rows[name].columns)
    return counts


def _finish_tracks(world: World) -> dict[str, np.ndarray]:
    """Turn the simulated event codes into Segment `tracks` rows, with loader dirt."""
    rng = np.random.default_rng(world.seed + 7)
    ev = world.events.concat()
    n = len(ev["ts"])
    ids = uuid_array(rng, n)
    nps_ids = ids[np.array(world.nps_event_index, dtype=np.int64)] if world.nps_event_index else []
    ts = ev["ts"].astype(np.int64)
    received = dirt.receive_times(rng, ts)
    user, anon = ev["user"].copy(), ev["anon"].copy()
    nps_positions = np.array(world.nps_event_index, dtype=np.int64)
    dirt.break_identities(rng, user, anon)
    user[nps_positions] = ev["user"][nps_positions]  # the survey always knows the user
    dirt.push_into_future(rng, ts, received)

    dup = dirt.duplicate_indices(rng, n, dirt.EVENT_DIRT.duplicate)
    take = np.concatenate([np.arange(n), dup])
    received = np.concatenate([received, received[dup] + rng.integers(1, 172_800, len(dup))])
    ts, user, anon, ids = ts[take], user[take], anon[take], ids[take]
    group, event = ev["group"][take], ev["event"][take]

    # Segment's warehouse loader writes received events in batches every 30 minutes.
    loaded = (received // 1800 + 1) * 1800 + rng.integers(0, 600, len(received))
    load_epoch = int((world.load_time - EPOCH).total_seconds())
    arrived = loaded <= load_epoch  # what the loader has not delivered yet is not there
    users = np.array([*world.user_ids, None], dtype=object)
    anons = np.array([*world.anon_ids, None], dtype=object)
    groups = np.array([*world.group_ids, None], dtype=object)
    names = np.array(EVENT_NAMES, dtype=object)
    return {
        "id": ids[arrived],
        "user_id": users[user[arrived]],
        "anonymous_id": anons[anon[arrived]],
        "context_group_id": groups[group[arrived]],
        "event": names[event[arrived]],
        "timestamp": ts[arrived].astype("datetime64[s]").astype("datetime64[us]"),
        "received_at": received[arrived].astype("datetime64[s]").astype("datetime64[us]"),
        "uuid_ts": loaded[arrived].astype("datetime64[s]").astype("datetime64[us]"),
        "_nps_ids": list(nps_ids),
    }
