"""The table view of a figure: the same rows as the chart, in Swedish words and formats.

For readers who cannot read a chart (screen readers, print) and for checking a figure
by eye. Downloads carry the raw figure instead; this is only for reading.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

import polars as pl

from charts.etiketter import ALDERSGRUPP, BOENDEFORM, KON, REGI, TYP, kategorinamn, namn
from ui.format import fmt_antal, fmt_datum, fmt_kr, fmt_manad, fmt_pct

KODER = {
    "boendeform": BOENDEFORM,
    "regi": REGI,
    "kon": KON,
    "aldersgrupp": ALDERSGRUPP,
    "typ": TYP,
}
KRONOR = ("kostnad", "intakt", "balans", "budget_kostnad", "budget_intakt", "budget_balans")
# state compensation (docs/ersattning.md): the monthly amounts and one column per rule category
KRONOR += ("forvantad", "sokt", "bokford", "differens", "plats_avtalad", "plats_belagd", "hvb_asyl",
           "stodboende", "faktiska_kostnader", "schablon_under_18", "schablon_18_20",
           "anvisning_engangs", "arlig_ersattning")  # fmt: skip
RUBRIKER = {
    "manad": "Månad",
    "enhet_namn": "Enhet",
    "boendeform": "Boendeform",
    "regi": "Regi",
    "kon": "Kön",
    "aldersgrupp": "Åldersgrupp",
    "alder": "Ålder",
    "antal": "Antal",
    "antal_i_vard": "I vård",
    "platsdygn": "Platsdygn",
    "vardygn": "Vårddygn",
    "belaggning": "Beläggning",
    "lediga_platsdygn": "Lediga platsdygn",
    "kostnad_lediga_kr": "Kostnad lediga",
    "kommun": "Kommunkod",
    "kommun_namn": "Kommun",
    "andel": "Andel",
    "kostnad": "Kostnad",
    "intakt": "Intäkt",
    "balans": "Balans",
    "rader_lasta": "Rader lästa",
    "rader_lagrade": "Rader lagrade",
    "kalla": "Källa",
    "import_id": "Import",
    "sha256": "SHA-256",
    "fyller": "Fyller",
    "fodelsedag": "Födelsedag",
    "intakt_kr": "Intäkt",
    "samma_lan": "Samma län",
    "avvikelse_kr": "Avvikelse",
    "utfall_kr": "Utfall",
    "budget_kr": "Budget",
    "nya_placeringar": "Nya placeringar",
    "avslutade_placeringar": "Avslutade placeringar",
    "ansvarig_kommun": "Ansvarig (kod)",
    "ansvarig_namn": "Ansvarig kommun",
    "vistelsekommun": "Vistelsekommun (kod)",
    "vistelse_namn": "Vistelsekommun",
    "kontroll": "Kontroll",
    "beskrivning": "Beskrivning",
    "allvarlighet": "Typ",
}


def _formatterare(kolumn: str, dtyp: pl.DataType) -> Callable[[Any], str] | None:
    """How to write one column's values, chosen by the catalogue's naming of units."""
    if kolumn == "kategori":
        return kategorinamn
    if kolumn in KODER:
        return lambda v, k=KODER[kolumn]: namn(k, v)
    if kolumn == "manad":
        return lambda v: fmt_manad(v) if v else ""
    if kolumn.endswith("_kr") or kolumn in KRONOR or kolumn.startswith(("ack_", "prognos_")):
        return fmt_kr
    if kolumn in ("belaggning", "andel"):
        return fmt_pct
    if dtyp == pl.Boolean:
        return lambda v: "" if v is None else ("Ja" if v else "Nej")
    if dtyp == pl.Date:
        return lambda v: fmt_datum(v) if isinstance(v, date) else ""
    if dtyp.is_numeric() and not kolumn.endswith("_id") and kolumn not in ("alder", "fyller"):
        return fmt_antal
    return None


def tabellvy(df: pl.DataFrame) -> pl.DataFrame:
    """The figure with values written out in Swedish and Swedish column headings."""
    kolumner = []
    rubriker: set[str] = set()
    for kolumn, dtyp in df.schema.items():
        fmt = _formatterare(kolumn, dtyp)
        uttryck = pl.col(kolumn)
        if fmt is not None:
            uttryck = uttryck.map_elements(fmt, return_dtype=pl.String, skip_nulls=False)
        rubrik = RUBRIKER.get(kolumn, kolumn.replace("_", " ").capitalize())
        # a figure may carry both a code and its name; never let two headings collide
        kolumner.append(uttryck.alias(kolumn if rubrik in rubriker else rubrik))
        rubriker.add(rubrik)
    return df.select(kolumner)
