"""Översikt: the answer to "how are we doing?" in one screen.

Four KPI tiles, each leading to its page, a summary written from the same figures, and
what data is loaded and how fresh it is.
"""

from __future__ import annotations

# Before any other project import: ui/__init__.py imports the whole project once, so that
# sessions starting together never see a half-imported module. A link straight to a page
# on a fresh server runs the page before dashboard.py, so the page imports ui first itself.
import ui  # noqa: F401  # isort: skip

import streamlit as st

from charts.text import md
from ui import introduktion, presentation
from ui.components import skyddsregel
from ui.figurer import hamta
from ui.filters import aktiva_listfilter, aktuellt, foljer
from ui.format import STRECK, fmt_antal, fmt_datum, fmt_forandring, fmt_kr, fmt_manad, fmt_pct
from ui.nyckeltal import agarens_namn, inte_tillganglig, lage, sammanfattning
from ui.rapportknapp import rapportknapp

f = aktuellt()
st.title("Översikt")
st.markdown(introduktion.vad_det_ar())
st.caption(introduktion.ordforklaring(f, presentation=presentation.aktiv()))
nu = lage(f)
egen = nu.egen_data(f.kommun)


def pil(text: str) -> str:
    """st.metric points its arrow down only for an ASCII minus; ours is the typographic one."""
    return "-" + text[1:] if text.startswith("−") else text


def lank(sida: str, etikett: str) -> None:
    """A tile's link to its page; the presentation mode has the menu at the top instead."""
    if not presentation.aktiv():
        st.page_link(sida, label=etikett, icon=":material/arrow_forward:")


def filtertext(figur: str) -> None:
    """Under a tile: which of the chosen filters it follows, so none is silently ignored."""
    text = foljer(f, figur)
    if text:
        st.caption(text)


kol = st.columns(4)
with kol[0]:
    st.metric(
        "I vård nu",
        nu.visa("i_vard", fmt_antal),
        delta=pil(nu.visa("mot_forra_manaden", fmt_forandring) + " mot förra månaden"),
        delta_color="off",
        help=(
            "Barn och unga i vård på rapportdatumet med perspektivkommunen som ansvarig, "
            "jämfört med samma dag en månad och ett år tidigare."
        ),
    )
    st.caption(f"{nu.visa('mot_forra_aret', fmt_forandring)} mot ett år tidigare")
    filtertext("i_vard_nyckeltal")
    lank("pages/alder_och_kon.py", "Ålder och kön")
with kol[1]:
    st.metric(
        "Beläggning denna månad",
        nu.visa("belaggning", fmt_pct) if egen else STRECK,
        help="Vårddygn / avtalade platsdygn, månaden till och med rapportdatumet.",
    )
    st.caption(f"Avtalade platser: {agarens_namn(nu)}." if egen else inte_tillganglig(nu, f))
    filtertext("belaggning_period")
    lank("pages/belaggning.py", "Beläggning")
with kol[2]:
    st.metric(
        "Balans hittills i år",
        fmt_kr(nu.ack_balans) if egen else STRECK,
        delta=pil(fmt_kr(nu.mot_budget) + " mot budget")
        if egen and nu.mot_budget is not None
        else None,
        help=(
            "Intäkt − kostnad från januari till och med rapportdatumets månad, dock inte efter "
            "den sista månaden med utfall, mot budgetens balans för samma månader."
        ),
    )
    if egen:
        tom = f" till och med {fmt_manad(nu.till_manad)}" if nu.till_manad else ""
        st.caption(f"Huvudbok och budget: {agarens_namn(nu)}{tom}.")
    else:
        st.caption(inte_tillganglig(nu, f))
    filtertext("budgetbalans_hittills")
    lank("pages/ekonomi.py", "Ekonomi")
with kol[3]:
    st.metric(
        "Placerade här av andra",
        nu.visa("andel_hos_oss", fmt_pct),
        help="Andel av dem i vård som bor i kommunen vars ansvariga kommun är en annan.",
    )
    filtertext("kommunoverskridande_andel")
    lank("pages/kommunoverskridande.py", "Kommunöverskridande")

st.subheader("Sammanfattning")
st.markdown(sammanfattning(nu, f))
if aktiva_listfilter(f):
    st.caption(
        "Sammanfattningen bygger på rutornas tal: varje filter gäller bara där rutan säger det."
    )

skyddsregel()
if presentation.aktiv():
    st.caption(presentation.datadatum())
    st.stop()  # the report button and the import details are for the normal view
rapportknapp(f)

st.subheader("Inläst data")
omfang = hamta("dataomfang")
logg = hamta("import_senaste")
if omfang.height and omfang["forsta_datum"][0] is not None:
    o = omfang.row(0, named=True)
    senaste = logg.row(0, named=True) if logg.height else None
    kalla = (
        f", importerad {senaste['importerad']:%Y-%m-%d %H:%M} från {md(senaste['kalla'])}"
        if senaste
        else ""
    )
    st.markdown(
        f"Data från **{fmt_datum(o['forsta_datum'])}** till **{fmt_datum(o['sista_datum'])}**, "
        f"uttagsdatum **{fmt_datum(o['uttagsdatum'])}**{kalla}."
    )
    lank("pages/data.py", "Importlogg och datakvalitet")
else:
    st.info(
        "Databasen innehåller ännu inga importerade data. Importera med `python -m ingest MAPP --db FIL`."
    )
