"""Översikt: the answer to "how are we doing?" in one screen.

Four KPI tiles, each leading to its page, a summary written from the same figures, and
what data is loaded and how fresh it is.
"""

from __future__ import annotations

import polars as pl
import streamlit as st

from ui.figurer import hamta
from ui.filters import aktuellt, manadens_forsta
from ui.format import fmt_antal, fmt_datum, fmt_forandring, fmt_kr, fmt_pct
from ui.referens import kommunnamn

f = aktuellt()
st.title("Översikt")
st.caption(f"Läget {fmt_datum(f.datum)} sett från {kommunnamn(f.kommun)}.")

i_vard = hamta(
    "i_vard_manad", **f.for_figur("i_vard_manad", fran=manadens_forsta(f.datum, 12), till=f.datum)
)
belagg = hamta(
    "belaggning_boendeform",
    **f.for_figur("belaggning_boendeform", fran=manadens_forsta(f.datum), till=f.datum),
)
budget = hamta(
    "budgetbalans",
    **f.for_figur("budgetbalans", fran=f.datum.replace(month=1, day=1), till=f.datum),
)
andel = hamta(
    "kommunoverskridande_andel",
    **f.for_figur("kommunoverskridande_andel", fran=manadens_forsta(f.datum), till=f.datum),
)


serie = i_vard.sort("manad")["antal_i_vard"].to_list() if i_vard.height else []


def antal(bakat: int) -> int | None:
    """Persons in care `bakat` months before the reporting date's month (0 = now)."""
    return int(serie[-1 - bakat]) if len(serie) > bakat else None


nu, forra_manaden, forra_aret = antal(0), antal(1), antal(12)
belaggning_nu = (
    float(belagg["vardygn"].sum()) / float(belagg["platsdygn"].sum())
    if belagg.height and belagg["platsdygn"].sum()
    else None
)
ack = budget.sort("manad").row(-1, named=True) if budget.height else None
hos_oss = andel.filter(pl.col("riktning") == "placerade_hos_oss").sort("manad")
andel_hos_oss = hos_oss["andel"][-1] if hos_oss.height else None


def skillnad(a: int | None, b: int | None) -> int | None:
    return a - b if a is not None and b is not None else None


def pil(text: str) -> str:
    """st.metric points its arrow down only for an ASCII minus; ours is the typographic one."""
    return "-" + text[1:] if text.startswith("−") else text


kol = st.columns(4)
with kol[0]:
    st.metric(
        "I vård nu",
        fmt_antal(nu),
        delta=pil(fmt_forandring(skillnad(nu, forra_manaden)) + " mot förra månaden"),
        delta_color="off",
        help="Barn och unga i vård på rapportdatumet med perspektivkommunen som ansvarig.",
    )
    st.caption(f"{fmt_forandring(skillnad(nu, forra_aret))} mot samma dag förra året")
    st.page_link("pages/alder_och_kon.py", label="Ålder och kön", icon=":material/arrow_forward:")
with kol[1]:
    st.metric(
        "Beläggning denna månad",
        fmt_pct(belaggning_nu),
        help="Vårddygn / avtalade platsdygn, månaden till och med rapportdatumet.",
    )
    st.page_link("pages/belaggning.py", label="Beläggning", icon=":material/arrow_forward:")
with kol[2]:
    avvikelse = ack["ack_balans"] - ack["ack_budget_balans"] if ack else None
    st.metric(
        "Balans hittills i år",
        fmt_kr(ack["ack_balans"] if ack else None),
        delta=pil(fmt_kr(avvikelse) + " mot budget") if avvikelse is not None else None,
        help="Intäkt − kostnad från januari till rapportdatumets månad.",
    )
    st.page_link("pages/ekonomi.py", label="Ekonomi", icon=":material/arrow_forward:")
with kol[3]:
    st.metric(
        "Placerade här av andra",
        fmt_pct(andel_hos_oss),
        help="Andel av dem i vård som bor i kommunen vars ansvariga kommun är en annan.",
    )
    st.page_link(
        "pages/kommunoverskridande.py", label="Kommunöverskridande", icon=":material/arrow_forward:"
    )

st.subheader("Sammanfattning")
meningar = []
if nu is not None:
    meningar.append(
        f"Den {fmt_datum(f.datum)} var **{fmt_antal(nu)}** barn och unga i vård med {kommunnamn(f.kommun)} "
        f"som ansvarig kommun, {fmt_forandring(skillnad(nu, forra_manaden))} mot förra månaden och "
        f"{fmt_forandring(skillnad(nu, forra_aret))} mot samma tid förra året."
    )
if belaggning_nu is not None:
    meningar.append(
        f"Beläggningen på avtalade platser var **{fmt_pct(belaggning_nu)}** hittills denna månad."
    )
if ack:
    riktning = "bättre" if avvikelse >= 0 else "sämre"
    meningar.append(
        f"Hittills i år är balansen **{fmt_kr(ack['ack_balans'])}**, {fmt_kr(abs(avvikelse))} {riktning} än budget."
    )
if andel_hos_oss is not None:
    meningar.append(
        f"Av dem som bor i kommunen är **{fmt_pct(andel_hos_oss)}** placerade här av andra kommuner."
    )
st.markdown(" ".join(meningar) or "Det finns inga data för valda filter och rapportdatum.")

st.subheader("Inläst data")
omfang = hamta("dataomfang")
logg = hamta("import_logg")
if omfang.height and omfang["uttagsdatum"][0] is not None:
    o = omfang.row(0, named=True)
    senaste = logg.sort("import_id").row(-1, named=True) if logg.height else None
    st.markdown(
        f"Data från **{fmt_datum(o['forsta_datum'])}** till **{fmt_datum(o['sista_datum'])}**, "
        f"uttagsdatum **{fmt_datum(o['uttagsdatum'])}**"
        + (
            f", importerad {senaste['importerad']:%Y-%m-%d %H:%M} från `{senaste['kalla']}`."
            if senaste
            else "."
        )
    )
    st.page_link(
        "pages/data.py", label="Importlogg och datakvalitet", icon=":material/arrow_forward:"
    )
else:
    st.info(
        "Databasen innehåller ännu inga importerade data. Importera med `python -m ingest MAPP --db FIL`."
    )
