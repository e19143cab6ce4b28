"""Export: any figure of the catalogue with the sidebar's filters, previewed and downloaded.

An analyst gets exactly the rows a page draws (the same `hamta`, so the same future
protection), and the command that reproduces them from a script.
"""

from __future__ import annotations

import streamlit as st

import queries
from ui.components import TOMT, nedladdning, tabell
from ui.definitioner import definition
from ui.figurer import hamta
from ui.filters import aktuellt

FORHANDSVISNING = 200
CLI_FLAGGA = {"fran": "--from", "till": "--to", "datum": "--date", "kommun": "--kommun"}

f = aktuellt()
st.title("Export")
st.markdown("Välj ett mått. Filtren i sidopanelen gäller; måttet använder de filter det har.")

figurer = {fig.name: fig for fig in queries.catalogue()}
namn = st.selectbox("Mått", list(figurer), key="export_figur")
params = f.for_figur(namn)
anvanda = ", ".join(f"{k} = {v}" for k, v in params.items() if v is not None) or "inga"
st.caption(f"Filter som används: {anvanda}")

df = hamta(namn, **params)
st.markdown(f"**{df.height} rader**, kolumner: {', '.join(df.columns)}")
if df.is_empty():
    st.info(TOMT)
else:
    tabell(df.head(FORHANDSVISNING))
    if df.height > FORHANDSVISNING:
        st.caption(
            f"Förhandsvisningen visar de första {FORHANDSVISNING} raderna; nedladdningen innehåller alla."
        )
nedladdning(df, namn, "export")

with st.expander("Definition och kommandorad"):
    st.markdown(definition(namn))
    flaggor = " ".join(
        f"{CLI_FLAGGA[k]} {v}" for k, v in params.items() if k in CLI_FLAGGA and v is not None
    )
    st.code(f"python -m queries export {namn} --db DATABAS {flaggor}", language="sh")
