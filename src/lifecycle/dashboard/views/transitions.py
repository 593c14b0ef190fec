"""Transitions: how accounts moved between stages over a chosen period (Sankey)."""

from __future__ import annotations

from datetime import timedelta

import streamlit as st

from lifecycle.dashboard import charts, queries, ui

DEFAULT_DAYS = 90


def render() -> None:
    st.title("Stage transitions")
    as_of = ui.load(queries.as_of_date)
    if as_of is None:
        st.info("No accounts yet.")
        return
    period = st.date_input(
        "Stage entered between",
        value=(as_of - timedelta(days=DEFAULT_DAYS), as_of),
        max_value=as_of,
        key="transition_period",
    )
    if len(period) != 2:
        st.info("Pick the last day of the period.")
        return
    start, end = period
    transitions = ui.load(queries.stage_transitions, start, end)
    if transitions.empty:
        st.info(f"No account changed stage between {start} and {end}.")
        return
    st.caption(
        f"{transitions['transitions'].sum():,} stage changes between {start} and {end}; "
        "each band is one move from the stage on the left to the stage on the right."
    )
    st.plotly_chart(charts.transitions_sankey(transitions, ui.load(queries.stage_orders)))
    st.dataframe(transitions, hide_index=True)


if __name__ == "__main__":
    render()
