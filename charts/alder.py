"""Age and sex figures: the pyramid on a date, age groups over time, coming birthdays.

Input frames are the catalogue's `alderspyramid`, `aldersgrupp_manad` and
`fodelsedagar_manad`.
"""

from __future__ import annotations

import plotly.graph_objects as go
import polars as pl

from charts.base import (
    alla_dolda,
    grundlayout,
    inget,
    noll_utan_rad,
    skyddad_figur,
    summa_eller_dold,
    tom_figur,
)
from charts.etiketter import ALDERSGRUPP, ALDERSGRUPPER, KON, manad_etikett, namn
from charts.format import fmt_antal
from charts.palette import ALDERSGRUPP_FARG, KON_FARG, ORANGE, RODLILA

INGA_DATA = "Inga personer i vård för valda filter"


def alderspyramid(df: pl.DataFrame) -> go.Figure:
    """Persons in care by age, girls to the left and boys (and unknown) to the right."""
    if alla_dolda(df, "antal"):
        return skyddad_figur()
    if inget(df, "antal"):
        return tom_figur(INGA_DATA)
    fig = go.Figure()
    for kon in ("K", "M", "X"):
        del_df = df.filter(pl.col("kon") == kon).sort("alder")
        if del_df.is_empty():
            continue
        tecken = -1 if kon == "K" else 1
        fig.add_bar(
            x=del_df["antal"] * tecken,  # a masked (null) count draws no bar
            y=del_df["alder"],
            orientation="h",
            name=namn(KON, kon),
            marker_color=KON_FARG[kon],
            customdata=del_df["antal"],
            hovertemplate="%{y} år: %{customdata:,.0f} personer",
        )
    storst = int(
        df.group_by("alder", "kon").agg(pl.col("antal").sum()).select(pl.col("antal").max()).item()
        or 1
    )
    fig.update_layout(barmode="relative", bargap=0.1)
    grundlayout(fig, y_titel="ålder", x_titel="antal personer")
    steg = _jamnt_steg(storst)
    tick = list(range(-(storst // steg) * steg, storst + 1, steg))
    # a fixed symmetric range: autoscaled, the girls' side ended at their own (smaller)
    # maximum and every tick on it fell outside, leaving that side without labels
    grans = storst * 1.05
    fig.update_xaxes(
        tickvals=tick, ticktext=[fmt_antal(abs(t)) for t in tick], range=[-grans, grans]
    )
    fig.update_yaxes(dtick=1, tickformat="d")
    return fig


def _jamnt_steg(storst: int) -> int:
    """A round tick step (1, 2, 5 × 10^k) giving at most about four ticks on each side of 0."""
    steg = 1
    while storst / steg > 4:
        for faktor in (2, 5 / 2, 2):
            steg = int(steg * faktor)
            if storst / steg <= 4:
                break
    return steg


def aldersgrupper_over_tid(df: pl.DataFrame) -> go.Figure:
    """Persons in care per month, stacked by age group."""
    if df.is_empty():
        return tom_figur(INGA_DATA)
    manader = sorted(df["manad"].unique().to_list())
    summa = df.group_by("manad", "aldersgrupp").agg(summa_eller_dold("antal"))
    fig = go.Figure()
    for grupp in ALDERSGRUPPER:
        del_df = pl.DataFrame({"manad": manader}).join(
            summa.filter(pl.col("aldersgrupp") == grupp).with_columns(_rad_finns=True),
            on="manad",
            how="left",
        )
        fig.add_bar(
            x=[manad_etikett(m) for m in manader],
            # a month without the group is 0; a masked month draws no bar (not a 0)
            y=del_df.select(noll_utan_rad("antal"))["antal"],
            name=ALDERSGRUPP[grupp],
            marker_color=ALDERSGRUPP_FARG[grupp],
            customdata=[grupp] * len(manader),
            hovertemplate="%{x}: %{y:,.0f} personer",
        )
    fig.update_layout(barmode="stack", clickmode="event+select")
    return grundlayout(fig, y_titel="personer i vård")


def fodelsedagar(df: pl.DataFrame) -> go.Figure:
    """Coming 18th and 21st birthdays per month: when support ends or changes."""
    if df.is_empty():
        return tom_figur("Inga kommande 18- eller 21-årsdagar för valda filter")
    manader = sorted(df["manad"].unique().to_list())
    fig = go.Figure()
    for fyller, farg in ((18, ORANGE), (21, RODLILA)):
        del_df = pl.DataFrame({"manad": manader}).join(
            df.filter(pl.col("fyller") == fyller).select("manad", "antal", _rad_finns=True),
            on="manad",
            how="left",
        )
        fig.add_bar(
            x=[manad_etikett(m) for m in manader],
            y=del_df.select(noll_utan_rad("antal"))["antal"],
            name=f"Fyller {fyller}",
            marker_color=farg,
            hovertemplate="%{x}: %{y:,.0f} personer",
        )
    fig.update_layout(barmode="group")
    return grundlayout(fig, y_titel="personer")
