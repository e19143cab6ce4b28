"""Importera data: an analyst uploads an export, sees the importer's report, applies it when clean.

The same importer as `python -m ingest` runs on a temporary copy of the upload, so the page
shows exactly the problems the command line would print, and the running database is replaced
only by a clean export (all or nothing, atomically). Only `analytiker` may import; any other
role sees a refusal and nothing is read or computed for it.
"""

from __future__ import annotations

# Before any other project import: ui/__init__.py imports the whole project once, so that
# sessions starting together never see a half-imported module. A link straight to a page
# on a fresh server runs the page before dashboard.py, so the page imports ui first itself.
import ui  # noqa: F401  # isort: skip

import tempfile
from collections.abc import Sequence
from datetime import date
from pathlib import Path

import polars as pl
import streamlit as st

from ingest import ImportRefused, ImportResult, Problem, run_import, validera
from ui.db import databas_sokvag
from ui.filters import DATUMFORMAT, datumetikett
from ui.format import fmt_antal
from ui.granskning import logga
from ui.roller import aktuell_roll, anvandare
from ui.uppladdning import Uppladdad, packa_upp, visat_namn

NEKAD = (
    "Sidan Importera data är bara för analytiker. Be en analytiker importera exporten, "
    "eller logga in med ett konto som har rollen analytiker."
)

st.title("Importera data")
if aktuell_roll() != "analytiker":
    st.error(NEKAD, icon=":material/lock:")
    st.stop()


def kalla(filer: Sequence[Uppladdad]) -> str:
    """The import log's source: what was uploaded (file names only where safe to show)."""
    namn = [visat_namn(n, nr) for nr, (n, _) in enumerate(filer, 1)]
    return "uppladdning i appen: " + ", ".join(namn[:10]) + (" …" if len(namn) > 10 else "")


def granska(filer: Sequence[Uppladdad], uttag: date | None) -> list[Problem]:
    """The importer's report on the upload, from a temporary folder that is removed after."""
    with tempfile.TemporaryDirectory(prefix="ekb-import-") as tmp:
        mapp = Path(tmp) / "export"
        mapp.mkdir()
        return packa_upp(filer, mapp) or validera(mapp, uttagsdatum=uttag, kalla=kalla(filer))


def importera(filer: Sequence[Uppladdad], uttag: date | None) -> ImportResult:
    """Apply the upload to the running database; `ImportRefused` leaves it untouched."""
    with tempfile.TemporaryDirectory(prefix="ekb-import-") as tmp:
        mapp = Path(tmp) / "export"
        mapp.mkdir()
        if problem := packa_upp(filer, mapp):
            raise ImportRefused(problem)
        return run_import(
            mapp, databas_sokvag(), uttagsdatum=uttag, kalla=kalla(filer), importerad_av=anvandare()
        )


def problemtabell(problem: Sequence[Problem]) -> None:
    st.error(
        "Exporten importeras inte: rätta felen nedan i källsystemet och ladda upp exporten "
        "igen. Databasen är oförändrad."
    )
    df = pl.DataFrame(
        {
            "Fil": [p.fil for p in problem],
            "Rad": [p.rad for p in problem],
            "Kolumn": [p.kolumn for p in problem],
            "Problem": [p.meddelande for p in problem],
        },
        schema={"Fil": pl.String, "Rad": pl.Int64, "Kolumn": pl.String, "Problem": pl.String},
    )
    st.dataframe(df, hide_index=True, width="stretch", key="import_problem")


def resultat(svar: ImportResult) -> None:
    st.success(
        f"Import {svar.import_id} klar (uttagsdatum {svar.uttagsdatum.isoformat()}). "
        "Sidorna visar de nya siffrorna från och med nästa klick."
    )
    st.dataframe(
        pl.DataFrame(
            {
                "Tabell": [t.tabell for t in svar.tabeller],
                "Fil": [t.fil for t in svar.tabeller],
                "Rader lästa": [t.rader_lasta for t in svar.tabeller],
                "Rader lagrade": [t.rader_lagrade for t in svar.tabeller],
            }
        ),
        hide_index=True,
    )
    for text in svar.varningar:
        st.warning(text, icon=":material/warning:")
    for text in svar.notiser:
        st.info(text)


def tillampa(filer: Sequence[Uppladdad], uttag: date | None) -> None:
    """Run the import and record it in the audit log, whether it went through or not."""
    params: dict[str, object] = {"kalla": kalla(filer), "uttagsdatum": uttag}
    try:
        svar = importera(filer, uttag)
    except ImportRefused as fel:
        logga("import", None, {**params, "resultat": "avvisad", "fel": fel.antal})
        problemtabell(fel.problems)
        return
    logga("import", None, {**params, "resultat": "klar", "import_id": svar.import_id})
    resultat(svar)


st.markdown(
    "Ladda upp exportmappens filer (CSV eller Excel enligt importkontraktet), eller hela mappen "
    "som en zip-fil. Filerna kontrolleras med samma import som `python -m ingest`; databasen "
    "ersätts bara om hela exporten är felfri."
)
uppladdat = st.file_uploader(
    "Exportens filer eller en zip-fil", accept_multiple_files=True, key="import_filer"
)
uttag = st.date_input(
    datumetikett("Uttagsdatum, valfritt"),
    value=None,
    format=DATUMFORMAT,
    key="import_uttagsdatum",
    help="Dagen då exporten togs ut. Utan datum gäller dagens datum.",
)
uttag = uttag if isinstance(uttag, date) else None
if not uppladdat:
    st.stop()

filer = [(f.name, f.getvalue()) for f in uppladdat]
# validating a large export takes a while: only again when the upload or the date changes
nyckel = (tuple(f.file_id for f in uppladdat), uttag)
if st.session_state.get("import_granskad", (None,))[0] != nyckel:
    with st.spinner("Kontrollerar exporten …"):
        st.session_state["import_granskad"] = (nyckel, granska(filer, uttag))
problem = st.session_state["import_granskad"][1]
if problem:
    problemtabell(problem)
    st.stop()
st.success(f"Exporten är felfri ({fmt_antal(len(filer))} uppladdade filer).")
if st.button("Importera till databasen", type="primary", key="import_kor"):
    with st.spinner("Importerar …"):
        tillampa(filer, uttag)
