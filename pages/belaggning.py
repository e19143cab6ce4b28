"""Beläggning: are the contracted places used, where are they empty, what does it cost?

Click a boendeform in the first chart or a unit in the vacancy chart to narrow the rest
of the page to it.
"""

from __future__ import annotations

# Before any other project import: ui/__init__.py imports the whole project once, so that
# sessions starting together never see a half-imported module. A link straight to a page
# on a fresh server runs the page before dashboard.py, so the page imports ui first itself.
import ui  # noqa: F401  # isort: skip

import polars as pl
import streamlit as st

from charts import belaggning as diagram_belaggning
from charts.etiketter import BOENDEFORM, namn
from charts.text import md
from report import ekonomimeningar, meningar
from ui import presentation, roller
from ui.components import TOMT, diagram, importera_igen, saknade, valda
from ui.figurer import hamta
from ui.filters import aktuellt
from ui.format import fmt_antal, fmt_datum, fmt_kr, fmt_pct, skyddat
from ui.referens import kommunnamn

f = aktuellt()
k = presentation.kontext(f)
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

omfang = hamta("dataomfang")
agare = omfang.row(0, named=True) if omfang.height else {}
agare_namn = md(agare.get("perspektivkommun_namn") or agare.get("perspektivkommun") or "")
st.caption(
    f"Avtalade platser och beläggning för {agare_namn}, vars data är importerade."
    if agare_namn
    else "Avtalade platser i de importerade data."
)
if agare.get("perspektivkommun") not in (None, f.kommun):
    st.info(
        f"Perspektivkommunen {md(kommunnamn(f.kommun))} gäller inte här: avtalade platser finns "
        f"bara i data från {agare_namn}, och det är de som visas."
    )
period_df = hamta("belaggning_period", **f.for_figur("belaggning_period"))
period_totalt = period_df.row(0, named=True)
kol = st.columns(3)
kol[0].metric(
    "Beläggning under perioden",
    skyddat(period_totalt, "belaggning", fmt_pct, figur="belaggning_period"),
)
kol[1].metric(
    "Lediga platsdygn",
    skyddat(period_totalt, "lediga_platsdygn", fmt_antal, figur="belaggning_period"),
)
kol[2].metric(
    "Kostnad för lediga platser",
    skyddat(period_totalt, "kostnad_lediga_kr", fmt_kr, figur="belaggning_period"),
)

totalt = hamta("belaggning_manad_totalt", **f.for_figur("belaggning_manad_totalt"))
utan_platser = hamta("vardygn_utan_platser", **f.for_figur("vardygn_utan_platser"))
klick = diagram(
    f"Vårddygn i boendeformer med avtalade platser mot avtalade platsdygn, per månad {period}",
    diagram_belaggning.vardygn_mot_platser(per_form, utan_platser=utan_platser, totalt=totalt),
    per_form,
    "belaggning_boendeform",
    "belaggning_form",
    klickbar=True,
    mening=meningar.belaggning(meningar.rad_varden(period_df, k.grans), f.fran, f.till),
)
former = valda(klick)
if former:
    per_enhet = per_enhet.filter(pl.col("boendeform").is_in(former))
    st.info(
        "Resten av sidan visar "
        + ", ".join(md(namn(BOENDEFORM, b)) for b in former)
        + ". Klicka i diagrammets tomma yta för att visa alla."
    )

# A clicked unit's months are a new selection (its own care-days by month): in the protected
# view each selection would be protected on its own, and selections of one and of two units
# subtract to the second's care-days, so there the click-through is not offered (docs/skydd.md
# rule 13). A clicked boendeform above only narrows the rows already shown.
per_klick = not roller.skyddad(roller.aktuell_roll())
klick_enhet = diagram(
    f"Lediga platsdygn och deras kostnad per enhet {period}",
    diagram_belaggning.lediga_platsdygn(per_enhet),
    per_enhet,
    "belaggning_enhet",
    "belaggning_lediga",
    klickbar=per_klick,
    mening=ekonomimeningar.lediga_per_enhet(per_enhet, k),
)
enheter = valda(klick_enhet) if per_klick else []
if enheter:
    per_enhet = per_enhet.filter(pl.col("enhet_id").is_in(enheter))
    namnen = ", ".join(md(n) for n in sorted(per_enhet["enhet_namn"].unique().to_list()))
    vald_form = hamta(
        "belaggning_boendeform", **f.for_figur("belaggning_boendeform", enhet=enheter)
    )
    vald_totalt = hamta(
        "belaggning_manad_totalt", **f.for_figur("belaggning_manad_totalt", enhet=enheter)
    )
    diagram(
        f"Vårddygn mot avtalade platsdygn för {namnen}, per månad {period}",
        diagram_belaggning.vardygn_mot_platser(vald_form, totalt=vald_totalt),
        vald_form,
        "belaggning_boendeform",
        "belaggning_vald_enhet",
    )

diagram(
    f"Beläggning per enhet och månad {period}",
    diagram_belaggning.varmekarta(per_enhet),
    per_enhet,
    "belaggning_enhet",
    "belaggning_karta",
    mening=ekonomimeningar.varmekarta(per_enhet, k),
    smal_tabell=diagram_belaggning.ritade_rader(per_enhet),
)
