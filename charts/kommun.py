"""Cross-municipal figures: who is placed where, seen from one municipality.

Input frames are the catalogue's `kommunoverskridande`, `kommunoverskridande_matris` and
`kommunoverskridande_andel`. Names from the data are escaped before plotly sees them.
"""

from __future__ import annotations

import plotly.graph_objects as go
import polars as pl

from charts.base import (
    PROCENT,
    alla_dolda,
    grundlayout,
    inget,
    maskerade_etiketter,
    notering,
    skyddad_figur,
    tom_figur,
)
from charts.etiketter import manad_etikett
from charts.format import fmt_antal
from charts.palette import BLA, GRA, HIMMELSBLA, OKABE_ITO
from charts.text import plotly_text, plotly_text_expr

SAMMA_LAN = {True: ("Samma län", BLA), False: ("Annat län", HIMMELSBLA)}

NODHOJD = 30
"""Px per municipality in the Sankey: node padding of 18 px keeps 12 px labels apart."""


def per_kommun(df: pl.DataFrame, tom_text: str, xmax: float | None = None) -> go.Figure:
    """Persons per municipality in one direction, coloured by whether it lies in the same län.

    `xmax` fixes the x-axis to 0…xmax so that two charts side by side share one scale.
    """
    if alla_dolda(df, "antal"):
        return skyddad_figur()
    if inget(df, "antal"):
        return tom_figur(tom_text)
    df = df.with_columns(namn=plotly_text_expr(pl.col("kommun_namn")))
    fig = go.Figure()
    ordning = df.group_by("namn").agg(pl.col("antal").sum()).sort("antal", "namn")
    for samma, (text, farg) in SAMMA_LAN.items():
        del_df = df.filter(pl.col("samma_lan") == samma)
        if del_df.is_empty():
            continue
        fig.add_bar(
            x=del_df["antal"],
            y=del_df["namn"],
            orientation="h",
            name=text,
            marker_color=farg,
            customdata=del_df.select("kommun", "namn").rows(),
            hovertemplate="%{customdata[1]}: %{x:,.0f} personer<extra></extra>",
        )
    fig.update_layout(barmode="stack", clickmode="event+select")
    maskerade_etiketter(fig, df, "antal", "namn")
    grundlayout(fig, x_titel="personer i vård", hojd=max(260, 26 * len(ordning) + 130))
    fig.update_yaxes(categoryorder="array", categoryarray=ordning["namn"].to_list())
    fig.update_yaxes(tickformat="")
    if xmax:
        # 5 % headroom so the longest bar does not touch the frame
        fig.update_xaxes(range=[0, xmax * 1.05])
    return fig


def gemensam_skala(*riktningar: pl.DataFrame) -> float:
    """The longest bar among `per_kommun` frames: pass it as `xmax` to each to share a scale."""
    langsta = [
        float(df.group_by("kommun").agg(pl.col("antal").sum()).select(pl.max("antal")).item() or 0)
        for df in riktningar
        if not df.is_empty()
    ]
    return max(langsta, default=0.0)


def flode(df: pl.DataFrame) -> go.Figure:
    """A Sankey of cross-municipal placements: responsible municipality (left) to living (right).

    Persons living in their own responsible municipality are left out (they would be one wide
    band that hides every cross-municipal flow); a note says how many they are.
    """
    if inget(df, "antal"):
        return tom_figur("Inga personer i vård för valda filter")
    egen = int(df.filter(pl.col("ansvarig_kommun") == pl.col("vistelsekommun"))["antal"].sum())
    over = df.filter(pl.col("ansvarig_kommun") != pl.col("vistelsekommun")).with_columns(
        fran=plotly_text_expr(pl.col("ansvarig_namn")),
        till=plotly_text_expr(pl.col("vistelse_namn")),
    )
    egen_text = f"{fmt_antal(egen)} personer som bor i sin ansvariga kommun visas inte."
    if over.is_empty() or over["antal"].sum() == 0:
        return tom_figur("Inga kommunöverskridande placeringar. " + egen_text)
    vanster = _noder(over, "ansvarig_kommun", "fran")
    hoger = _noder(over, "vistelsekommun", "till")
    fig = go.Figure(
        go.Sankey(
            valueformat=",.0f",
            valuesuffix=" personer",
            arrangement="fixed",
            node={
                "label": vanster["namn"].to_list() + hoger["namn"].to_list(),
                "color": [BLA] * vanster.height + [GRA] * hoger.height,
                "pad": 18,
                "thickness": 14,
                "hovertemplate": "%{label}: %{value:,.0f} personer<extra></extra>",
            },
            link={
                "source": _lank(over, "ansvarig_kommun", vanster, 0),
                "target": _lank(over, "vistelsekommun", hoger, vanster.height),
                "value": over["antal"].to_list(),
                "color": "rgba(86, 180, 233, 0.45)",
                "hovertemplate": "%{source.label} → %{target.label}: %{value:,.0f} personer"
                "<extra></extra>",
            },
            textfont={"size": 12, "shadow": "none", "color": "#222222"},
        )
    )
    grundlayout(fig, hojd=max(320, NODHOJD * max(vanster.height, hoger.height) + 90))
    for x, text, ankare in ((0, "Ansvarig kommun", "left"), (1, "Vistelsekommun", "right")):
        fig.add_annotation(
            text=text,
            x=x,
            y=0,
            xref="paper",
            yref="paper",
            xanchor=ankare,
            yanchor="top",
            yshift=-4,
            showarrow=False,
            font={"size": 12, "color": "#444444"},
        )
    fig.update_layout(margin={"b": 30})
    return notering(fig, "Bara placeringar i en annan kommun än den ansvariga. " + egen_text)


def _lank(over: pl.DataFrame, kod: str, noder: pl.DataFrame, forsta: int) -> list[int]:
    """The node index of each flow's municipality on one side; that side starts at `forsta`."""
    rad = over.join(noder, left_on=kod, right_on="kod", how="left", maintain_order="left")
    return (rad["index"].cast(pl.Int64) + forsta).to_list()


def _noder(over: pl.DataFrame, kod: str, namn: str) -> pl.DataFrame:
    """One node per municipality on one side, largest flow first, with its position."""
    return (
        over.group_by(kod, namn)
        .agg(pl.col("antal").sum())
        .sort(["antal", namn], descending=[True, False])
        .select(pl.col(kod).alias("kod"), pl.col(namn).alias("namn"))
        .with_row_index("index")
    )


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
            name=plotly_text(RIKTNING_NAMN.get(riktning, riktning)),
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
