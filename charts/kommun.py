"""Cross-municipal figures: who is placed where, seen from one municipality.

Input frames are the catalogue's `kommunoverskridande`, `kommunoverskridande_matris` and
`kommunoverskridande_andel`.
"""

from __future__ import annotations

import plotly.graph_objects as go
import polars as pl

from charts.base import PROCENT, grundlayout, tom_figur
from charts.etiketter import manad_etikett
from charts.palette import BLA, GRA, HIMMELSBLA, OKABE_ITO

SAMMA_LAN = {True: ("Samma län", BLA), False: ("Annat län", HIMMELSBLA)}


def per_kommun(df: pl.DataFrame, tom_text: str) -> go.Figure:
    """Persons per municipality in one direction, coloured by whether it lies in the same län."""
    if df.is_empty() or df["antal"].sum() == 0:
        return tom_figur(tom_text)
    fig = go.Figure()
    ordning = df.group_by("kommun_namn").agg(pl.col("antal").sum()).sort("antal")
    for samma, (text, farg) in SAMMA_LAN.items():
        del_df = df.filter(pl.col("samma_lan") == samma)
        if del_df.is_empty():
            continue
        fig.add_bar(
            x=del_df["antal"],
            y=del_df["kommun_namn"],
            orientation="h",
            name=text,
            marker_color=farg,
            customdata=del_df["kommun"],
            hovertemplate="%{y}: %{x:,.0f} personer<extra></extra>",
        )
    fig.update_layout(barmode="stack", clickmode="event+select")
    grundlayout(fig, x_titel="personer i vård", hojd=max(260, 26 * len(ordning) + 110))
    fig.update_yaxes(categoryorder="array", categoryarray=ordning["kommun_namn"].to_list())
    fig.update_yaxes(tickformat="")
    fig.update_xaxes(tickformat=",.0f")
    return fig


def flode(df: pl.DataFrame) -> go.Figure:
    """A Sankey from responsible municipality (left) to living municipality (right)."""
    if df.is_empty() or df["antal"].sum() == 0:
        return tom_figur("Inga personer i vård för valda filter")
    vanster = sorted(df["ansvarig_namn"].unique().to_list())
    hoger = sorted(df["vistelse_namn"].unique().to_list())
    etiketter = [f"{k} (ansvarig)" for k in vanster] + [f"{k} (bor)" for k in hoger]
    fig = go.Figure(
        go.Sankey(
            valueformat=",.0f",
            node={
                "label": etiketter,
                "color": [BLA] * len(vanster) + [GRA] * len(hoger),
                "pad": 12,
            },
            link={
                "source": [vanster.index(a) for a in df["ansvarig_namn"]],
                "target": [len(vanster) + hoger.index(v) for v in df["vistelse_namn"]],
                "value": df["antal"].to_list(),
                "color": "rgba(86, 180, 233, 0.35)",
            },
        )
    )
    return grundlayout(fig, hojd=max(320, 22 * max(len(vanster), len(hoger)) + 80))


RIKTNING_NAMN = {
    "placerade_hos_oss": "Placerade här av andra kommuner",
    "vara_i_andra": "Våra placerade i andra kommuner",
}


def andel_over_tid(df: pl.DataFrame) -> go.Figure:
    """The share of persons in care in each direction, month by month."""
    if df.is_empty():
        return tom_figur("Inga data för valda filter")
    fig = go.Figure()
    for i, riktning in enumerate(sorted(df["riktning"].unique().to_list())):
        del_df = df.filter(pl.col("riktning") == riktning).sort("manad")
        fig.add_scatter(
            x=[manad_etikett(m) for m in del_df["manad"]],
            y=del_df["andel"] * 100,
            name=RIKTNING_NAMN.get(riktning, riktning),
            mode="lines+markers",
            line={"color": OKABE_ITO[i], "width": 3},
            customdata=del_df.select("antal", "totalt").rows(),
            hovertemplate="%{x}: %{y:.1f}"
            + PROCENT
            + " (%{customdata[0]:,.0f} av %{customdata[1]:,.0f})",
        )
    grundlayout(fig, y_titel="andel")
    fig.update_yaxes(tickformat=",.0f", ticksuffix=PROCENT, rangemode="tozero")
    return fig
