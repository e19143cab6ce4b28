"""What every column a figure returns means to a reader: heading with unit, kind, decimals.

The figures name their columns for machines (`kostnad_lediga_kr`, `belaggning` as a
fraction 0–1). Table views, CSV/XLSX downloads and the export CLI all show them through
this one table, so the screen and every file agree on headings, units and rounding. A
test fails when a figure returns a column that is not described here.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal

import polars as pl

from ingest.vocabulary import ALDERSGRUPP, BOENDEFORM, KATEGORI, KON, PLATSTYP, REGI, RIKTNING, TYP
from queries.skydd import maskgrans

Slag = Literal["antal", "kr", "andel", "datum", "manad", "kod", "text", "id", "bool"]


@dataclass(frozen=True)
class Kolumn:
    """How one column is shown and exported."""

    rubrik: str
    """The Swedish heading, with its unit where it has one: `Kostnad (kr)`, `Beläggning (%)`."""
    slag: Slag
    """The kind of value: decides alignment, format and rounding."""
    decimaler: int = 0
    """Decimals shown on screen (for `andel`: of the percentage)."""
    namn: Mapping[str, str] | None = None
    """For a code (`slag == "kod"`): code -> Swedish name; None when the figure names it."""


def _antal(rubrik: str) -> Kolumn:
    return Kolumn(rubrik, "antal")


def _kr(rubrik: str) -> Kolumn:
    return Kolumn(f"{rubrik} (kr)", "kr")


KOLUMNER: dict[str, Kolumn] = {
    # time
    "manad": Kolumn("Månad", "manad"),
    "uttagsdatum": Kolumn("Uttagsdatum", "datum"),
    "forsta_datum": Kolumn("Första datum", "datum"),
    "sista_datum": Kolumn("Sista datum", "datum"),
    "fodelsedag": Kolumn("Födelsedag", "datum"),
    "importerad": Kolumn("Importerad", "datum"),
    "senast_importerad": Kolumn("Senast importerad", "text"),
    # codes from the vocabulary: the name is shown, the code kept beside it in files
    "aldersgrupp": Kolumn("Åldersgrupp", "kod", namn=ALDERSGRUPP),
    "kon": Kolumn("Kön", "kod", namn=KON),
    "boendeform": Kolumn("Boendeform", "kod", namn=BOENDEFORM),
    "regi": Kolumn("Regi", "kod", namn=REGI),
    "platstyp": Kolumn("Platstyp", "kod", namn=PLATSTYP),
    "typ": Kolumn("Typ", "kod", namn=TYP),
    "kategori": Kolumn("Kategori", "kod", namn=KATEGORI),
    "riktning": Kolumn("Riktning", "kod", namn=RIKTNING),
    # municipality codes: the figures carry the name in a column of its own
    "kommun": Kolumn("Kommun (kod)", "kod"),
    "ansvarig_kommun": Kolumn("Ansvarig kommun (kod)", "kod"),
    "vistelsekommun": Kolumn("Vistelsekommun (kod)", "kod"),
    "perspektivkommun": Kolumn("Perspektivkommun (kod)", "kod"),
    "kommun_namn": Kolumn("Kommun", "text"),
    "ansvarig_namn": Kolumn("Ansvarig kommun", "text"),
    "vistelse_namn": Kolumn("Vistelsekommun", "text"),
    "perspektivkommun_namn": Kolumn("Perspektivkommun", "text"),
    # identifiers and free text
    "enhet_id": Kolumn("Enhet (id)", "id"),
    "person_id": Kolumn("Person (id)", "id"),
    "import_id": Kolumn("Import (nr)", "id"),
    "sha256": Kolumn("SHA-256", "id"),
    "enhet_namn": Kolumn("Enhet", "text"),
    "verksamhet": Kolumn("Verksamhet", "text"),
    "avslutsorsak": Kolumn("Avslutsorsak", "text"),
    "kontroll": Kolumn("Kontroll", "text"),
    "beskrivning": Kolumn("Beskrivning", "text"),
    "allvarlighet": Kolumn("Allvarlighet", "text"),
    "kalla": Kolumn("Källa", "text"),
    "tabell": Kolumn("Tabell", "text"),
    "fil": Kolumn("Fil", "text"),
    "demo": Kolumn("Demodata", "bool"),
    "senaste_utfall": Kolumn("Senaste månad med utfall", "bool"),
    "uttag_langt_efter_data": Kolumn("Uttagsdatum långt efter senaste händelse", "bool"),
    "fran_manad": Kolumn("Från månad", "manad"),
    "till_manad": Kolumn("Till och med månad", "manad"),
    "datum": Kolumn("Datum", "datum"),
    "datum_manad_fore": Kolumn("Samma dag en månad före", "datum"),
    "datum_ar_fore": Kolumn("Samma dag ett år före", "datum"),
    "antal_manader": _antal("Månader (antal)"),
    "antal_dagar": _antal("Dagar (antal)"),
    "antal_fynd": _antal("Fynd (antal)"),
    "antal_kontroller": _antal("Kontroller med fynd (antal)"),
    "dagar_efter_data": _antal("Dagar från senaste händelse till uttagsdatum"),
    "antal_k": _antal("Flickor/kvinnor (antal)"),
    "antal_m": _antal("Pojkar/män (antal)"),
    "antal_x": _antal("Okänt kön (antal)"),
    "antal_manad_fore": _antal("I vård en månad före (antal)"),
    "antal_ar_fore": _antal("I vård ett år före (antal)"),
    "forandring_manad": _antal("Förändring mot en månad före (antal)"),
    "forandring_ar": _antal("Förändring mot ett år före (antal)"),
    "antal_tabeller": _antal("Tabeller (antal)"),
    "antal_samma_lan": _antal("Varav inom länet (antal)"),
    "varning": Kolumn("Varning", "text"),
    # state compensation (docs/ersattning.md)
    "forvantad": _kr("Förväntad ersättning"),
    "sokt": _kr("Sökt ersättning"),
    "bokford": _kr("Bokförd ersättning"),
    "differens": _kr("Differens bokförd − förväntad"),
    "plats_avtalad": _kr("Avtalad plats"),
    "plats_belagd": _kr("Belagd avtalad plats"),
    "hvb_asyl": _kr("HVB, asylsökande"),
    "stodboende": _kr("Stödboende"),
    "faktiska_kostnader": _kr("Faktiska kostnader"),
    "schablon_under_18": _kr("Schablon under 18 år"),
    "schablon_18_20": _kr("Schablon 18–20 år"),
    "anvisning_engangs": _kr("Engångsbelopp per anvisning"),
    "arlig_ersattning": _kr("Årlig ersättning"),
    "put_engangs": _kr("Engångsbelopp per barn med PUT"),
    "ankomst_schablon": _kr("Ankomstkommun, schablon"),
    "arlig_rorlig": _kr("Årlig ersättning, rörlig del"),
    "beviljat": _kr("Beviljad ersättning"),
    "utbetald": _kr("Utbetald ersättning (Migrationsverket)"),
    "forvantad_person": _kr("Förväntade schabloner per person"),
    "period_fran": Kolumn("Period från", "datum"),
    "period_till": Kolumn("Period till", "datum"),
    "antal_utbetalningar": _antal("Utbetalningar (antal)"),
    "avstamning": Kolumn("Avstämning", "text"),
    "belopp_kr": _kr("Belopp"),
    "summa_kr": _kr("Summa"),
    "manader_efter": _antal("Månader efter (antal)"),
    "regel_id": Kolumn("Regel", "id"),
    "enhet": Kolumn("Enhet för beloppet", "text"),
    "berakning": Kolumn("Beräkning", "text"),
    "antagande": Kolumn("Antagande", "text"),
    # forecast and its backtest
    "prognos": Kolumn("Prognos (antal)", "antal", 1),
    "utfall": _antal("Utfall (antal)"),
    "fel": Kolumn("Fel, prognos − utfall (antal)", "antal", 1),
    "abs_andel": Kolumn("Absolut fel (%)", "andel", 1),
    "mape": Kolumn("Genomsnittligt absolut fel, MAPE (%)", "andel", 1),
    "prognos_antal": Kolumn("Prognos i vård (antal)", "antal", 1),
    "prognos_i_vard": Kolumn("Prognos i vård (antal)", "antal", 1),
    "antal_platser": _antal("Avtalade platser (antal)"),
    "prognos_belaggning": Kolumn("Prognos beläggning (%)", "andel", 1),
    "prognos_intakt": _kr("Prognos intäkt"),
    "utfall_intakt": _kr("Utfall intäkt"),
    "prognos_kostnad": _kr("Prognos kostnad"),
    "utfall_kostnad": _kr("Utfall kostnad"),
    "prognos_balans": _kr("Prognos balans"),
    "utfall_balans": _kr("Utfall balans"),
    "fel_balans": _kr("Fel i balans, prognos − utfall"),
    "mape_intakt": Kolumn("MAPE intäkt (%)", "andel", 1),
    "mape_kostnad": Kolumn("MAPE kostnad (%)", "andel", 1),
    "mae_balans": _kr("Genomsnittligt absolut fel i balans"),
    # what-if scenario
    "scenario_kostnad": _kr("Scenario kostnad"),
    "scenario_intakt": _kr("Scenario intäkt"),
    "scenario_balans": _kr("Scenario balans"),
    "effekt_balans": _kr("Effekt på balansen"),
    "ack_effekt_balans": _kr("Ackumulerad effekt på balansen"),
    "flytt_kostnad": _kr("Flyttens effekt på kostnaden"),
    "flytt_intakt": _kr("Flyttens effekt på intäkten"),
    "pris_kostnad": _kr("Prisändringens effekt på kostnaden"),
    "regel_intakt": _kr("Regeländringens effekt på intäkten"),
    "platser_kostnad": _kr("Platsändringens effekt på kostnaden"),
    "platser_intakt": _kr("Platsändringens effekt på intäkten"),
    "samma_lan": Kolumn("Samma län", "bool"),
    # counts
    "antal": _antal("Antal"),
    "totalt": _antal("Totalt (antal)"),
    "antal_i_vard": _antal("I vård (antal)"),
    "antal_overflyttningar": _antal("Överflyttningar (antal)"),
    "nya_placeringar": _antal("Nya placeringar (antal)"),
    "avslutade_placeringar": _antal("Avslutade placeringar (antal)"),
    "platsdygn": _antal("Platsdygn (antal)"),
    "vardygn": _antal("Vårddygn (antal)"),
    "lediga_platsdygn": _antal("Lediga platsdygn (antal)"),
    "rader_lasta": _antal("Rader lästa (antal)"),
    "rader_lagrade": _antal("Rader lagrade (antal)"),
    "alder": _antal("Ålder (år)"),
    "fyller": _antal("Fyller (år)"),
    # shares, stored as fractions 0–1 and shown as percentages
    "belaggning": Kolumn("Beläggning (%)", "andel", 1),
    "andel": Kolumn("Andel (%)", "andel", 1),
    # kronor, shown to the krona
    "kostnad_lediga_kr": _kr("Kostnad lediga platsdygn"),
    "kostnad": _kr("Kostnad"),
    "intakt": _kr("Intäkt"),
    "balans": _kr("Balans"),
    "budget_kostnad": _kr("Budget kostnad"),
    "budget_intakt": _kr("Budget intäkt"),
    "budget_balans": _kr("Budget balans"),
    "ack_kostnad": _kr("Ackumulerad kostnad"),
    "ack_intakt": _kr("Ackumulerad intäkt"),
    "ack_balans": _kr("Ackumulerad balans"),
    "ack_budget_balans": _kr("Ackumulerad budgetbalans"),
    "prognos_budget_balans": _kr("Prognos balans, budgetmetoden"),
    "prognos_takt_balans": _kr("Prognos balans, taktmetoden"),
    "utfall_kr": _kr("Utfall"),
    "budget_kr": _kr("Budget"),
    "avvikelse_kr": _kr("Avvikelse"),
    "avvikelse_mot_budget": _kr("Avvikelse mot budget"),
}


def kolumn(namn: str, dtyp: pl.DataType | None = None) -> Kolumn:
    """The metadata of column `namn`; a column a page made itself is described by its type."""
    if namn in KOLUMNER:
        return KOLUMNER[namn]
    rubrik = namn.replace("_", " ").capitalize()
    if dtyp is not None and dtyp.is_numeric():
        return Kolumn(rubrik, "antal" if dtyp.is_integer() else "kr")
    if dtyp in (pl.Date, pl.Datetime):
        return Kolumn(rubrik, "datum")
    return Kolumn(rubrik, "bool" if dtyp == pl.Boolean else "text")


def kodnamn(namn: str, koder: Mapping[str, str]) -> pl.Expr:
    """Column `namn`'s codes as Swedish names, natively in polars (no Python per cell).

    A code the vocabulary does not know is shown readable: `ny_post` → `Ny post`; å/ä/ö
    are not guessed, `ovrig_kostnad` could mean several words.
    """
    text = pl.col(namn).cast(pl.String)
    lasbar = text.str.replace_all("_", " ").str.strip_chars()
    lasbar = lasbar.str.slice(0, 1).str.to_uppercase() + lasbar.str.slice(1)
    return text.replace_strict(dict(koder), default=lasbar, return_dtype=pl.String)


def rubrik_for_kod(namn: str) -> str:
    """The heading of the code column kept beside its name: `Boendeform (kod)`."""
    return f"{kolumn(namn).rubrik} (kod)"


MASKERAD = "_maskerad"
"""The suffix of the protected view's companion columns (`queries.skydd`)."""


def med_skydd(df: pl.DataFrame, decimaltecken: str = ",") -> pl.DataFrame:
    """A figure from the protected view as a person reads it: every column with masked cells
    becomes text, `<5` in the masked cells and the value as shown (rounded, shares as
    percent) in the others; the companion columns are dropped. A figure without them is
    returned as it is."""
    flaggor = [c for c in df.columns if c.endswith(MASKERAD)]
    if not flaggor:
        return df
    troskel = f"<{maskgrans()}"
    uttryck = []
    for flagga in flaggor:
        namn = flagga.removesuffix(MASKERAD)
        if namn not in df.columns or not df[flagga].any():
            continue
        visat = som_visat(namn, df.schema[namn]).cast(pl.String)
        text = visat.str.replace(".", decimaltecken, literal=True)
        uttryck.append(pl.when(pl.col(flagga)).then(pl.lit(troskel)).otherwise(text).alias(namn))
    return df.with_columns(uttryck).drop(flaggor)


def som_visat(namn: str, dtyp: pl.DataType) -> pl.Expr:
    """Column `namn`'s values rounded as the screen shows them; shares become percentages."""
    meta = kolumn(namn, dtyp)
    uttryck = pl.col(namn)
    if dtyp == pl.String:
        return uttryck  # already text (a protected cell's `<5`, or text from the figure)
    if meta.slag == "andel":
        return (uttryck * 100).round(meta.decimaler, mode="half_away_from_zero")
    if meta.slag == "kr" and dtyp.is_float():
        uttryck = uttryck.round(meta.decimaler, mode="half_away_from_zero")
        return uttryck.cast(pl.Int64) if meta.decimaler == 0 else uttryck
    if meta.slag == "bool":
        return pl.when(uttryck).then(pl.lit("Ja")).when(~uttryck).then(pl.lit("Nej"))
    return uttryck


def filvy(df: pl.DataFrame) -> pl.DataFrame:
    """The figure as a person reads it in a file: Swedish headings with units, values
    rounded as on screen, and each code's Swedish name beside the code. Cells the protected
    view masked read `<5`."""
    df = med_skydd(df)
    uttryck: list[pl.Expr] = []
    for namn, dtyp in df.schema.items():
        meta = kolumn(namn, dtyp)
        if meta.slag == "kod" and meta.namn is not None:
            uttryck.append(kodnamn(namn, meta.namn).alias(meta.rubrik))
            uttryck.append(pl.col(namn).alias(rubrik_for_kod(namn)))
        else:
            uttryck.append(som_visat(namn, dtyp).alias(meta.rubrik))
    return df.select(uttryck)
