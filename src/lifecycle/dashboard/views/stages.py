"""Stages: headline metrics and accounts per lifecycle stage with their owning team."""

from __future__ import annotations

import streamlit as st

from lifecycle.dashboard import charts, queries, ui


def render() -> None:
    st.title("Lifecycle stages")
    figures = ui.load(queries.headline)
    columns = st.columns(5)
    columns[0].metric("Accounts", f"{figures['accounts']:,.0f}")
    columns[1].metric("Customers", f"{figures['customers']:,.0f}")
    # rates and the average are over customers: none yet, nothing to show
    columns[2].metric("Active rate", ui.number(figures["active_rate"], ".0%"))
    columns[3].metric("Risk rate", ui.number(figures["risk_rate"], ".0%"))
    columns[4].metric("Average health", ui.number(figures["average_health_score"], ".1f"))

    stages = ui.load(queries.stage_distribution)
    st.plotly_chart(charts.stage_distribution(stages))
    st.dataframe(
        stages.drop(columns="stage_order"),
        hide_index=True,
        column_config={
            "stage": "Stage",
            "owner_team": "Owner team",
            "accounts": st.column_config.NumberColumn("Accounts"),
        },
    )


if __name__ == "__main__":
    render()
