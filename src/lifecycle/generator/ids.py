"""Deterministic identifiers in the formats the source systems use."""

from __future__ import annotations

import random
import string

import numpy as np

_BASE62 = string.digits + string.ascii_letters
_BASE36 = string.digits + string.ascii_lowercase


class IdFactory:
    """Mints ids from one seeded random stream; every id is unique within a run."""

    def __init__(self, rnd: random.Random) -> None:
        self._rnd = rnd
        self._seen: set[str] = set()

    def _unique(self, make) -> str:
        while True:
            value = make()
            if value not in self._seen:
                self._seen.add(value)
                return value

    def _chars(self, alphabet: str, n: int) -> str:
        return "".join(self._rnd.choice(alphabet) for _ in range(n))

    def salesforce(self, prefix: str) -> str:
        """An 18-character Salesforce id, e.g. prefix 001 for Account."""
        return self._unique(lambda: prefix + "5e0000" + self._chars(_BASE62, 9))

    def stripe(self, prefix: str) -> str:
        return self._unique(lambda: f"{prefix}_" + self._chars(_BASE62, 14))

    def short(self, prefix: str, n: int = 10) -> str:
        return self._unique(lambda: f"{prefix}_" + self._chars(_BASE36, n))

    def uuid(self) -> str:
        return self._unique(lambda: _format_uuid(self._rnd.getrandbits(128)))


def _format_uuid(value: int) -> str:
    h = f"{value:032x}"
    return f"{h[:8]}-{h[8:12]}-4{h[13:16]}-a{h[17:20]}-{h[20:]}"


def uuid_array(rng: np.random.Generator, n: int) -> np.ndarray:
    """`n` random UUID-formatted strings as an object array (fast path for events)."""
    if n == 0:
        return np.array([], dtype=object)
    raw = rng.bytes(16 * n).hex()
    out = np.empty(n, dtype=object)
    for i in range(n):
        h = raw[32 * i : 32 * i + 32]
        out[i] = f"{h[:8]}-{h[8:12]}-4{h[13:16]}-a{h[17:20]}-{h[20:]}"
    return out
