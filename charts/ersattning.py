"""State compensation: what the rules say the state should pay, against claims and the ledger.

Input frames are the catalogue's `ersattning` (one row per month) and
`ersattning_berakning` (count × rate per month, category and rule). Amounts arrive as exact
decimals (öre) and are drawn as floats; nothing is summed here.
"""

from __future__ import annotations

import plotly.graph_objects as go
import polars as pl

from charts.base import grundlayout, tom_figur
from charts.etiketter import ALDERSGRUPP, KON, manad_etikett, namn
from charts.format import fmt_kr
from charts.palette import BUDGET, NEGATIV, OKABE_ITO, POSITIV, PROGNOS, SVART
from charts.text import plotly_text
from queries.skydd import maskgrans

INGA_DATA = "Ingen förväntad ersättning för valda filter"

KATEGORI = {
    "plats_avtalad": "Avtalade platser (1 600 kr)",
    "plats_belagd": "Belagda avtalade platser (+300 kr)",
    "hvb_asyl": "Asylsökande barn i HVB (1 900 kr)",
    "stodboende": "Stödboende (1 000 kr)",
    "faktiska_kostnader": "Faktiska kostnader",
    "schablon_under_18": "Schablon under 18 år",
    "schablon_18_20": "Schablon 18–20 år",
    "anvisning_engangs": "Anvisning, engångsbelopp",
    "arlig_ersattning": "Årlig ersättning",
    "put_engangs": "Barn med PUT, engångsbelopp (30 000 kr)",
    "ankomst_schablon": "Ankomstkommun (3 000 kr)",
    "arlig_rorlig": "Årlig ersättning, rörlig del",
}
"""The rule categories (export columns of `ersattning`) in Swedish, in export order."""


def kategorinamn(kod: str) -> str:
    """A rule category's name: `schablon_18_20` → `Schablon 18–20 år`."""
    return KATEGORI.get(kod, kod.replace("_", " ").capitalize())


def _x(df: pl.DataFrame) -> list[str]:
    return [manad_etikett(m) for m in df["manad"]]


def manader(df: pl.DataFrame) -> go.Figure:
    """Expected compensation per month stacked by category, with claimed and booked."""
    if df.is_empty():
        return tom_figur(INGA_DATA)
    df = df.sort("manad")
    x = _x(df)
    fig = go.Figure()
    for index, (kod, text) in enumerate(KATEGORI.items()):
        if kod in df.columns and df[kod].cast(pl.Float64).abs().sum():
            fig.add_bar(
                x=x,
                y=df[kod].cast(pl.Float64),
                name=text,
                marker_color=OKABE_ITO[index % len(OKABE_ITO)],
                hovertemplate=f"{plotly_text(text)}: %{{y:,.0f}} kr<extra>%{{x}}</extra>",
            )
    for kolumn, text, farg, streck in (
        ("bokford", "Bokförd", SVART, "solid"),
        ("sokt", "Sökt", BUDGET, "dot"),
        ("beviljat", "Beviljat", OKABE_ITO[5], "dash"),
        ("utbetald", "Utbetald (Migrationsverket)", OKABE_ITO[6], "dashdot"),
    ):
        if kolumn in df.columns and df[kolumn].is_not_null().any():
            fig.add_scatter(
                x=x,
                y=df[kolumn].cast(pl.Float64),
                name=text,
                mode="lines+markers",
                line={"color": farg, "width": 3, "dash": streck},
                hovertemplate=f"{text}: %{{y:,.0f}} kr<extra>%{{x}}</extra>",
            )
    fig.update_layout(barmode="stack")
    return grundlayout(fig, y_titel="kronor")


def differens(df: pl.DataFrame) -> go.Figure:
    """Booked minus expected per month: green where more was booked, red where less."""
    if df.is_empty() or df["differens"].is_null().all():
        return tom_figur("Ingen bokföring att jämföra med för vald kommun")
    df = df.sort("manad")
    varden = df["differens"].cast(pl.Float64)
    farger = df.select(
        pl.when(pl.col("differens") >= 0).then(pl.lit(POSITIV)).otherwise(pl.lit(NEGATIV))
    ).to_series()
    fig = go.Figure()
    fig.add_bar(
        x=_x(df),
        y=varden,
        name="Bokförd − förväntad",
        marker_color=farger.to_list(),
        hovertemplate="Bokförd − förväntad: %{y:,.0f} kr<extra>%{x}</extra>",
    )
    fig.add_hline(y=0, line={"color": PROGNOS, "width": 1})
    return grundlayout(fig, y_titel="kronor")


def utbetalning(df: pl.DataFrame) -> go.Figure:
    """Expected per-person schablons per month as bars, Migrationsverket's payments as a line."""
    if df.is_empty() or df["utbetald"].is_null().all():
        return tom_figur("Ingen utbetalningsfil från Migrationsverket är inläst")
    df = df.sort("manad")
    x = _x(df)
    fig = go.Figure()
    fig.add_bar(
        x=x,
        y=df["forvantad_person"].cast(pl.Float64),
        name="Förväntade schabloner",
        marker_color=OKABE_ITO[0],
        hovertemplate="Förväntade schabloner: %{y:,.0f} kr<extra>%{x}</extra>",
    )
    fig.add_scatter(
        x=x,
        y=df["utbetald"].cast(pl.Float64),
        name="Utbetald (Migrationsverket)",
        mode="lines+markers",
        line={"color": SVART, "width": 3},
        hovertemplate="Utbetald: %{y:,.0f} kr<extra>%{x}</extra>",
    )
    return grundlayout(fig, y_titel="kronor")


def forklaring(manad: dict[str, object], berakning: pl.DataFrame) -> str:
    """The month's gap as arithmetic: `bokförd − (a × b + c × d) = differens`."""
    # a term the protected view masked (too few care-days) reads <5 dygn, never its number
    rader = berakning.sort("kategori", "regel_id")["berakning"].fill_null(f"<{maskgrans()} dygn")
    termer = " + ".join(rader.to_list()) or "0"
    forvantad, differens = (
        "dold" if manad.get(f"{k}_maskerad") else fmt_kr(_tal(manad[k]))
        for k in ("forvantad", "differens")
    )
    if manad.get("bokford") is None:
        return f"Förväntad: {termer} = {forvantad}."
    return (
        f"Bokförd {fmt_kr(_tal(manad['bokford']))} − förväntad ({termer} = {forvantad}) "
        f"= {differens}."
    )


def _tal(varde: object) -> float | None:
    return None if varde is None else float(str(varde))


def prognos(df: pl.DataFrame) -> go.Figure:
    """Expected persons in care per month, stacked by age group and sex."""
    if df.is_empty():
        return tom_figur("Ingen prognos: ingen i vård på prognosdagen och inget inflöde")
    df = df.sort("manad")
    fig = go.Figure()
    grupper = df.select("aldersgrupp", "kon").unique().sort("aldersgrupp", "kon")
    for index, (grupp, kon) in enumerate(grupper.iter_rows()):
        del_df = df.filter(pl.col("aldersgrupp") == grupp, pl.col("kon") == kon)
        text = f"{namn(ALDERSGRUPP, grupp)}, {namn(KON, kon).lower()}"
        fig.add_bar(
            x=_x(del_df),
            y=del_df["prognos_antal"],
            name=text,
            marker_color=OKABE_ITO[index % len(OKABE_ITO)],
            hovertemplate=f"{plotly_text(text)}: %{{y:,.1f}}<extra>%{{x}}</extra>",
        )
    fig.update_layout(barmode="stack")
    return grundlayout(fig, y_titel="förväntat antal i vård")


def backtest(df: pl.DataFrame) -> go.Figure:
    """The forecast made 12 months before each month against the month's outcome."""
    return _utfall_mot_prognos(
        df,
        ("utfall", "Utfall"),
        "prognos",
        tom="Ingen historik att pröva prognosen mot",
        enhet="",
        y_titel="antal i vård",
    )


def _utfall_mot_prognos(
    df: pl.DataFrame,
    utfall: tuple[str, str],
    prognos: str,
    *,
    tom: str,
    enhet: str,
    y_titel: str,
) -> go.Figure:
    """Outcome (solid) against the forecast made 12 months before (dashed), per month."""
    if df.is_empty():
        return tom_figur(tom)
    df = df.sort("manad")
    fig = go.Figure()
    for kolumn, text, farg, streck in (
        (*utfall, SVART, "solid"),
        (prognos, "Prognos 12 månader före", PROGNOS, "dash"),
    ):
        fig.add_scatter(
            x=_x(df),
            y=df[kolumn],
            name=text,
            mode="lines+markers",
            line={"color": farg, "width": 3, "dash": streck},
            hovertemplate=f"{text}: %{{y:,.0f}}{enhet}<extra>%{{x}}</extra>",
        )
    return grundlayout(fig, y_titel=y_titel)


def prognos_balans(df: pl.DataFrame) -> go.Figure:
    """Forecast compensation and cost per month as bars, the balance as a line."""
    if df.is_empty() or df["prognos_balans"].is_null().all():
        return tom_figur("Ingen ekonomisk prognos: välj dataägarens kommun")
    df = df.sort("manad")
    x = _x(df)
    fig = go.Figure()
    fig.add_bar(
        x=x,
        y=df["prognos_intakt"],
        name="Ersättning (prognos)",
        marker_color=POSITIV,
        hovertemplate="Ersättning: %{y:,.0f} kr<extra>%{x}</extra>",
    )
    fig.add_bar(
        x=x,
        y=df["prognos_kostnad"],
        name="Kostnad (prognos)",
        marker_color=NEGATIV,
        hovertemplate="Kostnad: %{y:,.0f} kr<extra>%{x}</extra>",
    )
    fig.add_scatter(
        x=x,
        y=df["prognos_balans"],
        name="Balans (prognos)",
        mode="lines+markers",
        line={"color": SVART, "width": 3},
        hovertemplate="Balans: %{y:,.0f} kr<extra>%{x}</extra>",
    )
    fig.update_layout(barmode="group")
    return grundlayout(fig, y_titel="kronor")


def scenario(df: pl.DataFrame) -> go.Figure:
    """Balance per month as booked and in the scenario, with the effect as bars."""
    if df.is_empty():
        return tom_figur("Inga månader i perioden")
    df = df.sort("manad")
    x = _x(df)
    fig = go.Figure()
    fig.add_bar(
        x=x,
        y=df["effekt_balans"],
        name="Scenariots effekt",
        marker_color=PROGNOS,
        hovertemplate="Effekt: %{y:,.0f} kr<extra>%{x}</extra>",
    )
    for kolumn, text, farg, streck in (
        ("balans", "Balans (utfall)", SVART, "solid"),
        ("scenario_balans", "Balans (scenario)", BUDGET, "dash"),
    ):
        fig.add_scatter(
            x=x,
            y=df[kolumn],
            name=text,
            mode="lines+markers",
            line={"color": farg, "width": 3, "dash": streck},
            hovertemplate=f"{text}: %{{y:,.0f}} kr<extra>%{{x}}</extra>",
        )
    return grundlayout(fig, y_titel="kronor")


def ekonomi_backtest(df: pl.DataFrame) -> go.Figure:
    """The balance forecast made 12 months before each month against the ledger's."""
    return _utfall_mot_prognos(
        df,
        ("utfall_balans", "Utfall (ersättning − kostnad)"),
        "prognos_balans",
        tom="Ingen ekonomisk historik att pröva prognosen mot för vald kommun",
        enhet=" kr",
        y_titel="kronor",
    )
