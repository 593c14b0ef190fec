"""Column buffers that collect generated rows before they are written in bulk."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import numpy as np

from lifecycle.contract import Table


class RowBuffer:
    """Rows of one raw table, kept column by column.

    Only contract columns are accepted, so the generator cannot drift from the sources
    YAML; columns a row does not mention are written as NULL.
    """

    def __init__(self, table: Table) -> None:
        self.table = table
        self.columns: dict[str, list[Any]] = {name: [] for name in table.column_names}
        self.size = 0

    def add(self, **values: Any) -> None:
        unknown = set(values) - self.columns.keys()
        if unknown:
            raise KeyError(f"{self.table.name}: columns not in the contract: {sorted(unknown)}")
        for name, column in self.columns.items():
            column.append(values.get(name))
        self.size += 1

    def extend_columns(self, size: int, **arrays: Iterable[Any]) -> None:
        """Append `size` rows given as whole columns (lists or numpy arrays)."""
        unknown = set(arrays) - self.columns.keys()
        if unknown:
            raise KeyError(f"{self.table.name}: columns not in the contract: {sorted(unknown)}")
        for name, column in self.columns.items():
            if name in arrays:
                values = arrays[name]
                if isinstance(values, np.ndarray):
                    values = values.tolist()
                values = list(values)
                if len(values) != size:
                    raise ValueError(f"{self.table.name}.{name}: {len(values)} values, {size} rows")
                column.extend(values)
            else:
                column.extend([None] * size)
        self.size += size


class ChunkedColumns:
    """Large tables (events) kept as lists of numpy chunks per column."""

    def __init__(self, names: Iterable[str]) -> None:
        self.chunks: dict[str, list[np.ndarray]] = {name: [] for name in names}

    def append(self, **arrays: np.ndarray) -> None:
        if set(arrays) != self.chunks.keys():
            raise KeyError(f"expected columns {sorted(self.chunks)}, got {sorted(arrays)}")
        sizes = {len(a) for a in arrays.values()}
        if len(sizes) != 1:
            raise ValueError(f"ragged chunk: {sizes}")
        for name, array in arrays.items():
            self.chunks[name].append(array)

    def concat(self) -> dict[str, np.ndarray]:
        return {
            name: np.concatenate(parts) if parts else np.array([], dtype=object)
            for name, parts in self.chunks.items()
        }
