"""Kommunöverskridande: children placed here by other municipalities, and ours elsewhere.

Both directions matter for money and for responsibility: the responsible municipality
pays, the living municipality provides school, health care and social services.
"""

from __future__ import annotations

# Before any other project import: ui/__init__.py imports the whole project once, so that
# sessions starting together never see a half-imported module. A link straight to a page
# on a fresh server runs the page before dashboard.py, so the page imports ui first itself.
import ui  # noqa: F401  # isort: skip

import polars as pl
import streamlit as st

from charts import kommun as diagram_kommun
from charts.text import md
from report import figurmeningar, meningar
from ui import presentation
from ui.components import diagram, valda
from ui.figurer import hamta, visas
from ui.filters import aktuellt, manadens_forsta
from ui.format import fmt_antal, fmt_datum, skyddat, summa_dold
from ui.nyckeltal import andel_rad
from ui.referens import kommunnamn

f = aktuellt()
k = presentation.kontext(f)
st.title("Kommunöverskridande")
st.caption(f"Sett från {md(kommunnamn(f.kommun))} den {fmt_datum(f.datum)}.")

per_kommun = hamta("kommunoverskridande", **f.for_figur("kommunoverskridande"))
hos_oss = per_kommun.filter(pl.col("riktning") == "placerade_hos_oss")
i_andra = per_kommun.filter(pl.col("riktning") == "vara_i_andra")
summa = hamta("kommunoverskridande_summa", **f.for_figur("kommunoverskridande_summa"))
kol = st.columns(2)
for ruta, rubrik, riktning, tabell_df in (
    (kol[0], "Placerade här av andra kommuner", "placerade_hos_oss", hos_oss),
    (kol[1], "Våra placerade i andra kommuner", "vara_i_andra", i_andra),
):
    rad = summa.filter(pl.col("riktning") == riktning).row(0, named=True)
    if summa_dold(tabell_df, "antal"):
        # the chart's table has one masked municipality it could not pair: its total (and
        # the within-län part of it) would give that count away, so the tile hides them too
        rad |= {"antal_maskerad": True, "antal_samma_lan_maskerad": True}
    ruta.metric(rubrik, skyddat(rad, "antal", fmt_antal, figur="kommunoverskridande_summa"))
    ruta.caption(
        f"varav {skyddat(rad, 'antal_samma_lan', fmt_antal, figur='kommunoverskridande_summa')} inom länet"
    )
# all living here on the reporting date and the share placed by others (as the overview)
bor_har = andel_rad(f, manadens_forsta(f.datum))
summor = {
    riktning: meningar.varden(
        summa.filter(pl.col("riktning") == riktning).row(0, named=True),
        k.grans,
        **meningar.riktning_dolda(delar),
    )
    for riktning, delar in (("placerade_hos_oss", hos_oss), ("vara_i_andra", i_andra))
}

# one scale for both directions, so that bars of the same length mean the same count
xmax = diagram_kommun.gemensam_skala(hos_oss, i_andra)
vanster, hoger = st.columns(2)
with vanster:
    klick_hos_oss = diagram(
        f"Placerade här av andra kommuner, per ansvarig kommun, {fmt_datum(f.datum)}",
        diagram_kommun.per_kommun(
            hos_oss, "Inga barn eller unga är placerade här av andra kommuner", xmax=xmax
        ),
        hos_oss,
        "kommunoverskridande",
        "kommun_hos_oss",
        klickbar=True,
        mening=figurmeningar.kommun_hos_oss(
            summor["placerade_hos_oss"],
            hos_oss,
            k,
            meningar.varden(bor_har, k.grans) if bor_har else None,
        ),
    )
with hoger:
    klick_i_andra = diagram(
        f"Våra placerade i andra kommuner, per vistelsekommun, {fmt_datum(f.datum)}",
        diagram_kommun.per_kommun(
            i_andra, "Inga av våra barn eller unga bor i andra kommuner", xmax=xmax
        ),
        i_andra,
        "kommunoverskridande",
        "kommun_i_andra",
        klickbar=True,
        mening=figurmeningar.kommun_i_andra(summor["vara_i_andra"], i_andra, k),
    )

kommuner = valda(klick_hos_oss) + valda(klick_i_andra)
if visas("kommunoverskridande_matris"):
    matris = hamta("kommunoverskridande_matris", **f.for_figur("kommunoverskridande_matris"))
    if kommuner:
        matris = matris.filter(
            pl.col("ansvarig_kommun").is_in(kommuner) | pl.col("vistelsekommun").is_in(kommuner)
        )
        st.info(
            "Flödet visar bara "
            + ", ".join(md(kommunnamn(k)) for k in kommuner)
            + ". Klicka i diagrammets tomma yta för att visa alla."
        )
    diagram(
        "Kommunöverskridande placeringar, från ansvarig kommun till vistelsekommun, "
        f"{fmt_datum(f.datum)}",
        diagram_kommun.flode(matris),
        matris,
        "kommunoverskridande_matris",
        "kommun_flode",
        mening=figurmeningar.flode(matris, k),
    )
else:
    # its cells repeat the bars above and its diagonal is the share's complement: a second
    # protection of the same counts could be played against the first (docs/skydd.md)
    st.caption(
        "Flödet mellan kommuner visas inte i den skyddade vyn; staplarna ovan visar samma antal."
    )

andel = hamta("kommunoverskridande_andel", **f.for_figur("kommunoverskridande_andel"))
diagram(
    f"Andel kommunöverskridande per månad {fmt_datum(f.fran)}–{fmt_datum(f.till)}",
    diagram_kommun.andel_over_tid(andel),
    andel,
    "kommunoverskridande_andel",
    "kommun_andel",
    mening=figurmeningar.andel(andel, k),
)
