"""Beläggning: are the contracted places used, where are they empty, what does it cost?

Click a boendeform in the first chart or a unit in the vacancy chart to narrow the rest
of the page to it.
"""

from __future__ import annotations

import polars as pl
import streamlit as st

from charts import belaggning as diagram_belaggning
from charts.etiketter import BOENDEFORM, namn
from ui.components import TOMT, diagram, importera_igen, saknade, valda
from ui.figurer import hamta
from ui.filters import aktuellt
from ui.format import fmt_antal, fmt_datum, fmt_kr, fmt_pct

f = aktuellt()
period = f"{fmt_datum(f.fran)}–{fmt_datum(f.till)}"
st.title("Beläggning")

if saknade("platser"):
    st.info(
        "Inga avtalade platser är importerade: tabellen `platser` saknas i exporten eller är "
        "tom, så beläggningen kan inte beräknas. " + importera_igen(["platser"])
    )
    st.stop()

per_form = hamta("belaggning_boendeform", **f.for_figur("belaggning_boendeform"))
per_enhet = hamta("belaggning_enhet", **f.for_figur("belaggning_enhet"))
if per_form.is_empty():
    st.info(TOMT)
    st.stop()

total = (
    per_form["vardygn"].sum() / per_form["platsdygn"].sum() if per_form["platsdygn"].sum() else None
)
kol = st.columns(3)
kol[0].metric("Beläggning under perioden", fmt_pct(total))
kol[1].metric("Lediga platsdygn", fmt_antal(per_form["lediga_platsdygn"].sum()))
kol[2].metric("Kostnad för lediga platser", fmt_kr(per_form["kostnad_lediga_kr"].sum()))

klick = diagram(
    f"Vårddygn per boendeform mot avtalade platsdygn, per månad {period}",
    diagram_belaggning.vardygn_mot_platser(per_form),
    per_form,
    "belaggning_boendeform",
    "belaggning_form",
    klickbar=True,
)
former = valda(klick)
if former:
    per_enhet = per_enhet.filter(pl.col("boendeform").is_in(former))
    st.info(
        "Resten av sidan visar "
        + ", ".join(namn(BOENDEFORM, b) for b in former)
        + ". Klicka i diagrammets tomma yta för att visa alla."
    )

klick_enhet = diagram(
    f"Lediga platsdygn och deras kostnad per enhet {period}",
    diagram_belaggning.lediga_platsdygn(per_enhet),
    per_enhet,
    "belaggning_enhet",
    "belaggning_lediga",
    klickbar=True,
)
enheter = valda(klick_enhet)
if enheter:
    per_enhet = per_enhet.filter(pl.col("enhet_id").is_in(enheter))
    namnen = ", ".join(sorted(per_enhet["enhet_namn"].unique().to_list()))
    diagram(
        f"Vårddygn mot avtalade platsdygn för {namnen}, per månad {period}",
        diagram_belaggning.vardygn_mot_platser(per_enhet),
        per_enhet,
        "belaggning_enhet",
        "belaggning_vald_enhet",
    )

diagram(
    f"Beläggning per enhet och månad {period}",
    diagram_belaggning.varmekarta(per_enhet),
    per_enhet,
    "belaggning_enhet",
    "belaggning_karta",
)
