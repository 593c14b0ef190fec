"""Cohort retention: weekly signup cohorts and the share still active week by week."""

from __future__ import annotations

import streamlit as st

from lifecycle.dashboard import charts, queries, ui

DEFAULT_COHORTS = 26


def render() -> None:
    st.title("Weekly cohort retention")
    st.caption(
        "Accounts grouped by the week they signed up (their signup or trial start, else "
        "their first product event); each cell is the share of the cohort with at least "
        "one core event that many weeks later, the week under way left blank until its "
        "Sunday. Read across a row to see a cohort decay, down a column to compare "
        "cohorts at the same age."
    )
    retention = ui.load(queries.cohort_retention)
    if retention.empty:
        st.info("No signups yet.")
        return
    cohorts = sorted(retention["cohort_week"].unique())
    shown = ui.count_slider("Latest cohorts shown", len(cohorts), DEFAULT_COHORTS, "cohorts")
    recent = retention[retention["cohort_week"].isin(cohorts[-shown:])]
    matrix = charts.retention_matrix(recent, ui.load(queries.as_of_date))
    st.plotly_chart(charts.retention_heatmap(matrix))


if __name__ == "__main__":
    render()
