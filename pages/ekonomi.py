"""Ekonomi: cost and revenue against budget, the year-to-date balance and its forecast.

The forecast method is always named beside the figure, because the two methods can
differ by millions and a committee must know which one it is reading.
"""

from __future__ import annotations

# Before any other project import: ui/__init__.py imports the whole project once, so that
# sessions starting together never see a half-imported module. A link straight to a page
# on a fresh server runs the page before dashboard.py, so the page imports ui first itself.
import ui  # noqa: F401  # isort: skip

import polars as pl
import streamlit as st

from charts import ekonomi as diagram_ekonomi
from charts.ekonomi import kategorietikett
from charts.text import md
from report import ekonomimeningar, meningar
from ui import presentation
from ui.components import TOMT, diagram, importera_igen, saknade, valda
from ui.figurer import hamta
from ui.filters import Filter, aktuellt
from ui.format import fmt_datum, fmt_kr, fmt_manad
from ui.referens import kommunnamn

f = aktuellt()
k = presentation.kontext(f)
period = f"{fmt_datum(f.fran)}–{fmt_datum(f.till)}"
st.title("Ekonomi")

saknas = saknade("ekonomi", "budget")
if len(saknas) == 2:
    st.info(
        "Ingen ekonomi är importerad: tabellerna `ekonomi` (huvudboken) och `budget` saknas i "
        "exporten eller är tomma. " + importera_igen(saknas)
    )
    st.stop()
if saknas:
    st.warning(
        f"Tabellen `{saknas[0]}` saknas i exporten eller är tom, så "
        + ("utfallet" if saknas[0] == "ekonomi" else "budgeten")
        + " visas som 0 kr. "
        + importera_igen(saknas)
    )

omfang = hamta("dataomfang")
agare = omfang.row(0, named=True) if omfang.height else {}
agare_namn = md(agare.get("perspektivkommun_namn") or agare.get("perspektivkommun") or "")
if agare_namn:
    st.caption(f"Huvudbok och budget för {agare_namn}, vars data är importerade.")
if agare.get("perspektivkommun") not in (None, f.kommun):
    st.info(
        f"Perspektivkommunen {md(kommunnamn(f.kommun))} gäller inte här: huvudbok och budget "
        f"finns bara i data från {agare_namn}, och det är de som visas."
    )

manad = hamta("budgetbalans", **f.for_figur("budgetbalans"))
if hamta("ekonomi_verksamhet", **f.for_figur("ekonomi_verksamhet")).is_empty():
    st.info(TOMT)
    st.stop()

# the options are the labels: Streamlit's URL binding writes a choice's label, so a link
# reads `?prognos=Taktmetoden`
METODER = {"Budgetmetoden": "budget", "Taktmetoden": "takt"}


def prognosmetod() -> str:
    """The chosen method's label: the radio, or in the presentation mode the link alone."""
    if presentation.aktiv():
        return st.query_params.get("prognos") or "Budgetmetoden"
    val = st.radio(
        "Prognosmetod", list(METODER), horizontal=True, key="prognos", bind="query-params"
    )
    return val or "Budgetmetoden"


@st.fragment
def prognos(f: Filter, manad: pl.DataFrame) -> None:
    """The year to date and the forecast: a change of method reruns only this part."""
    metod = METODER.get(prognosmetod(), "budget")
    kolumn, beskrivning = diagram_ekonomi.PROGNOSMETOD[metod]
    # year to date on the reporting date, the same figure as the overview's tile and sentence
    hittills = hamta("budgetbalans_hittills", **f.for_figur("budgetbalans_hittills"))
    ar = hittills.row(0, named=True)
    till_och_med = (
        f"Januari till och med {fmt_manad(ar['till_manad'])}, rapportdatumet "
        f"{fmt_datum(f.datum)} (dock inte efter sista månaden med utfall)."
        if ar["till_manad"]
        else f"Inget utfall finns ännu för {ar['fran_manad'][:4]}."
    )
    kol = st.columns(3)
    kol[0].metric("Balans hittills i år", fmt_kr(ar["ack_balans"]), help=till_och_med)
    kol[1].metric("Budget hittills i år", fmt_kr(ar["ack_budget_balans"]), help=till_och_med)
    kol[2].metric("Prognos helår", fmt_kr(ar[kolumn]), help=f"Metod: {beskrivning}.")
    st.caption(f"Hittills i år: {till_och_med} Prognosmetod: {beskrivning}.")
    diagram(
        f"Ackumulerad balans mot budget med prognos för helåret ({beskrivning})",
        diagram_ekonomi.ackumulerad_balans(manad, metod),
        manad,
        "budgetbalans",
        "ekonomi_ack",
        params=f.for_figur("budgetbalans"),
        mening=meningar.ekonomi(meningar.rad_varden(hittills, k.grans), metod),
    )


prognos(f, manad)
diagram(
    f"Kostnad och intäkt per månad mot budget {period}",
    diagram_ekonomi.manadsutfall(manad),
    manad,
    "budgetbalans",
    "ekonomi_manad",
    mening=ekonomimeningar.manadsutfall(manad, k),
)

verksamhet = hamta("ekonomi_verksamhet", **f.for_figur("ekonomi_verksamhet"))
klick = diagram(
    f"Balans per verksamhet mot budget {period}",
    diagram_ekonomi.verksamheter(verksamhet),
    verksamhet,
    "ekonomi_verksamhet",
    "ekonomi_verksamhet",
    klickbar=True,
    mening=ekonomimeningar.verksamheter(verksamhet, k),
)
valda_verksamheter = valda(klick)
urval = {"verksamhet": valda_verksamheter} if valda_verksamheter else {}
if valda_verksamheter:
    st.info("Kategorierna nedan visar " + ", ".join(md(v) for v in valda_verksamheter) + ".")
kategori = hamta("ekonomi_kategori", **f.for_figur("ekonomi_kategori", **urval))
diagram(
    f"Utfall mot budget per kategori {period}",
    diagram_ekonomi.kategorier(kategori),
    kategori,
    "ekonomi_kategori",
    "ekonomi_kategori",
    mening=ekonomimeningar.kategorier(kategori, k),
)
diagram(
    f"Från budgeterad balans till utfall {period}",
    diagram_ekonomi.vattenfall(kategori),
    kategori,
    "ekonomi_kategori",
    "ekonomi_vattenfall",
    mening=ekonomimeningar.vattenfall(kategori, k),
)
if kategori.height and not presentation.aktiv():
    avvikelse = kategori.filter(pl.col("avvikelse_kr") < 0).sort("avvikelse_kr").head(1)
    if avvikelse.height:
        rad = avvikelse.row(0, named=True)
        st.markdown(
            f"Störst ogynnsam avvikelse: **{md(kategorietikett(rad['kategori'], rad['typ']))}** "
            f"({fmt_kr(rad['avvikelse_kr'])})."
        )
