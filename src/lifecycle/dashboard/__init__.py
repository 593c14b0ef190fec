"""The lifecycle dashboard: a Streamlit app over the marts (`make dashboard`).

`warehouse` opens a read-only connection (DuckDB file or Snowflake), `queries` holds
every SQL statement the app runs, `charts` turns query results into plotly figures, and
`views/` has one small Streamlit page per topic; `app.py` is the entry point.
"""
