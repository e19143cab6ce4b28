"""The common look of every figure: Swedish number formats, fonts, legend and hover.

Plotly formats numbers itself; `separators` makes it write `1 350,5` like the rest of the
dashboard, and the hover templates here name units in Swedish.
"""

from __future__ import annotations

import plotly.graph_objects as go

SEPARATORER = ",\u00a0"
"""Plotly's decimal and thousands separators: decimal comma, non-breaking space."""

PROCENT = "\u00a0%"
"""Suffix for shares drawn as percent (plotly's `%` format has no space before the sign)."""


def grundlayout(
    fig: go.Figure, *, y_titel: str = "", x_titel: str = "", hojd: int = 380
) -> go.Figure:
    """Apply the project's layout to a figure and return it."""
    fig.update_layout(
        separators=SEPARATORER,
        template="plotly_white",
        height=hojd,
        margin={"l": 10, "r": 10, "t": 30, "b": 10},
        legend={"orientation": "h", "yanchor": "bottom", "y": 1.02, "x": 0, "title": None},
        hoverlabel={"namelength": -1},
        font={"family": "Source Sans Pro, sans-serif", "size": 13},
    )
    fig.update_yaxes(title_text=y_titel, tickformat=",.0f")
    fig.update_xaxes(title_text=x_titel)
    return fig


def tom_figur(meddelande: str) -> go.Figure:
    """A figure that says, in place of a chart, that there is nothing to draw."""
    fig = go.Figure()
    fig.add_annotation(text=meddelande, showarrow=False, font={"size": 15})
    fig.update_xaxes(visible=False)
    fig.update_yaxes(visible=False)
    return grundlayout(fig, hojd=200)
