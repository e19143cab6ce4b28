"""The building blocks every page uses: a chart with its definition, table and downloads,
a KPI tile, and the plain messages for empty results and unusable databases.

Keeping them here makes every chart on every page offer the same things in the same place:
the definition one click away, a table view, and the exact data as CSV and XLSX.
"""

from __future__ import annotations

from typing import Any

import plotly.graph_objects as go
import polars as pl
import streamlit as st

from queries.export import to_csv_excel, to_xlsx
from ui.definitioner import definition
from ui.figurer import importerade_tabeller
from ui.filters import uppraknat
from ui.tabell import tabellvy

PLOTLY_CONFIG = {"displaylogo": False, "modeBarButtonsToRemove": ["lasso2d", "select2d"]}
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
) -> list[dict[str, Any]]:
    """A titled chart with tabs for its table and definition, and download buttons.

    `df` is exactly the figure behind the chart (from `ui.figurer.hamta`); it is what the
    table shows and the buttons download. With `klickbar` the clicked points are returned,
    so the page can filter its other charts.
    """
    st.markdown(f"#### {titel}")
    flik_diagram, flik_tabell, flik_definition = st.tabs(["Diagram", "Tabell", "Definition"])
    with flik_diagram:
        svar = st.plotly_chart(
            fig,
            key=nyckel,
            config=PLOTLY_CONFIG,
            on_select="rerun" if klickbar else "ignore",
            selection_mode="points",
        )
    with flik_tabell:
        tabell(df)
    with flik_definition:
        st.markdown(definition(figur))
    nedladdning(df, figur, nyckel)
    return list(svar.selection.points) if klickbar and svar else []


def tabell(df: pl.DataFrame) -> None:
    """The figure as a readable table, or a plain message when it is empty."""
    if df.is_empty():
        st.info(TOMT)
    else:
        st.dataframe(tabellvy(df), hide_index=True, width="stretch")


def nedladdning(df: pl.DataFrame, figur: str, nyckel: str) -> None:
    """Download buttons for the figure as Excel-friendly CSV and as XLSX."""
    rad = st.container(horizontal=True)
    rad.download_button(
        "Ladda ner CSV",
        to_csv_excel(df),
        file_name=f"{figur}.csv",
        mime="text/csv",
        key=f"{nyckel}_csv",
        on_click="ignore",
        help="Semikolon, decimalkomma, UTF-8 med BOM: öppnas direkt i svenskt Excel.",
    )
    rad.download_button(
        "Ladda ner Excel",
        to_xlsx(df),
        file_name=f"{figur}.xlsx",
        mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        key=f"{nyckel}_xlsx",
        on_click="ignore",
    )


def valda(punkter: list[dict[str, Any]], index: int = 0) -> list[str]:
    """The categories (customdata[index]) of the clicked points, without repeats."""
    ut: list[str] = []
    for punkt in punkter:
        data = punkt.get("customdata")
        varde = data[index] if isinstance(data, list) else data
        if varde is not None and str(varde) not in ut:
            ut.append(str(varde))
    return ut
