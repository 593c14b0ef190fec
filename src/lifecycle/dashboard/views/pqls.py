"""PQLs: product-qualified leads, their status and the signals that qualified them."""

from __future__ import annotations

import streamlit as st

from lifecycle.dashboard import charts, queries, ui

DEFAULT_STATUSES = ["pql", "sales_accepted"]


def render() -> None:
    st.title("Product-qualified leads")
    prospects = ui.load(queries.pql_accounts)
    if prospects.empty:
        st.info("No prospects yet.")
        return
    st.plotly_chart(charts.pql_statuses(prospects))
    statuses = st.multiselect(
        "Status", options=list(queries.PQL_STATUSES), default=DEFAULT_STATUSES, key="statuses"
    )
    listed = prospects[prospects["pql_status"].isin(statuses)]
    st.caption(f"{len(listed):,} accounts, highest PQL score first.")
    if listed.empty:
        return
    st.plotly_chart(charts.pql_reasons(listed))
    st.dataframe(
        listed.drop(columns="account_id"),
        hide_index=True,
        column_config={"pql_reasons": "Reasons", "pql_score": "PQL score"},
    )


if __name__ == "__main__":
    render()
