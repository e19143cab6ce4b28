"""The common look of every figure: Swedish number formats, fonts, legend, notes and hover.

Plotly formats numbers itself; `separators` makes it write `1 350,5` like the rest of the
dashboard, and the hover templates here name units in Swedish. The legend sits below the
plot and notes above it, so that on a 390 px phone neither runs under the chart toolbar,
which Streamlit draws in the figure's top right corner.
"""

from __future__ import annotations

import textwrap

import plotly.graph_objects as go
import plotly.io as pio
import polars as pl

from charts.text import plotly_text
from queries.skydd import maskgrans

SEPARATORER = ",\u00a0"
"""Plotly's decimal and thousands separators: decimal comma, non-breaking space."""

PROCENT = "\u00a0%"
"""Suffix for shares drawn as percent (plotly's `%` format has no space before the sign)."""

KR = "\u00a0kr"
"""Suffix for amounts in hover and bar texts."""

TAL = ",~f"
"""Tick format for numeric axes: `2 000`, `0,5`; never plotly's default SI suffix (`2k`)."""

TOPPMARGINAL = 40
"""Room above the plot for Streamlit's chart toolbar."""

RADHOJD = 17
"""Height of one line of note text (font size 12), in px."""

NOTBREDD = 58
"""Characters per note line: fits a 390 px phone at font size 12."""


MALL = "plotly_white"
"""Every figure's plotly template. It is plotly's default for figures made after this module
is imported: a new figure takes the default template without validating it, whereas setting
it on a figure validates and copies the whole template (about 20 ms a chart, most of a
warm page's server time went to building figures)."""
pio.templates.default = MALL


LEGENDRAD = 20
"""Height of one legend row (font size 13), in px."""

LEGENDPOSTER_UTAN_TILLAGG = 3
"""Legend entries a 390 px phone fits beside the plot's own height; each one more gets a row."""


def grundlayout(
    fig: go.Figure, *, y_titel: str = "", x_titel: str = "", hojd: int = 380
) -> go.Figure:
    """Apply the project's layout to a figure and return it.

    The legend sits below the plot and a phone gives each long entry its own row; the
    figure's height is fixed on the server (Streamlit does not tell the app the screen
    width), so each legend entry beyond three adds a row's height, and the plot keeps its
    room on a phone (on a wide screen the plot is simply taller)."""
    poster = sum(
        1
        for spar in fig.data
        if getattr(spar, "showlegend", False) is not False and getattr(spar, "name", None)
    )
    if pio.templates.default != MALL:
        fig.update_layout(template=MALL)  # someone changed plotly's default: set it here
    fig.update_layout(
        separators=SEPARATORER,
        height=hojd + LEGENDRAD * max(0, poster - LEGENDPOSTER_UTAN_TILLAGG),
        margin={"l": 10, "r": 10, "t": TOPPMARGINAL, "b": 10},
        # below the whole figure, counted from the container: the toolbar stays clear and the
        # margin grows with the number of legend rows on a narrow screen
        legend={
            "orientation": "h",
            "yref": "container",
            "y": 0,
            "yanchor": "bottom",
            "xref": "container",
            "x": 0,
            "xanchor": "left",
            "title": None,
        },
        hoverlabel={"namelength": -1},
        font={"family": "Source Sans Pro, sans-serif", "size": 13},
    )
    fig.update_yaxes(title_text=y_titel, tickformat=TAL)
    fig.update_xaxes(title_text=x_titel, tickformat=TAL)
    return fig


def notering(fig: go.Figure, text: str) -> go.Figure:
    """Write `text` (already escaped) above the plot, wrapped to fit a phone, left-aligned.

    Use it for what a reader must know to read the chart right: what is left out and why.
    It is the figure's title, counted from the container's left edge, so long axis labels
    do not push it off a narrow screen; the page's heading stays the chart's real title.
    """
    rader = textwrap.wrap(text, NOTBREDD)
    return titelblock(fig, "<br>".join(rader), RADHOJD * len(rader) + 8, storlek=12)


def titelblock(fig: go.Figure, text: str, tillagg: int, *, storlek: int) -> go.Figure:
    """Write `text` (markup) as the figure's title above the plot, counted from the
    container's top left so a narrow screen keeps it whole, and grow the top margin and
    the figure by `tillagg` px so the plot keeps its room."""
    fig.update_layout(
        title={
            "text": text,
            "xref": "container",
            "x": 0,
            "xanchor": "left",
            "yref": "container",
            "y": 1,
            "yanchor": "top",
            "pad": {"l": 10, "t": TOPPMARGINAL},
            "font": {"size": storlek, "color": "#444444"},
        },
        margin={"t": (fig.layout.margin.t or TOPPMARGINAL) + tillagg},
        height=(fig.layout.height or 380) + tillagg,
    )
    return fig


def alla_dolda(df: pl.DataFrame, kolumn: str) -> bool:
    """Whether every value of `kolumn` is masked (null): there is something, none of it shown."""
    return not df.is_empty() and df[kolumn].null_count() == df.height


def inget(df: pl.DataFrame, kolumn: str) -> bool:
    """Whether there is nothing at all in `kolumn`: no rows, or only zeros (a masked value is
    something, so a frame of masked values is not nothing)."""
    return df.is_empty() or (df[kolumn].null_count() == 0 and df[kolumn].sum() == 0)


def skyddad_figur() -> go.Figure:
    """In place of a chart whose every value the protected view masked."""
    return tom_figur(f"Alla antal är färre än {maskgrans()} eller skyddade och visas inte")


def summa_eller_dold(kolumn: str) -> pl.Expr:
    """The sum of `kolumn` in an aggregation, or null when a part is masked (null): a sum that
    skipped a masked part would show a wrong total, and 0 for a group of masked parts."""
    return (
        pl.when(pl.col(kolumn).null_count() > 0).then(None).otherwise(pl.col(kolumn).sum())
    ).alias(kolumn)


def noll_utan_rad(kolumn: str, finns: str = "_rad_finns") -> pl.Expr:
    """After a left join onto every month: 0 where the figure had no row (nothing happened),
    the value (null if masked) where it had one. The joined frame carries `finns` = True."""
    return pl.when(pl.col(finns).is_null()).then(0).otherwise(pl.col(kolumn)).alias(kolumn)


def tom_figur(meddelande: str) -> go.Figure:
    """A figure that says, in place of a chart, that there is nothing to draw."""
    fig = go.Figure()
    fig.add_annotation(text=meddelande, showarrow=False, font={"size": 15})
    fig.update_xaxes(visible=False)
    fig.update_yaxes(visible=False)
    return grundlayout(fig, hojd=200)


def maskerade_etiketter(fig: go.Figure, df: pl.DataFrame, kolumn: str, kategori: str) -> None:
    """Write `<5` beside the bars the protected view masked (no value, so no bar is drawn).

    `df` is a figure from `queries.skydd.skydda` (companion column `<kolumn>_maskerad`) whose
    `kategori` column holds the (escaped) axis labels of a horizontal bar chart.
    """
    flagga = f"{kolumn}_maskerad"
    if flagga not in df.columns:
        return
    text = plotly_text(f"<{maskgrans()}")
    namnen = df.filter(pl.col(flagga))[kategori].unique(maintain_order=True).to_list()
    # one update for all: each add_annotation validates every annotation so far again, which
    # took seconds for the committee's county view with a hundred masked municipalities
    etiketter = [
        {"x": 0, "y": namn, "text": text, "xanchor": "left", "showarrow": False, "xshift": 4}
        for namn in namnen
    ]
    if etiketter:
        fig.update_layout(annotations=[*fig.layout.annotations, *etiketter])
