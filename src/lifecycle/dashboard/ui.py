"""Streamlit glue shared by the pages: the cached warehouse and cached query results."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

import pandas as pd
import streamlit as st

from lifecycle.dashboard import queries
from lifecycle.dashboard.warehouse import Settings, Warehouse, WarehouseError, open_warehouse

T = TypeVar("T")
CACHE_SECONDS = 300


@st.cache_resource(show_spinner=False)
def _warehouse(settings: Settings) -> Warehouse:
    return open_warehouse(settings)


@st.cache_data(ttl=CACHE_SECONDS, show_spinner=False)
def _load(settings: Settings, query_name: str, *args: Any) -> Any:
    query: Callable[..., Any] = getattr(queries, query_name)
    return query(_warehouse(settings), *args)


def _stop_with(error: Exception) -> None:
    st.error(str(error))
    st.stop()


def settings() -> Settings:
    """The warehouse settings from the environment; stops the page if they are wrong."""
    try:
        return Settings.from_env()
    except WarehouseError as error:
        _stop_with(error)
        raise  # st.stop() does not return; keeps type checkers informed


def warehouse() -> Warehouse:
    """The warehouse to read; stops the page with what to do when it cannot be opened."""
    try:
        return _warehouse(settings())
    except WarehouseError as error:
        _stop_with(error)
        raise


def load(query: Callable[..., T], *args: Any) -> T:
    """Run one of the `queries` functions (cached for a few minutes per warehouse)."""
    try:
        return _load(settings(), query.__name__, *args)
    except WarehouseError as error:
        _stop_with(error)
        raise


def count_slider(label: str, total: int, default: int, key: str) -> int:
    """How many of `total` items to show (a slider; none needed for a single item)."""
    if total <= 1:
        return total
    return st.slider(label, min_value=1, max_value=total, value=min(default, total), key=key)


def number(value: Any, spec: str) -> str:
    """`value` formatted with the format spec, or a dash when there is none (a rate over
    no customers)."""
    return "-" if value is None or pd.isna(value) else format(value, spec)
