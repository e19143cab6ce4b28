"""The building blocks every page uses: a chart with its definition, table and downloads,
a KPI tile, and the plain messages for empty results and unusable databases.

Keeping them here makes every chart on every page offer the same things in the same place:
the definition one click away, a table view, and the exact data as CSV and XLSX.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

import plotly.graph_objects as go
import polars as pl
import streamlit as st

import queries
from charts import bild
from charts.format import fmt_antal
from charts.text import md
from queries.definitioner import definition, definition_text
from queries.export import filnamn, om_datan, to_csv_excel, to_xlsx
from queries.skydd import regeltext
from ui import presentation, roller
from ui.figurer import Parameter, besked, hamta, importerade_tabeller
from ui.filters import aktuellt, uppraknat
from ui.granskning import loggad
from ui.tabell import kolumnkonfig, tabellvy
from ui.tillganglighet import bara_bred_skarm, bara_smal_skarm

TOMT = "Inga data matchar valda filter. Vidga perioden eller ta bort något filter i sidopanelen."
IMPORTERA_IGEN = (
    "Lägg till {filer} (CSV eller Excel, se importkontraktet) i exportmappen och importera "
    "igen med `python -m ingest MAPP --db FIL`. Sidan Data visar vad som lästes in."
)


def saknade(*tabeller: str) -> list[str]:
    """Which of `tabeller` the latest import stored no rows in (absent or empty in the export)."""
    finns = importerade_tabeller()
    return [t for t in tabeller if t not in finns]


def importera_igen(tabeller: list[str]) -> str:
    """How to add the missing `tabeller`: `platser` → "Lägg till `platser` … importera igen"."""
    return IMPORTERA_IGEN.format(filer=uppraknat([f"`{t}`" for t in tabeller]))


def diagram(
    titel: str,
    fig: go.Figure,
    df: pl.DataFrame,
    figur: str,
    nyckel: str,
    *,
    klickbar: bool = False,
    params: Mapping[str, Parameter] | None = None,
    mening: str | None = None,
    smal_tabell: pl.DataFrame | None = None,
) -> list[dict[str, Any]]:
    """A titled chart with tabs for its table and definition, and download buttons.

    `df` is exactly the figure behind the chart (from `ui.figurer.hamta`); it is what the
    table shows and the buttons download. With `klickbar` the clicked points are returned,
    so the page can filter its other charts. `params` are the parameters `df` was fetched
    with (see `nedladdning`). `titel` may contain values from the data: it is escaped.
    The chart itself carries the title, the period and the demo label, and its toolbar saves
    a PNG named after `nyckel` and the period (`charts.bild`).
    `mening` is the chart's generated sentence (`report.meningar` and its siblings): in the
    presentation mode it is the chart's heading, and nothing but the chart is drawn.
    With `smal_tabell` a phone shows that table in place of the chart (a heat map's cells
    cannot be read at 390 px; `ui.tillganglighet`): the rows the chart draws, since a wide
    screen is sent it too, hidden; the whole of `df` is under the Tabell tab.
    """
    if presentation.aktiv():
        # the committee's view: the sentence as heading, the chart, no tabs, buttons or clicks
        valda_params = aktuellt().for_figur(figur) if params is None else params
        presentation.diagram(mening, titel, fig, figur, nyckel, valda_params)
        return []
    st.markdown(f"#### {md(titel)}")
    meddelande = besked(figur)
    if meddelande:
        # too few persons to show anything: the message replaces chart, table and download
        st.info(meddelande, icon=":material/shield:")
        skyddsregel()
        return []
    if params is None:
        params = aktuellt().for_figur(figur)
    bild.bildrubrik(fig, titel, period=bild.periodtext(params), demo=ar_demo())
    # stateful tabs: a hidden tab's table is neither built nor sent (at county scale one
    # unit table is 10 000 rows, 1.5 MB per copy); choosing the tab reruns the page
    flik_diagram, flik_tabell, flik_definition = st.tabs(
        FLIKAR, key=flikar_nyckel(nyckel), on_change="rerun"
    )
    with flik_diagram, bara_bred_skarm(nyckel, smal_tabell is not None):
        svar = st.plotly_chart(
            fig,
            key=nyckel,
            config=bild.plotly_konfig(bild.bildnamn(nyckel, params)),
            on_select="rerun" if klickbar else "ignore",
            selection_mode="points",
            alt=alttext(titel),
        )
    if smal_tabell is not None and flik_diagram.open:
        with flik_diagram, bara_smal_skarm(nyckel):
            st.caption(smal_tabelltext(smal_tabell.height, df.height))
            tabell(smal_tabell)
    if flik_tabell.open:
        with flik_tabell:
            tabell(df)
    if flik_definition.open:
        with flik_definition:
            st.markdown(definition(figur))
    nedladdning(df, figur, nyckel, params=params)
    skyddsregel()
    # with on_select="rerun" Streamlit returns the selection state, else a DeltaGenerator
    valt = svar.get("selection") if klickbar and isinstance(svar, dict) else None
    return list(valt["points"]) if valt else []


FLIKAR = ("Diagram", "Tabell", "Definition")
"""Every chart's tabs; only the chosen one is drawn."""


FLIKSUFFIX = "-flik"


def flikar_nyckel(nyckel: str) -> str:
    """The session-state key of the tabs of the chart keyed `nyckel` (its value: the chosen
    tab's label), so a test or a callback can open a chart's table."""
    return f"{nyckel}{FLIKSUFFIX}"


def smal_tabelltext(rader: int, alla: int) -> str:
    """The caption of a phone's table in place of its chart: 12 of 10 752 rows → says where
    the rest are."""
    text = "Diagrammet är för tätt för en smal skärm; här är dess tabell."
    if rader < alla:
        text += (
            f" Den visar de {fmt_antal(rader)} rader diagrammet ritar; alla {fmt_antal(alla)} "
            "finns under fliken Tabell och i nedladdningen."
        )
    return text


def ar_demo() -> bool:
    """Whether the database is the demo (its latest import says so)."""
    omfang = hamta("dataomfang")
    return bool(omfang.height and omfang["demo"][0])


def alttext(titel: str) -> str:
    """The chart's accessible name: its title (which names the period) and where its
    numbers are as text."""
    return f"Diagram: {titel}. Siffrorna finns som tabell under fliken Tabell."


def skyddsregel() -> None:
    """The rule and its threshold, under every view the protection applies to."""
    if roller.skyddad(roller.aktuell_roll()):
        st.caption(regeltext())


def tabell(df: pl.DataFrame) -> None:
    """The figure as a readable table (numbers numeric, formatted by column configuration),
    or a plain message when it is empty."""
    if presentation.aktiv():
        return  # a table with its toolbar is a widget: not on the projector
    if df.is_empty():
        st.info(TOMT)
    else:
        st.dataframe(tabellvy(df), column_config=kolumnkonfig(df), hide_index=True, width="stretch")


def nedladdning(
    df: pl.DataFrame, figur: str, nyckel: str, *, params: Mapping[str, Parameter] | None = None
) -> None:
    """Download buttons for the figure as Excel-friendly CSV and as XLSX with "Om datan".

    `params` are the parameters `df` was fetched with; None means the sidebar's filters
    for `figur`. They name the file and fill the metadata sheet. The bytes are built only
    when the user clicks (Streamlit runs the callables then), never on a rerun; each click
    is recorded in the audit log (`ui.granskning`).
    """
    if presentation.aktiv():
        return
    if params is None:
        params = aktuellt().for_figur(figur)
    fig = queries.figure(figur)
    om = om_datan(figur, fig.title, definition_text(figur), params, hamta("import_logg"))
    rad = st.container(horizontal=True)
    rad.download_button(
        "Ladda ner CSV",
        loggad("nedladdning_csv", figur, params, _csv(df)),
        file_name=filnamn(figur, params, "csv"),
        mime="text/csv",
        key=f"{nyckel}_csv",
        on_click="ignore",
        help="Semikolon, decimalkomma, UTF-8 med BOM: öppnas direkt i svenskt Excel.",
    )
    rad.download_button(
        "Ladda ner Excel",
        loggad("nedladdning_xlsx", figur, params, _xlsx(df, figur, om)),
        file_name=filnamn(figur, params, "xlsx"),
        mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        key=f"{nyckel}_xlsx",
        on_click="ignore",
        help="Med ett blad Om datan: definition, filter, period, uttagsdatum och import.",
    )


def _csv(df: pl.DataFrame) -> Callable[[], bytes]:
    return lambda: to_csv_excel(df)


def _xlsx(df: pl.DataFrame, figur: str, om: list[tuple[str, str]]) -> Callable[[], bytes]:
    return lambda: to_xlsx(df, sheet=figur, om=om)


def valda(punkter: list[dict[str, Any]], index: int = 0) -> list[str]:
    """The categories (customdata[index]) of the clicked points, without repeats."""
    ut: list[str] = []
    for punkt in punkter:
        data = punkt.get("customdata")
        varde = data[index] if isinstance(data, list) else data
        if varde is not None and str(varde) not in ut:
            ut.append(str(varde))
    return ut
