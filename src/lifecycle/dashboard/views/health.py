"""Health: the distribution of customer health and the worst accounts with their reasons."""

from __future__ import annotations

import streamlit as st

from lifecycle.dashboard import charts, queries, ui

DEFAULT_WORST = 10


def render() -> None:
    st.title("Customer health")
    health = ui.load(queries.customer_health)
    if health.empty:
        st.info("No customers yet.")
        return
    bands = health["health_band"].value_counts()
    columns = st.columns(5)
    columns[0].metric("Average health", f"{health['health_score'].mean():.1f}")
    for column, band in zip(columns[1:4], ("green", "yellow", "red"), strict=True):
        column.metric(f"{band.title()} band", f"{bands.get(band, 0):,}")
    columns[4].metric(
        "Not scored yet",
        f"{health['health_band'].isna().sum():,}",
        help="Customers with no health component known yet: a deal won, nothing used, "
        "billed, asked or rated.",
    )
    st.plotly_chart(charts.health_histogram(health))

    worst_count = ui.count_slider("Worst accounts", len(health), DEFAULT_WORST, "worst")
    worst = health.head(worst_count)
    st.plotly_chart(charts.worst_accounts(worst))
    st.dataframe(
        worst.drop(columns="account_id"),
        hide_index=True,
        column_config={
            "top_reasons": "Reasons (largest first)",
            "health_score": st.column_config.NumberColumn("Health", format="%.1f"),
        },
    )


if __name__ == "__main__":
    render()
