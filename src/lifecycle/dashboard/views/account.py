"""Account: one account's stage, reasons, health and PQL status, and its stage timeline."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from lifecycle.dashboard import charts, queries, ui


def _text(value: object) -> str:
    return "-" if value is None or pd.isna(value) or value == "" else str(value)


def render() -> None:
    st.title("Account drill-down")
    accounts = ui.load(queries.account_list)
    if accounts.empty:
        st.info("No accounts yet.")
        return
    labels = dict(
        zip(
            accounts["account_id"],
            accounts["account_name"] + " (" + accounts["stage"] + ")",
            strict=True,
        )
    )
    account_id = st.selectbox(
        "Account", options=list(labels), format_func=labels.__getitem__, key="account"
    )
    state = ui.load(queries.account_state, account_id).iloc[0]
    columns = st.columns(4)
    columns[0].metric("Stage", state["stage"], help=f"Owner: {_text(state['owner_team'])}")
    columns[1].metric("Days in stage", f"{state['days_in_stage']:,}")
    columns[2].metric("Health", _text(state["health_score"]), help=_text(state["health_band"]))
    columns[3].metric("MRR", "-" if pd.isna(state["mrr"]) else f"{state['mrr']:,.0f}")
    st.markdown(
        f"**Why {state['stage']}:** `{_text(state['reason_codes'])}` · "
        f"**previous stage:** {_text(state['previous_stage'])} · "
        f"**owner:** {_text(state['owner_team'])}  \n"
        f"**Health reasons:** {_text(state['top_reasons'])} · "
        f"**PQL status:** {_text(state['pql_status'])} "
        f"(score {_text(state['pql_score'])}, reasons {_text(state['pql_reasons'])})"
    )

    as_of = ui.load(queries.as_of_date)
    timeline = ui.load(queries.account_timeline, account_id)
    if timeline.empty:
        st.info("No daily history for this account yet.")
        return
    st.plotly_chart(charts.stage_timeline(timeline, as_of))
    st.plotly_chart(charts.account_activity(ui.load(queries.account_daily, account_id)))
    with st.expander("Stays in each stage"):
        st.dataframe(timeline, hide_index=True)
    with st.expander("All signals"):
        st.dataframe(state.to_frame("value").astype(str))


if __name__ == "__main__":
    render()
