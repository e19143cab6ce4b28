"""Finance figures: cost and revenue against budget, the year-to-date balance with its
forecast, and the way from budget to outcome.

Input frames are the catalogue's `budgetbalans`, `ekonomi_kategori` and
`ekonomi_verksamhet`. Balance is revenue minus cost: positive is a surplus.
"""

from __future__ import annotations

import plotly.graph_objects as go
import polars as pl

from charts.base import KR, grundlayout, tom_figur
from charts.etiketter import TYP, kategorinamn, manad_etikett
from charts.format import fmt_kr
from charts.palette import BUDGET, INTAKT, KOSTNAD, NEGATIV, POSITIV, PROGNOS, UTFALL
from charts.text import plotly_text, plotly_text_expr

INGA_DATA = "Inga ekonomiska data för valda filter"

VATTENFALL_FORKLARING = (
    ("Bättre än budget", POSITIV),
    ("Sämre än budget", NEGATIV),
    ("Balans (budget och utfall)", UTFALL),
)
"""Legend entries for the waterfall's colours: its own trace has a single legend entry."""

VARDEKOLUMN = 100
"""Px right of the waterfall for its values: `−39 263 043 kr` at font size 11."""

PROGNOSMETOD = {
    "budget": ("prognos_budget_balans", "utfall hittills + budget för återstående månader"),
    "takt": ("prognos_takt_balans", "utfall hittills / förflutna månader × 12"),
}


def kategorietikett(kategori: str, typ: str) -> str:
    """`statlig_ersattning`, `intakt` → `Statlig ersättning (intäkt)`."""
    return f"{kategorinamn(kategori)} ({TYP.get(typ, typ).lower()})"


def manadsutfall(df: pl.DataFrame) -> go.Figure:
    """Cost and revenue per month as bars, their budgets as dashed lines."""
    if df.is_empty():
        return tom_figur(INGA_DATA)
    df = df.sort("manad")
    x = [manad_etikett(m) for m in df["manad"]]
    fig = go.Figure()
    fig.add_bar(
        x=x,
        y=df["kostnad"],
        name="Kostnad",
        marker_color=KOSTNAD,
        hovertemplate="%{x}: %{y:,.0f}" + KR,
    )
    fig.add_bar(
        x=x,
        y=df["intakt"],
        name="Intäkt",
        marker_color=INTAKT,
        hovertemplate="%{x}: %{y:,.0f}" + KR,
    )
    for kolumn, text, streck in (
        ("budget_kostnad", "Budget kostnad", "dash"),
        ("budget_intakt", "Budget intäkt", "dot"),
    ):
        fig.add_scatter(
            x=x,
            y=df[kolumn],
            name=text,
            mode="lines",
            line={"color": BUDGET, "width": 3, "dash": streck},
            hovertemplate="%{x}: %{y:,.0f}" + KR,
        )
    fig.update_layout(barmode="group")
    return grundlayout(fig, y_titel="kronor")


def ackumulerad_balans(df: pl.DataFrame, metod: str) -> go.Figure:
    """Year-to-date balance against the budget's, with the forecast for the year's end."""
    if df.is_empty():
        return tom_figur(INGA_DATA)
    df = df.sort("manad")
    x = [manad_etikett(m) for m in df["manad"]]
    fig = go.Figure()
    fig.add_scatter(
        x=x,
        y=df["ack_balans"],
        name="Utfall ackumulerat",
        mode="lines+markers",
        line={"color": UTFALL, "width": 3},
        hovertemplate="%{x}: %{y:,.0f} kr",
    )
    fig.add_scatter(
        x=x,
        y=df["ack_budget_balans"],
        name="Budget ackumulerad",
        mode="lines",
        line={"color": BUDGET, "width": 3, "dash": "dash"},
        hovertemplate="%{x}: %{y:,.0f} kr",
    )
    kolumn, text = PROGNOSMETOD[metod]
    # the forecast starts at the month the figure flags as the last one with outcome
    for sista in df.filter(pl.col("senaste_utfall")).iter_rows(named=True):
        ar = str(sista["manad"])[:4]
        fig.add_scatter(
            x=[manad_etikett(str(sista["manad"])), manad_etikett(f"{ar}-12")],
            y=[sista["ack_balans"], sista[kolumn]],
            name=f"Prognos helår ({text})",
            mode="lines+markers",
            line={"color": PROGNOS, "width": 3, "dash": "dot"},
            hovertemplate="%{x}: %{y:,.0f} kr",
        )
    fig.add_hline(y=0, line_color="#444444", line_width=1)
    return grundlayout(fig, y_titel="kronor, intäkt − kostnad")


def kategorier(df: pl.DataFrame) -> go.Figure:
    """Outcome against budget per reporting category, costs and revenues side by side."""
    if df.is_empty():
        return tom_figur(INGA_DATA)
    df = df.with_columns(
        etikett=pl.Series(
            [
                plotly_text(kategorietikett(k, t))
                for k, t in df.select("kategori", "typ").iter_rows()
            ]
        )
    ).sort("utfall_kr")
    fig = go.Figure()
    fig.add_bar(
        y=df["etikett"],
        x=df["utfall_kr"],
        name="Utfall",
        orientation="h",
        marker_color=UTFALL,
        hovertemplate="%{y}: %{x:,.0f}" + KR,
    )
    fig.add_bar(
        y=df["etikett"],
        x=df["budget_kr"],
        name="Budget",
        orientation="h",
        marker_color=BUDGET,
        hovertemplate="%{y}: %{x:,.0f}" + KR,
    )
    fig.update_layout(barmode="group")
    grundlayout(fig, x_titel="kronor", hojd=max(300, 34 * len(df) + 100))
    fig.update_yaxes(tickformat="")
    fig.update_xaxes(tickformat=",.0f")
    return fig


def verksamheter(df: pl.DataFrame) -> go.Figure:
    """Balance per verksamhet against its budgeted balance; a click filters the page."""
    if df.is_empty():
        return tom_figur(INGA_DATA)
    # the axis shows the escaped name; customdata keeps the code for the page's click filter
    namn = df.select(plotly_text_expr(pl.col("verksamhet")))["verksamhet"]
    fig = go.Figure()
    fig.add_bar(
        x=namn,
        y=df["balans"],
        name="Balans utfall",
        marker_color=UTFALL,
        customdata=df["verksamhet"],
        hovertemplate="%{x}: %{y:,.0f}" + KR,
    )
    fig.add_bar(
        x=namn,
        y=df["budget_balans"],
        name="Balans budget",
        marker_color=BUDGET,
        customdata=df["verksamhet"],
        hovertemplate="%{x}: %{y:,.0f}" + KR,
    )
    fig.update_layout(barmode="group", clickmode="event+select")
    return grundlayout(fig, y_titel="kronor, intäkt − kostnad")


def vattenfall(df: pl.DataFrame) -> go.Figure:
    """From the budgeted balance to the outcome, one step per category's deviation.

    `df` is `ekonomi_kategori`: `avvikelse_kr` is positive when favourable, so each step is
    the category's effect on the balance (revenue − cost). Each bar carries its value, and a
    legend names the three colours.
    """
    if df.is_empty():
        return tom_figur(INGA_DATA)
    tecken = pl.when(pl.col("typ") == "intakt").then(1).otherwise(-1)
    budget_balans = float(df.select((tecken * pl.col("budget_kr")).sum()).item())
    steg = df.filter(pl.col("avvikelse_kr") != 0).sort("avvikelse_kr")
    etiketter = [
        plotly_text(kategorietikett(k, t)) for k, t in steg.select("kategori", "typ").iter_rows()
    ]
    utfall = budget_balans + float(steg["avvikelse_kr"].sum())
    # lying down, so that category names and amounts stay readable on a phone
    fig = go.Figure(
        go.Waterfall(
            orientation="h",
            y=["Budgeterad balans", *etiketter, "Utfall balans"],
            x=[budget_balans, *steg["avvikelse_kr"].to_list(), utfall],
            measure=["absolute", *["relative"] * steg.height, "total"],
            increasing={"marker": {"color": POSITIV}},
            decreasing={"marker": {"color": NEGATIV}},
            totals={"marker": {"color": UTFALL}},
            hovertemplate="%{y}: %{x:,.0f}" + KR + "<extra></extra>",
            showlegend=False,
        )
    )
    for namn, farg in VATTENFALL_FORKLARING:
        fig.add_bar(x=[None], y=[None], name=namn, marker_color=farg, hoverinfo="skip")
    grundlayout(fig, x_titel="kronor, intäkt − kostnad", hojd=34 * (steg.height + 2) + 150)
    fig.update_yaxes(autorange="reversed", tickformat="")
    # each bar's value in a column right of the plot: beside the bars they ran into the
    # category names or off a phone's screen; one text per category (a handful)
    varden = [fmt_kr(budget_balans), *[_med_tecken(v) for v in steg["avvikelse_kr"]]]
    for kategori, text in zip(fig.data[0].y, [*varden, fmt_kr(utfall)], strict=True):
        fig.add_annotation(
            text=text,
            x=1,
            y=kategori,
            xref="paper",
            yref="y",
            xanchor="left",
            xshift=6,
            showarrow=False,
            font={"size": 11},
        )
    fig.update_layout(margin={"r": VARDEKOLUMN})
    return fig


def _med_tecken(belopp: float) -> str:
    """A step of the waterfall with its sign: `+200 000 kr`, `−3 500 kr`."""
    return ("+" if belopp > 0 else "") + fmt_kr(belopp)
