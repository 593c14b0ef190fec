"""Entry point of the dashboard: `streamlit run src/lifecycle/dashboard/app.py`
(`make dashboard`). One page per file in views/."""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from lifecycle.dashboard import queries, ui

VIEWS = Path(__file__).with_name("views")
# (file in views/, title, icon): the order of the navigation.
PAGES = [
    ("stages.py", "Stages", ":material/stacked_bar_chart:"),
    ("transitions.py", "Transitions", ":material/swap_horiz:"),
    ("cohorts.py", "Cohort retention", ":material/grid_on:"),
    ("health.py", "Health", ":material/monitor_heart:"),
    ("pqls.py", "PQLs", ":material/bolt:"),
    ("account.py", "Account", ":material/person_search:"),
]


def main() -> None:
    st.set_page_config(
        page_title="Customer lifecycle", page_icon=":material/insights:", layout="wide"
    )
    page = st.navigation(
        [st.Page(VIEWS / file, title=title, icon=icon) for file, title, icon in PAGES]
    )
    warehouse = ui.warehouse()
    with st.sidebar:
        as_of = ui.load(queries.as_of_date)
        st.caption(f"As of {as_of:%Y-%m-%d}" if as_of else "No account built yet")
        st.caption(warehouse.description)
    page.run()


if __name__ == "__main__":
    main()
