"""Data: what is loaded, from where, how fresh, and what in it looks wrong.

Users trust a figure only when they can see where it came from; this page is that proof,
and the list of findings to take back to the source systems.
"""

from __future__ import annotations

import polars as pl
import streamlit as st

from ui.components import nedladdning, tabell
from ui.definitioner import definition
from ui.figurer import hamta
from ui.filters import aktuellt
from ui.format import fmt_antal, fmt_datum

f = aktuellt()
st.title("Data")

logg = hamta("import_logg")
if logg.is_empty():
    st.info(
        "Inga importer är gjorda i den här databasen. Importera med `python -m ingest MAPP --db FIL`."
    )
    st.stop()

senaste_id = logg["import_id"].max()
senaste = logg.filter(pl.col("import_id") == senaste_id)
forsta = senaste.row(0, named=True)
kol = st.columns(3)
kol[0].metric("Uttagsdatum", fmt_datum(forsta["uttagsdatum"]))
kol[1].metric("Senast importerad", f"{forsta['importerad']:%Y-%m-%d %H:%M}")
kol[2].metric("Lagrade rader", fmt_antal(senaste["rader_lagrade"].sum()))
if forsta["demo"]:
    st.caption("Den senaste importen är demodata.")

st.markdown("#### Aktualitet per källa och tabell")
aktualitet = (
    logg.sort("import_id")
    .group_by("tabell")
    .agg(
        pl.col("kalla").last(),
        pl.col("fil").last(),
        pl.col("importerad").last().dt.strftime("%Y-%m-%d %H:%M").alias("senast_importerad"),
        pl.col("uttagsdatum").last(),
        pl.col("rader_lasta").last(),
        pl.col("rader_lagrade").last(),
    )
    .sort("tabell")
)
tabell(aktualitet)

st.markdown(f"#### Datakvalitet {fmt_datum(f.datum)}")
kvalitet = hamta("datakvalitet", **f.for_figur("datakvalitet"))
# 'info' rows give context for reading the figures (e.g. family homes have no contracted
# places); only 'fel' and 'varning' are findings to look into
fynd = kvalitet.filter((pl.col("antal") > 0) & (pl.col("allvarlighet") != "info"))
if fynd.is_empty():
    st.success("Inga fynd att utreda i datakvalitetskontrollerna.")
else:
    st.warning(f"{fmt_antal(fynd['antal'].sum())} fynd i {fynd.height} kontroller att utreda.")
tabell(kvalitet)
nedladdning(kvalitet, "datakvalitet", "data_kvalitet")

st.markdown("#### Importlogg")
tabell(logg.sort("import_id", "tabell", descending=[True, False]))
nedladdning(logg, "import_logg", "data_logg")
with st.expander("Definition"):
    st.markdown(definition("import_logg"))
