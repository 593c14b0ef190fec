"""Plotly figures for the dashboard, one function per chart, from query results."""

from __future__ import annotations

from datetime import date, timedelta

import pandas as pd
import plotly.express as px
import plotly.graph_objects as go

STAGE_COLORS = {
    "Unknown": "#9e9e9e",
    "Lead": "#90caf9",
    "Qualified": "#42a5f5",
    "Opportunity": "#1565c0",
    "Customer": "#80cbc4",
    "Active": "#2e7d32",
    "Expansion": "#00897b",
    "Risk": "#e53935",
    "Dormant": "#6d4c41",
}
BAND_COLORS = {"green": "#2e7d32", "yellow": "#f9a825", "red": "#c62828"}
PQL_STATUS_ORDER = ["not_pql", "pql", "sales_accepted", "converted", "disqualified"]


def _layout(figure: go.Figure, **kwargs: object) -> go.Figure:
    figure.update_layout(margin={"l": 10, "r": 10, "t": 40, "b": 10}, **kwargs)
    return figure


def stage_distribution(frame: pd.DataFrame) -> go.Figure:
    """Accounts per stage (journey order), stacked by owning team."""
    stages = frame.sort_values("stage_order")["stage"].drop_duplicates().tolist()
    figure = px.bar(
        frame,
        x="stage",
        y="accounts",
        color="owner_team",
        category_orders={"stage": stages},
        labels={"stage": "Stage", "accounts": "Accounts", "owner_team": "Owner team"},
        text_auto=True,
    )
    return _layout(figure, title="Accounts by stage and owner team")


def transitions_sankey(frame: pd.DataFrame, orders: dict[str, int]) -> go.Figure:
    """Stage changes as a Sankey: stages left (from) flowing to stages right (to)."""
    sources = sorted(frame["from_stage"].unique(), key=lambda stage: orders.get(stage, 99))
    targets = sorted(frame["to_stage"].unique(), key=lambda stage: orders.get(stage, 99))
    # A stage appears twice (as a source and as a target) so back-and-forth moves such
    # as Active -> Risk -> Active stay readable instead of forming cycles.
    labels = [*sources, *targets]
    source_index = {stage: i for i, stage in enumerate(sources)}
    target_index = {stage: len(sources) + i for i, stage in enumerate(targets)}
    figure = go.Figure(
        go.Sankey(
            arrangement="snap",
            node={
                "label": labels,
                "color": [STAGE_COLORS.get(stage, "#9e9e9e") for stage in labels],
                "pad": 18,
            },
            link={
                "source": [source_index[stage] for stage in frame["from_stage"]],
                "target": [target_index[stage] for stage in frame["to_stage"]],
                "value": frame["transitions"].tolist(),
            },
        )
    )
    return _layout(figure, title="Stage transitions (from left to right)")


def retention_matrix(frame: pd.DataFrame, as_of: date) -> pd.DataFrame:
    """Cohort week x weeks since signup -> retention; 0 where no account was active in a
    week the cohort has completed, empty for the week still under way (its share is
    still growing until its Sunday) and the weeks ahead."""
    if frame.empty:
        return pd.DataFrame()
    complete = frame[frame["is_complete_week"]] if "is_complete_week" in frame else frame
    matrix = (
        complete.pivot_table(
            index="cohort_week", columns="weeks_since_signup", values="retention_rate"
        )
        if not complete.empty
        else pd.DataFrame(dtype=float)
    )
    matrix = matrix.reindex(
        index=sorted(frame["cohort_week"].unique()),
        columns=range(int(frame["weeks_since_signup"].max()) + 1),
    )
    # week k of a cohort starting on Monday W ends on W + 7k + 6
    days_since_start = (pd.Timestamp(as_of) - pd.to_datetime(matrix.index)).days
    weeks_complete = ((days_since_start - 6) // 7).to_numpy()
    reached = matrix.columns.to_numpy()[None, :] <= weeks_complete[:, None]
    matrix = matrix.mask(matrix.isna() & reached, 0.0)
    matrix.index = [pd.Timestamp(week).strftime("%Y-%m-%d") for week in matrix.index]
    return matrix


def retention_heatmap(matrix: pd.DataFrame) -> go.Figure:
    """Share of each weekly cohort with a core event N weeks after signup."""
    figure = go.Figure(
        go.Heatmap(
            z=matrix.to_numpy(),
            x=[str(week) for week in matrix.columns],
            y=list(matrix.index),
            zmin=0,
            zmax=1,
            colorscale="Blues",
            colorbar={"title": "Retained", "tickformat": ".0%"},
            hovertemplate="Cohort %{y}, week %{x}: %{z:.0%}<extra></extra>",
        )
    )
    figure.update_yaxes(autorange="reversed", type="category", title="Signup week")
    figure.update_xaxes(title="Weeks since signup")
    return _layout(figure, title="Weekly cohort retention", height=max(400, 18 * len(matrix)))


def health_histogram(frame: pd.DataFrame) -> go.Figure:
    """Customers by health score (bins of 5, the last one 95 to 100 inclusive), colored by
    band. Plotly's bins leave out a value equal to their end, so each score is drawn at
    the start of its bin (100 in the last one)."""
    binned = frame.assign(health_score=(frame["health_score"] // 5 * 5).clip(upper=95))
    figure = px.histogram(
        binned,
        x="health_score",
        color="health_band",
        color_discrete_map=BAND_COLORS,
        category_orders={"health_band": list(BAND_COLORS)},
        labels={"health_score": "Health score", "health_band": "Band"},
    )
    figure.update_traces(xbins={"start": 0, "end": 100, "size": 5})
    figure.update_xaxes(range=[0, 100])
    figure.update_yaxes(title="Customers")
    return _layout(figure, title="Health score distribution", bargap=0.05)


def worst_accounts(frame: pd.DataFrame) -> go.Figure:
    """The given customers' health scores as bars, their reasons on hover."""
    figure = px.bar(
        frame,
        x="health_score",
        y="account_name",
        color="health_band",
        color_discrete_map=BAND_COLORS,
        orientation="h",
        text="top_reasons",
        hover_data=["lifecycle_stage"],
        labels={"health_score": "Health score", "account_name": "", "health_band": "Band"},
    )
    figure.update_traces(textposition="inside", insidetextanchor="start")
    figure.update_yaxes(autorange="reversed")
    figure.update_xaxes(range=[0, 100])
    return _layout(figure, title="Lowest health scores and why", height=max(300, 28 * len(frame)))


def pql_statuses(frame: pd.DataFrame) -> go.Figure:
    """Prospects per PQL status, in the order the status moves."""
    counts = (
        frame.groupby("pql_status").size().reindex(PQL_STATUS_ORDER, fill_value=0).reset_index()
    )
    counts.columns = ["pql_status", "accounts"]
    figure = px.bar(
        counts,
        x="pql_status",
        y="accounts",
        text_auto=True,
        labels={"pql_status": "PQL status", "accounts": "Accounts"},
    )
    return _layout(figure, title="Prospects by PQL status")


def pql_reasons(frame: pd.DataFrame) -> go.Figure:
    """How often each PQL signal scores among the given accounts."""
    reasons = (
        frame["pql_reasons"].fillna("").str.split(",").explode().str.strip().loc[lambda s: s != ""]
    )
    counts = reasons.value_counts().rename_axis("reason").reset_index(name="accounts")
    figure = px.bar(
        counts,
        x="accounts",
        y="reason",
        orientation="h",
        labels={"reason": "", "accounts": "Accounts"},
    )
    figure.update_yaxes(autorange="reversed")
    return _layout(figure, title="Signals behind the PQL scores")


def stage_timeline(frame: pd.DataFrame, as_of: date) -> go.Figure:
    """The account's stays in each stage on a time axis (the current one up to as-of)."""
    stays = frame.assign(
        entered=pd.to_datetime(frame["entered_at"]),
        exited=pd.to_datetime(frame["exited_at"]).fillna(pd.Timestamp(as_of + timedelta(days=1))),
    )
    figure = px.timeline(
        stays,
        x_start="entered",
        x_end="exited",
        y="to_stage",
        color="to_stage",
        color_discrete_map=STAGE_COLORS,
        category_orders={"to_stage": [s for s in STAGE_COLORS if s in set(stays["to_stage"])]},
        hover_data=["days_in_stage", "from_stage"],
        labels={"to_stage": "Stage", "entered": "Entered", "exited": "Left"},
    )
    return _layout(figure, title="Stage timeline", showlegend=False)


def account_activity(frame: pd.DataFrame) -> go.Figure:
    """The account's core events and active users over the last 30 days, day by day."""
    long = frame.melt(
        id_vars=["stage_date"],
        value_vars=["core_events_30d", "active_users_30d"],
        var_name="signal",
        value_name="value",
    )
    figure = px.line(
        long,
        x="stage_date",
        y="value",
        color="signal",
        labels={"stage_date": "", "value": "", "signal": "30-day window"},
    )
    return _layout(figure, title="Usage, day by day")
