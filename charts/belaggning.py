"""Occupancy figures: care days against contracted places, per unit and per month.

Input frames are the catalogue's `belaggning_boendeform` and `belaggning_enhet`. A county
has thousands of units, so the unit charts draw the `TOPP_ENHETER` units with the most
vacant place-days over the period and say how many more the table and the download hold.
"""

from __future__ import annotations

import plotly.graph_objects as go
import polars as pl

from charts.base import (
    KR,
    PROCENT,
    grundlayout,
    noll_utan_rad,
    notering,
    summa_eller_dold,
    tom_figur,
)
from charts.etiketter import BOENDEFORM, manad_etikett, namn
from charts.format import fmt_antal
from charts.palette import BOENDEFORM_FARG, BUDGET, SEKVENS, farg_for
from charts.text import plotly_text, plotly_text_expr

INGA_DATA = "Inga data för valda filter"

TOPP_ENHETER = 25
"""Units drawn in the heat map and the vacancy bars: the most vacant place-days first."""

ETIKETTLANGD = 24
"""Characters of a unit name on the axis; the hover text has the whole name."""

INGEN_PLATS = "#D9D9D9"
"""Cells of months without contracted places: grey, unlike the white of 0 %."""

UTAN_PLATSER = (
    "Bara boendeformer med avtalade platser. Familjehem och andra boendeformer utan "
    "avtalade platser har inga platsdygn att jämföra med"
)


def vardygn_mot_platser(
    df: pl.DataFrame,
    utan_platser: pl.DataFrame | None = None,
    totalt: pl.DataFrame | None = None,
) -> go.Figure:
    """Care days per month stacked by boendeform, with contracted place-days as a line.

    `df` is `belaggning_boendeform` (one row per boendeform and month) and `totalt` is
    `belaggning_manad_totalt` (one row per month): every number drawn is a figure's, none
    is summed or divided here. Both are in dygn, so the gap between bar and line is the
    vacant (or over-) capacity. Each bar carries its boendeform code in customdata, so a
    click can filter the page. Forms without contracted places (family homes) cannot be in
    the stack; `utan_platser` (`vardygn_utan_platser`) draws their care days as separate
    lines, and a note says they are not in the bars either way.
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
            name=plotly_text(namn(BOENDEFORM, form)),
            marker_color=farg_for(form, BOENDEFORM_FARG, i),
            customdata=del_df.select(
                pl.lit(form).alias("boendeform"), _procenttext(pl.col("belaggning")).alias("text")
            ).rows(),
            hovertemplate="%{x}: %{y:,.0f} vårddygn (beläggning %{customdata[1]})",
        )
    if totalt is not None:
        platser = _per_manad(totalt, manader, ["platsdygn"])
        fig.add_scatter(
            x=x,
            y=platser["platsdygn"],
            name="Avtalade platsdygn",
            mode="lines+markers",
            line={"color": BUDGET, "width": 3, "dash": "dash"},
            hovertemplate="%{x}: %{y:,.0f} avtalade platsdygn",
        )
    text = UTAN_PLATSER + "."
    if utan_platser is not None and not utan_platser.is_empty():
        _utan_platser(fig, utan_platser, manader)
        text = UTAN_PLATSER + ": deras vårddygn visas som prickade linjer utanför staplarna."
    fig.update_layout(barmode="stack", clickmode="event+select")
    grundlayout(fig, y_titel="dygn per månad")
    return notering(fig, text)


def _procenttext(andel: pl.Expr) -> pl.Expr:
    """`0.987` → `98,7 %` in polars; a month without places (0 / 0) → `–`, not `NaN %`."""
    procent = (andel * 100).round(1, mode="half_away_from_zero")
    return (
        pl.when(andel.is_null() | andel.is_nan())
        .then(pl.lit("–"))
        .otherwise(procent.cast(pl.String).str.replace(".", ",", literal=True) + PROCENT)
    )


def _utan_platser(fig: go.Figure, df: pl.DataFrame, manader: list[str]) -> None:
    """One dotted line of care days per boendeform that has no contracted places."""
    for i, form in enumerate(sorted(df["boendeform"].unique().to_list())):
        del_df = _per_manad(df.filter(pl.col("boendeform") == form), manader, ["vardygn"])
        fig.add_scatter(
            x=[manad_etikett(m) for m in manader],
            y=del_df["vardygn"],
            name=plotly_text(f"{namn(BOENDEFORM, form)} (utan avtalade platser)"),
            mode="lines",
            line={"color": farg_for(form, BOENDEFORM_FARG, i), "width": 3, "dash": "dot"},
            hovertemplate="%{x}: %{y:,.0f} vårddygn",
        )


def _per_manad(df: pl.DataFrame, manader: list[str], kolumner: list[str]) -> pl.DataFrame:
    """The figure's rows (one per month) laid on every month in `manader`, in that order.

    Nothing is summed: the figures already have one row per month. A month without a row
    has no care days, but no occupancy either (not 0 %).
    """
    if df.select(pl.col("manad").is_duplicated().any()).item():
        raise ValueError("en rad per månad väntas: använd en figur per boendeform och månad")
    # a month without a row is 0; a masked value stays empty (no point, not a 0)
    nollor = [noll_utan_rad(k) for k in kolumner if k != "belaggning"]
    return (
        pl.DataFrame({"manad": manader})
        .join(
            df.select("manad", *kolumner, _rad_finns=True),
            on="manad",
            how="left",
            maintain_order="left",
        )
        .with_columns(nollor)
        .drop("_rad_finns")
    )


def _toppenheter(df: pl.DataFrame, topp: int) -> tuple[pl.DataFrame, int]:
    """Per unit over the period, the `topp` with most vacant place-days; and how many are left.

    Ties go by name, so the selection does not change between reruns. `namn` is the escaped
    name for hover texts, `etikett` the same cut to fit a phone's axis.
    """
    per_enhet = (
        df.group_by("enhet_id", "enhet_namn", "boendeform")
        .agg(summa_eller_dold("lediga_platsdygn"), summa_eller_dold("kostnad_lediga_kr"))
        .sort(
            ["lediga_platsdygn", "enhet_namn", "enhet_id"],
            descending=[True, False, False],
            nulls_last=True,
        )
    )
    kort = pl.col("enhet_namn").str.slice(0, ETIKETTLANGD - 1) + "…"
    urval = per_enhet.head(topp).with_columns(
        nyckel=plotly_text_expr(pl.col("enhet_id")),
        namn=plotly_text_expr(pl.col("enhet_namn")),
        etikett=plotly_text_expr(
            pl.when(pl.col("enhet_namn").str.len_chars() > ETIKETTLANGD)
            .then(kort)
            .otherwise(pl.col("enhet_namn"))
        ),
    )
    return urval, per_enhet.height - urval.height


def ritade_rader(df: pl.DataFrame, topp: int = TOPP_ENHETER) -> pl.DataFrame:
    """The rows of `df` (`belaggning_enhet`) of the units `varmekarta` draws, in `df`'s order:
    the table a phone shows in the heat map's place."""
    urval, _ovriga = _toppenheter(df, topp)
    return df.filter(pl.col("enhet_id").is_in(urval["enhet_id"].implode()))


def _enhetsaxel(fig: go.Figure, urval: pl.DataFrame) -> None:
    """Units on the y axis by escaped id (names may repeat once cut), labelled by name.

    The unit with most vacant place-days is on top: plotly draws the first category lowest.
    """
    fig.update_yaxes(
        type="category",
        tickformat="",
        categoryorder="array",
        categoryarray=urval["nyckel"].reverse().to_list(),
        tickvals=urval["nyckel"].to_list(),
        ticktext=urval["etikett"].to_list(),
    )


def _fler_text(ovriga: int, topp: int) -> str:
    """The note that says the chart shows only the top units, or nothing when it shows all."""
    if not ovriga:
        return ""
    return (
        f"Visar de {fmt_antal(topp)} enheter som hade flest lediga platsdygn under perioden. "
        f"Ytterligare {fmt_antal(ovriga)} enheter finns i tabellen och i nedladdningen. "
    )


def varmekarta(df: pl.DataFrame, topp: int = TOPP_ENHETER) -> go.Figure:
    """Occupancy per unit (rows) and month (columns), as a heat map with the share written in.

    Months without contracted places are grey with a dash, not the white of 0 %.
    """
    if df.is_empty():
        return tom_figur(INGA_DATA)
    urval, ovriga = _toppenheter(df, topp)
    rutor = df.join(urval.select("enhet_id", "nyckel"), on="enhet_id").with_columns(
        text=pl.when(pl.col("belaggning").is_null())
        .then(pl.lit("–"))
        .otherwise(
            (pl.col("belaggning") * 100)
            .round(0, mode="half_away_from_zero")
            .cast(pl.Int64)
            .cast(pl.String)
            + PROCENT
        )
    )
    manader = sorted(rutor["manad"].unique().to_list())
    # bottom row first, in the order of the axis: plotly picks each cell's text colour by
    # row index, which goes wrong when the axis reorders the rows
    ordning = urval.select("nyckel", "namn").reverse()
    text = _tabell(rutor, ordning, manader, "text").fill_null("–")
    fig = go.Figure(
        go.Heatmap(
            z=_tabell(rutor, ordning, manader, "belaggning").to_numpy(),
            x=[manad_etikett(m) for m in manader],
            y=ordning["nyckel"].to_list(),
            customdata=[[namn] * len(manader) for namn in ordning["namn"]],
            colorscale=[list(s) for s in SEKVENS],
            zmin=0,
            zmax=max(1.0, float(df.select(pl.col("belaggning").max()).item() or 0)),
            text=text.rows(),
            texttemplate="%{text}",
            hovertemplate="%{customdata}, %{x}: beläggning %{text}<extra></extra>",
            xgap=1,
            ygap=1,
            colorbar={
                # below the plot, so a phone keeps its width for the months; the title beside
                # the bar no longer runs into the "100 %" tick
                "orientation": "h",
                "yref": "container",
                "y": 0,
                "yanchor": "bottom",
                "thickness": 12,
                "title": {"text": "Beläggning", "side": "right"},
                "tickvals": [0, 0.5, 1],
                "ticktext": ["0" + PROCENT, "50" + PROCENT, "100" + PROCENT],
            },
        )
    )
    fig.update_layout(plot_bgcolor=INGEN_PLATS)
    grundlayout(fig, hojd=max(300, 26 * urval.height + 150))
    _enhetsaxel(fig, urval)
    fig.update_yaxes(showgrid=False)
    fig.update_xaxes(tickformat="", showgrid=False)
    grå = "Grå ruta med streck: inga avtalade platser den månaden."
    return notering(fig, _fler_text(ovriga, topp) + grå)


def _tabell(
    rutor: pl.DataFrame, ordning: pl.DataFrame, manader: list[str], kol: str
) -> pl.DataFrame:
    """One row per unit in `ordning`, one column per month: the cells of the heat map."""
    bred = rutor.pivot(on="manad", index="nyckel", values=kol, aggregate_function="first")
    for manad in manader:
        if manad not in bred.columns:
            bred = bred.with_columns(pl.lit(None).alias(manad))
    return ordning.join(bred, on="nyckel", how="left", maintain_order="left").select(manader)


def lediga_platsdygn(df: pl.DataFrame, topp: int = TOPP_ENHETER) -> go.Figure:
    """Vacant place-days per unit over the period as bars, their cost in kronor beside each bar.

    One trace per boendeform gives the legend; customdata[0] is the unit id for a click.
    """
    if df.is_empty():
        return tom_figur(INGA_DATA)
    urval, ovriga = _toppenheter(df, topp)
    fig = go.Figure()
    for i, form in enumerate(sorted(urval["boendeform"].unique().to_list())):
        del_df = urval.filter(pl.col("boendeform") == form)
        fig.add_bar(
            x=del_df["lediga_platsdygn"],
            y=del_df["nyckel"],
            orientation="h",
            name=plotly_text(namn(BOENDEFORM, form)),
            marker_color=farg_for(form, BOENDEFORM_FARG, i),
            customdata=del_df.select("enhet_id", "namn", "kostnad_lediga_kr").rows(),
            texttemplate="%{customdata[2]:,.0f}" + KR,
            # inside the long bars, beside the short ones: on a phone the longest bar's
            # label would otherwise run off the figure
            textposition="auto",
            insidetextanchor="end",
            constraintext="none",
            textfont={"size": 11},
            cliponaxis=False,
            hovertemplate="%{customdata[1]}: %{x:,.0f} lediga platsdygn, kostnad "
            "%{customdata[2]:,.0f}" + KR + "<extra></extra>",
        )
    fig.update_layout(clickmode="event+select")
    grundlayout(fig, x_titel="lediga platsdygn", hojd=max(300, 26 * urval.height + 130))
    _enhetsaxel(fig, urval)
    # room right of the longest bar for its cost label
    storst = float(urval.select(pl.col("lediga_platsdygn").max()).item() or 0)
    fig.update_xaxes(range=[0, max(1.0, storst) * 1.4])
    text = "Stapeln visar lediga platsdygn, beloppet i eller vid stapeln deras kostnad."
    return notering(fig, _fler_text(ovriga, topp) + text)
