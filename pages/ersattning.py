"""Ersättning och prognos: what the state should pay by its rules, against claims and the ledger.

The committee's charge is that costs balance the state's compensation; this page shows
per month what the rules in force each day say the state should pay, what was claimed and
what was booked, and explains any month's gap to the krona (count × rate per rule).
"""

from __future__ import annotations

# Before any other project import: ui/__init__.py imports the whole project once, so that
# sessions starting together never see a half-imported module. A link straight to a page
# on a fresh server runs the page before dashboard.py, so the page imports ui first itself.
import ui  # noqa: F401  # isort: skip

import polars as pl
import streamlit as st

from charts import ersattning as diagram_ersattning
from charts.text import md
from queries.ersattning_xlsx import berakning_xlsx
from report import ekonomimeningar, meningar
from ui import presentation, roller, scenario
from ui.components import TOMT, diagram, nedladdning, tabell
from ui.figurer import hamta, visas
from ui.filters import aktuellt
from ui.format import fmt_datum, fmt_kr, fmt_manad, fmt_pct, skyddat
from ui.granskning import loggad

f = aktuellt()
k = presentation.kontext(f)
period = f"{fmt_datum(f.fran)}–{fmt_datum(f.till)}"
st.title("Ersättning och prognos")
st.caption(
    "Förväntad ersättning enligt reglerna i `data/reference/ersattningsregler.csv`, dag för "
    "dag, mot sökt (ersättningsansökningar) och bokförd ersättning (huvudbokens kategorier "
    "statlig ersättning och schablon). Differens = bokförd − förväntad. Hela kalendermånader."
)

params = f.for_figur("ersattning")
manad = hamta("ersattning", **params)
if manad.is_empty():
    st.info(TOMT)
    st.stop()

summa_df = hamta("ersattning_summa", **params)
summa = summa_df.row(0, named=True)
kol = st.columns(3)
# the expected sum hides where a month's category would give a child's care-days away
forvantad = skyddat(summa, "forvantad", fmt_kr, figur="ersattning_summa")
kol[0].metric("Förväntad ersättning", forvantad, help=period)
kol[1].metric("Bokförd ersättning", fmt_kr(summa["bokford"]), help=period)
differens = skyddat(summa, "differens", fmt_kr, figur="ersattning_summa")
kol[2].metric("Differens (bokförd − förväntad)", differens, help=period)
if summa["bokford"] is None:
    st.info(
        "Huvudboken och ansökningarna tillhör dataägaren; för vald kommun visas bara den "
        "förväntade ersättningen."
    )


def berakning_och_avvikelser() -> None:
    """One month's calculation to the krona, with its downloads, and the deviation check."""
    st.markdown("#### Så räknas en månad")
    manader = manad.sort("manad", descending=True)["manad"].to_list()
    vald = st.selectbox("Månad", manader, format_func=fmt_manad, key="ersattning_vald_manad")
    berakning = hamta("ersattning_berakning", **params).filter(pl.col("manad") == vald)
    rad = manad.filter(pl.col("manad") == vald).row(0, named=True)
    st.markdown(md(diagram_ersattning.forklaring(rad, berakning)))
    tabell(berakning)
    nedladdning(berakning, "ersattning_berakning", "ersattning_berakning")
    # the auditor's workbook recomputes every amount from its counts: not for the masked view
    if not roller.skyddad(roller.aktuell_roll()):
        st.container().download_button(
            "Ladda ner Excel med formler",
            loggad(
                "nedladdning_xlsx",
                "ersattning_berakning",
                {**params, "manad": vald},
                lambda: berakning_xlsx(berakning),
            ),
            file_name=f"ersattning_berakning_{vald}.xlsx",
            mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            key="ersattning_formler",
            on_click="ignore",
            help="Varje belopp är en formel (antal × belopp × andel) som en revisor kan räkna om.",
        )

    utbetalningar()

    st.markdown("#### Avvikelser")
    grans = st.number_input(
        "Bokföringen får släpa efter högst (månader)", 0, 24, 3, key="ersattning_grans"
    )
    avvikelser = hamta(
        "ersattning_avvikelser", **f.for_figur("ersattning_avvikelser", manader=str(grans))
    )
    if avvikelser.is_empty():
        st.success("Inga avvikelser i perioden.")
    else:
        tabell(avvikelser)


def utbetalningar() -> None:
    """Migrationsverket's payments against the expected schablons, and the persons they miss."""
    st.markdown("#### Utbetalningar från Migrationsverket")
    utbetalt = hamta("ersattning_utbetalning_manad", **f.for_figur("ersattning_utbetalning_manad"))
    diagram(
        f"Förväntade schabloner mot utbetalda per månad {period}",
        diagram_ersattning.utbetalning(utbetalt),
        utbetalt,
        "ersattning_utbetalning_manad",
        "ersattning_utbetalning",
    )
    # one row per person: for analysts only (queries/skyddsspec.py, radniva)
    if utbetalt["utbetald"].is_not_null().any() and not roller.skyddad(roller.aktuell_roll()):
        per_person = hamta(
            "ersattning_utbetalning_avstamning",
            **f.for_figur("ersattning_utbetalning_avstamning"),
        ).filter(pl.col("avstamning") != "stämmer")
        st.caption("Personer och perioder där utbetalningen inte stämmer med förväntad ersättning.")
        tabell(per_person)


diagram(
    f"Förväntad ersättning per kategori mot sökt och bokförd {period}",
    diagram_ersattning.manader(manad),
    manad,
    "ersattning",
    "ersattning_manader",
    mening=meningar.ersattning(meningar.rad_varden(summa_df, k.grans), f.fran, f.till),
)
diagram(
    f"Bokförd − förväntad ersättning per månad {period}",
    diagram_ersattning.differens(manad),
    manad,
    "ersattning",
    "ersattning_differens",
    mening=ekonomimeningar.differens(manad, k),
)
if not presentation.aktiv():
    # the month's calculation, the deviation check and the scenario are worked with
    # widgets: an analyst's tools, not part of a committee's presentation
    berakning_och_avvikelser()

st.markdown("### Prognos")
prognos = hamta("prognos_i_vard", **f.for_figur("prognos_i_vard"))
diagram(
    f"Förväntat antal i vård de 12 månaderna efter {fmt_datum(f.datum)}",
    diagram_ersattning.prognos(prognos),
    prognos,
    "prognos_i_vard",
    "ersattning_prognos",
    mening=ekonomimeningar.prognos_i_vard(
        hamta("prognos_manad", **f.for_figur("prognos_manad")), k
    ),
)
ekonomi = hamta("prognos_manad", **f.for_figur("prognos_manad"))
diagram(
    f"Prognos för ersättning, kostnad och balans de 12 månaderna efter {fmt_datum(f.datum)}",
    diagram_ersattning.prognos_balans(ekonomi),
    ekonomi,
    "prognos_manad",
    "ersattning_prognos_balans",
    mening=ekonomimeningar.prognos_balans(ekonomi, k),
)
backtest = hamta("prognos_backtest", **f.for_figur("prognos_backtest"))
mape = (
    skyddat(backtest.row(0, named=True), "mape", fmt_pct, figur="prognos_backtest")
    if backtest.height
    else "–"
)
diagram(
    f"Prognosens träffsäkerhet {period}: genomsnittligt fel {mape} (MAPE)",
    diagram_ersattning.backtest(backtest),
    backtest,
    "prognos_backtest",
    "ersattning_backtest",
    mening=ekonomimeningar.backtest(backtest, k),
)
ekonomitest = hamta("prognos_ekonomi_backtest", **f.for_figur("prognos_ekonomi_backtest"))
fel = (
    f"ersättning {fmt_pct(ekonomitest['mape_intakt'][0])}, kostnad "
    f"{fmt_pct(ekonomitest['mape_kostnad'][0])}, balans ±{fmt_kr(ekonomitest['mae_balans'][0])} per månad"
    if ekonomitest.height
    else "–"
)
diagram(
    f"Ekonomiprognosens träffsäkerhet {period}: {fel}",
    diagram_ersattning.ekonomi_backtest(ekonomitest),
    ekonomitest,
    "prognos_ekonomi_backtest",
    "ersattning_ekonomitest",
    mening=ekonomimeningar.ekonomi_backtest(ekonomitest, k),
)
st.caption(
    "Varje månad jämförs med den prognos som hade gjorts 12 månader före, med bara det som "
    "var känt då. Metoden: de som är i vård stannar med den senaste årets utflyttningstakt "
    "per åldersgrupp, lämnar vid 18 år med takten vid 18, senast vid 21 år och vid kända "
    "utflyttningsdatum; nya kommer i de senaste tre månadernas takt."
)

if presentation.aktiv():
    st.stop()  # the scenario is set with widgets: not in the presentation
if not visas("scenario"):
    st.caption(
        ":material/shield: Scenarier visas inte i den skyddade vyn: ett scenario räknas om "
        "på utfallet och kan då visa små antal."
    )
    st.stop()

st.markdown("### Scenario")
st.caption(
    "Vad hade hänt om …? Scenariot räknas om på utfallet månad för månad och följer med i "
    "länken, så att en kopierad länk öppnar samma scenario. Förvalen (HVB → stödboende från "
    "1 januari 2017) är 2017 års strategi: ange hur många ungdomar som flyttas."
)
val = scenario.valj()
utfall = hamta("scenario", **f.for_figur("scenario", **val))
diagram(
    f"Balans per månad med och utan scenariot {period}",
    diagram_ersattning.scenario(utfall),
    utfall,
    "scenario",
    "ersattning_scenario",
)
if utfall.height:
    st.metric(
        "Scenariots effekt på balansen i perioden",
        fmt_kr(utfall.sort("manad")["ack_effekt_balans"][-1]),
    )
