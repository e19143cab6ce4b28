"""Data: what is loaded, from where, how fresh, and what in it looks wrong.

Users trust a figure only when they can see where it came from; this page is that proof,
and the list of findings to take back to the source systems.
"""

from __future__ import annotations

# Before any other project import: ui/__init__.py imports the whole project once, so that
# sessions starting together never see a half-imported module. A link straight to a page
# on a fresh server runs the page before dashboard.py, so the page imports ui first itself.
import ui  # noqa: F401  # isort: skip

import streamlit as st

from charts.text import md
from queries.definitioner import definition
from ui import presentation
from ui.components import nedladdning, skyddsregel, tabell
from ui.figurer import hamta
from ui.filters import aktuellt
from ui.format import fmt_antal, fmt_datum, skyddat

f = aktuellt()
st.title("Data")

logg = hamta("import_logg")
if logg.is_empty():
    st.info(
        "Inga importer är gjorda i den här databasen. Importera med `python -m ingest MAPP --db FIL`."
    )
    st.stop()

senaste = hamta("import_senaste").row(0, named=True)
kol = st.columns(3)
kol[0].metric("Uttagsdatum", fmt_datum(senaste["uttagsdatum"]))
kol[1].metric("Senast importerad", f"{senaste['importerad']:%Y-%m-%d %H:%M}")
kol[2].metric("Lagrade rader", skyddat(senaste, "rader_lagrade", fmt_antal, figur="import_senaste"))
skyddsregel()
if senaste["demo"]:
    st.caption("Den senaste importen är demodata.")
for rad in hamta("import_varningar").iter_rows(named=True):
    st.warning(f"Vid importen: {md(rad['varning'])}", icon=":material/warning:")
omfang = hamta("dataomfang").row(0, named=True)
if omfang["uttag_langt_efter_data"]:
    st.warning(
        f"Den senaste händelsen i datan är från {fmt_datum(omfang['sista_datum'])}, "
        f"{fmt_antal(omfang['dagar_efter_data'])} dagar före uttagsdatumet "
        f"{fmt_datum(omfang['uttagsdatum'])}. Exporten har troligen importerats utan sitt "
        "uttagsdatum (då gäller importdagen), så pågående placeringar räknas fram till en dag "
        "som datan inte når. Importera igen med `--uttagsdatum ÅÅÅÅ-MM-DD`, dagen då exporten "
        "togs ut.",
        icon=":material/history:",
    )

if not presentation.aktiv():  # tables are not for the projector: the counts above are
    st.markdown("#### Aktualitet per källa och tabell")
    tabell(hamta("import_aktualitet"))

st.markdown(f"#### Datakvalitet {fmt_datum(f.datum)}")
kvalitet = hamta("datakvalitet", **f.for_figur("datakvalitet"))
# 'info' rows give context for reading the figures (e.g. family homes have no contracted
# places); only 'fel' and 'varning' are findings to look into
fynd = hamta("datakvalitet_summa", **f.for_figur("datakvalitet_summa")).row(0, named=True)
if not fynd["antal_kontroller"]:
    st.success("Inga fynd att utreda i datakvalitetskontrollerna.")
else:
    st.warning(
        f"{fmt_antal(fynd['antal_fynd'])} fynd i {fmt_antal(fynd['antal_kontroller'])} "
        "kontroller att utreda."
    )
if presentation.aktiv():
    st.stop()
tabell(kvalitet)
nedladdning(kvalitet, "datakvalitet", "data_kvalitet")

st.markdown("#### Importlogg")
tabell(logg.sort("import_id", "tabell", descending=[True, False]))
nedladdning(logg, "import_logg", "data_logg")
with st.expander("Definition"):
    st.markdown(definition("import_logg"))
