"""Ålder och kön: who is in care, how that changes, and who turns 18 or 21 soon.

A birthday at 18 ends care under SoL for most and at 21 ends the compensation: the
coming-birthdays chart is what planners act on.
"""

from __future__ import annotations

# Before any other project import: ui/__init__.py imports the whole project once, so that
# sessions starting together never see a half-imported module. A link straight to a page
# on a fresh server runs the page before dashboard.py, so the page imports ui first itself.
import ui  # noqa: F401  # isort: skip

import streamlit as st

from charts import alder as diagram_alder
from charts.etiketter import ALDERSGRUPP, KON, namn
from charts.text import md
from report import figurmeningar, meningar
from ui import presentation, roller
from ui.components import diagram, tabell, valda
from ui.figurer import hamta
from ui.filters import aktuellt
from ui.format import fmt_antal, fmt_datum, skyddat, summa_dold
from ui.referens import kommunnamn

f = aktuellt()
k = presentation.kontext(f)
st.title("Ålder och kön")
st.caption(f"Barn och unga i vård med {md(kommunnamn(f.kommun))} som ansvarig kommun.")

pyramid = hamta("alderspyramid", **f.for_figur("alderspyramid"))
nu = hamta("i_vard_nyckeltal", **f.for_figur("i_vard_nyckeltal")).row(0, named=True)
# a total the pyramid must hide (one masked cell it could not pair) is hidden on the tile too
dold = {"antal_i_vard_maskerad": True} if summa_dold(pyramid, "antal") else {}
kol = st.columns(4)
kol[0].metric(
    f"I vård {fmt_datum(f.datum)}",
    skyddat(nu | dold, "antal_i_vard", fmt_antal, figur="i_vard_nyckeltal"),
)
for i, kon in enumerate(("K", "M", "X"), start=1):
    kol[i].metric(
        namn(KON, kon), skyddat(nu, f"antal_{kon.lower()}", fmt_antal, figur="i_vard_nyckeltal")
    )

diagram(
    f"Ålderspyramid för personer i vård {fmt_datum(f.datum)}",
    diagram_alder.alderspyramid(pyramid),
    pyramid,
    "alderspyramid",
    "alder_pyramid",
    mening=meningar.i_vard(
        meningar.varden(nu, k.grans, **meningar.i_vard_dolda(pyramid)), f.datum, k.kommun
    ),
)

over_tid = hamta("aldersgrupp_manad", **f.for_figur("aldersgrupp_manad"))
# The click-through (a clicked age group by sex and month) is the analysts' and managers': in
# the protected view each selection would be protected on its own, and the views of every
# single group together add up to the table by sex (docs/skydd.md rule 13).
klickbar = not roller.skyddad(roller.aktuell_roll())
klick = diagram(
    f"Personer i vård per åldersgrupp, per månad {fmt_datum(f.fran)}–{fmt_datum(f.till)}",
    diagram_alder.aldersgrupper_over_tid(over_tid),
    over_tid,
    "aldersgrupp_manad",
    "alder_over_tid",
    klickbar=klickbar,
    mening=figurmeningar.aldersgrupper(over_tid, k),
)
valda_grupper = valda(klick) if klickbar else []
if valda_grupper:
    st.markdown("Vald åldersgrupp: " + ", ".join(md(namn(ALDERSGRUPP, g)) for g in valda_grupper))
    per_kon = hamta(
        "i_vard_manad_kon", **f.for_figur("i_vard_manad_kon", aldersgrupp=valda_grupper)
    )
    tabell(per_kon)

dagar = hamta("fodelsedagar_manad", **f.for_figur("fodelsedagar_manad"))
diagram(
    f"Kommande 18- och 21-årsdagar, 12 månader efter {fmt_datum(f.datum)}",
    diagram_alder.fodelsedagar(dagar),
    dagar,
    "fodelsedagar_manad",
    "alder_fodelsedagar",
    mening=figurmeningar.fodelsedagar(dagar, k),
)
# rows about one person: fetched, shown and offered only to analysts
if roller.far_se_radniva(roller.aktuell_roll()):
    with st.expander("Vilka fyller 18 eller 21? (pseudonymer, inga personnummer)"):
        tabell(hamta("fodelsedagar_kommande", **f.for_figur("fodelsedagar_kommande")))
