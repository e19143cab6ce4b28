"""Occupancy figures: care days against contracted places, per unit and per month.

Input frames are the catalogue's `belaggning_boendeform` and `belaggning_enhet`.
"""

from __future__ import annotations

import plotly.graph_objects as go
import polars as pl

from charts.base import grundlayout, tom_figur
from charts.etiketter import BOENDEFORM, manad_etikett, namn
from charts.format import fmt_pct
from charts.palette import BOENDEFORM_FARG, BUDGET, SEKVENS, farg_for

INGA_DATA = "Inga data för valda filter"


def vardygn_mot_platser(df: pl.DataFrame) -> go.Figure:
    """Care days per month stacked by boendeform, with contracted place-days as a line.

    Both are in dygn, so the gap between bar and line is the vacant (or over-) capacity.
    Each bar carries its boendeform code in customdata, so a click can filter the page.
    """
    if df.is_empty():
        return tom_figur(INGA_DATA)
    manader = sorted(df["manad"].unique().to_list())
    x = [manad_etikett(m) for m in manader]
    fig = go.Figure()
    for i, form in enumerate(sorted(df["boendeform"].unique().to_list())):
        del_df = _per_manad(
            df.filter(pl.col("boendeform") == form), manader, ["vardygn", "belaggning"]
        )
        fig.add_bar(
            x=x,
            y=del_df["vardygn"],
            name=namn(BOENDEFORM, form),
            marker_color=farg_for(form, BOENDEFORM_FARG, i),
            customdata=[[form, fmt_pct(b)] for b in del_df["belaggning"]],
            hovertemplate="%{x}: %{y:,.0f} vårddygn (beläggning %{customdata[1]})",
        )
    platser = _per_manad(df, manader, ["platsdygn"])
    fig.add_scatter(
        x=x,
        y=platser["platsdygn"],
        name="Avtalade platsdygn",
        mode="lines+markers",
        line={"color": BUDGET, "width": 3, "dash": "dash"},
        hovertemplate="%{x}: %{y:,.0f} avtalade platsdygn",
    )
    fig.update_layout(barmode="stack", clickmode="event+select")
    return grundlayout(fig, y_titel="dygn per månad")


def _per_manad(df: pl.DataFrame, manader: list[str], kolumner: list[str]) -> pl.DataFrame:
    """Sum the given columns per month over all rows, one row per month in `manader`."""
    summa = df.group_by("manad").agg([pl.col(k).sum() for k in kolumner if k != "belaggning"])
    if "belaggning" in kolumner:
        summa = summa.join(
            df.group_by("manad").agg(
                (pl.col("vardygn").sum() / pl.col("platsdygn").sum()).alias("belaggning")
            ),
            on="manad",
        )
    return pl.DataFrame({"manad": manader}).join(summa, on="manad", how="left").fill_null(0)


def varmekarta(df: pl.DataFrame) -> go.Figure:
    """Occupancy per unit (rows) and month (columns), as a heat map with the share written in."""
    if df.is_empty():
        return tom_figur(INGA_DATA)
    tabell = (
        df.with_columns(pl.col("manad").map_elements(manad_etikett, return_dtype=pl.String))
        .pivot(on="manad", index="enhet_namn", values="belaggning", aggregate_function="first")
        .sort("enhet_namn", descending=True)
    )
    manader = [k for k in tabell.columns if k != "enhet_namn"]
    z = tabell.select(manader).to_numpy()
    fig = go.Figure(
        go.Heatmap(
            z=z,
            x=manader,
            y=tabell["enhet_namn"].to_list(),
            colorscale=[list(s) for s in SEKVENS],
            zmin=0,
            zmax=max(1.0, float(df.select(pl.col("belaggning").max()).item() or 0)),
            text=[[fmt_pct(v, 0) if v is not None else "" for v in rad] for rad in z.tolist()],
            texttemplate="%{text}",
            hovertemplate="%{y}, %{x}: beläggning %{text}<extra></extra>",
            colorbar={
                "title": {"text": "Beläggning"},
                "tickvals": [0, 0.5, 1],
                "ticktext": [fmt_pct(0, 0), fmt_pct(0.5, 0), fmt_pct(1, 0)],
            },
        )
    )
    return grundlayout(fig, hojd=max(300, 28 * len(tabell) + 120))


def lediga_platsdygn(df: pl.DataFrame) -> go.Figure:
    """Vacant place-days per unit over the period, with their cost in the hover text."""
    if df.is_empty():
        return tom_figur(INGA_DATA)
    per_enhet = (
        df.group_by("enhet_id", "enhet_namn", "boendeform")
        .agg(pl.col("lediga_platsdygn").sum(), pl.col("kostnad_lediga_kr").sum())
        .sort("lediga_platsdygn")
    )
    fig = go.Figure(
        go.Bar(
            x=per_enhet["lediga_platsdygn"],
            y=per_enhet["enhet_namn"],
            orientation="h",
            marker_color=[BOENDEFORM_FARG.get(b, BUDGET) for b in per_enhet["boendeform"]],
            customdata=per_enhet.select("enhet_id", "kostnad_lediga_kr").rows(),
            hovertemplate="%{y}: %{x:,.0f} lediga platsdygn, kostnad %{customdata[1]:,.0f} kr"
            "<extra></extra>",
        )
    )
    fig.update_layout(clickmode="event+select")
    grundlayout(fig, x_titel="lediga platsdygn", hojd=max(300, 26 * len(per_enhet) + 100))
    fig.update_xaxes(tickformat=",.0f")
    fig.update_yaxes(tickformat="")
    return fig
