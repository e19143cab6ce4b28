"""The presentation mode (`?visning=presentation`): the figures on a projector for a committee.

Large type, one generated sentence per chart as its heading, the filters and the data date
under each chart, and no widgets: no sidebar, no downloads, no tables, no chart toolbar.
A manager sets the filters in the normal view, switches presentation on (the sidebar's
"Presentationsläge", or the link itself), and the filters are read from the URL. The role
is always `namnd` (`ui.roller.aktuell_roll`), so every figure is the protected one, and the
one widget is the way back ("Avsluta presentation").

The mode is kept in the session as well as in the URL, because moving to another page does
not always carry the query string along; each run puts it back into the URL before the role
is decided.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

import plotly.graph_objects as go
import streamlit as st

from charts.bild import bildnamn, plotly_konfig
from charts.text import md
from queries.export import PARAMETRAR, filtertext
from queries.skydd import maskgrans, regeltext
from queries.skyddskalender import pa_kalendern
from report.figurmeningar import Kontext
from ui import roller
from ui.figurer import Parameter, besked, hamta
from ui.filters import (
    DATUM,
    LISTFILTER,
    PERSONFILTER,
    RUBRIK,
    Filter,
    datum_ur_lanken,
    standardvarden,
    tillatna_koder,
)
from ui.format import fmt_datum
from ui.referens import KOMMUNER, LAN, kommunnamn

PARAM, VARDE = "visning", "presentation"
_FLAGGA = "_presentation"
TYPSNITT_PLOTLY = 18
"""The charts' base font size in px on a projector (the dashboard's charts use 12–13)."""

STIL = """
<style>
html { font-size: 140%; }
h1 { font-size: 3.2rem !important; }
[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"],
[data-testid="stExpandSidebarButton"], [data-testid="stToolbarActions"],
[data-testid="stMainMenu"], [data-testid="stAppDeployButton"],
.modebar-container { display: none !important; }
</style>
"""
"""Larger type (every size in Streamlit is in rem) and no sidebar, menu or chart toolbar; the
page menu stays at the top (it lives in Streamlit's toolbar, so only the toolbar's actions go)."""


def aktiv() -> bool:
    """Whether this run is in presentation mode."""
    return roller.presentation()


def bevara() -> None:
    """Keep the mode across pages: the session remembers what the URL may have lost.

    Called by `dashboard.py` before the role is decided, so a page switch that dropped
    `?visning=presentation` from the URL can never lift the protection.
    """
    if st.query_params.get(PARAM) == VARDE:
        st.session_state[_FLAGGA] = True
    elif st.session_state.get(_FLAGGA):
        st.query_params[PARAM] = VARDE


def borja() -> None:
    """The mode's style and its one widget, the way back, at the top of the page."""
    st.html(STIL)
    rad = st.container(horizontal=True, vertical_alignment="center")
    rad.caption(f"Presentationsläge · {roller.RUBRIK['namnd']}")
    rad.button(
        "Avsluta presentation",
        on_click=_avsluta,
        key="avsluta_presentation",
        icon=":material/close:",
        help="Tillbaka till den vanliga vyn med filter, tabeller och nedladdningar.",
    )


def _avsluta() -> None:
    st.session_state[_FLAGGA] = False
    st.session_state.pop("_presentationsfilter", None)
    if PARAM in st.query_params:
        del st.query_params[PARAM]


def _starta() -> None:
    if st.session_state.get("presentationslage"):
        st.session_state[_FLAGGA] = True
        # the filters are read afresh from the sidebar's link, not from an earlier presentation
        st.session_state.pop("_presentationsfilter", None)
        st.query_params[PARAM] = VARDE


def reglage() -> None:
    """The sidebar's switch into presentation mode (the normal view only)."""
    with st.sidebar:
        st.toggle(
            "Presentationsläge",
            key="presentationslage",
            on_change=_starta,
            help="Visar sidorna för en projektor: stor text, en mening per diagram, inga "
            "filter eller knappar, alltid den skyddade nämndvyn. Filtren du valt följer med.",
        )


def filter_ur_lanken() -> Filter:
    """The filters a link gives, without drawing a widget: the presentation mode's.

    What the link lacks is taken from the session's last presentation run (a page switch
    may drop the query string), then from the defaults; the values are written back to the
    link. Unknown values are dropped and a reversed period is put in order, as in the sidebar.
    """
    standard, tillatna = standardvarden(), tillatna_koder()
    # the sidebar reads the link afresh when it is drawn again (leaving the presentation)
    st.session_state["_filter_lasta"] = False
    minne: dict[str, list[str]] = st.session_state.setdefault("_presentationsfilter", {})
    # `prognos` is the economy page's forecast method, bound to its (here undrawn) radio
    nycklar = ("kommun", *DATUM, *RUBRIK, "prognos")
    lank = {k: st.query_params.get_all(k) or minne.get(k, []) for k in nycklar}
    st.session_state["_presentationsfilter"] = lank
    for nyckel, varden in lank.items():
        if varden and st.query_params.get_all(nyckel) != varden:
            st.query_params[nyckel] = varden
    dag = {falt: datum_ur_lanken(lank[falt], standard[falt]) for falt in DATUM}
    # the committee's calendar (docs/skydd.md rule 16): a calendar year, a month's stock date
    fran, till = sorted((dag["fran"], dag["till"]))
    val = pa_kalendern(fran, till, dag["datum"], standard["uttagsdatum"])
    kommun = next(iter(lank["kommun"]), None)
    # the presentation is the committee's view: like its sidebar it has no filter on persons
    # (docs/skydd.md rule 12); the link keeps them, unused, for an analyst who opens it
    listor = {
        falt: tuple(dict.fromkeys(v for v in lank[falt] if v in tillatna[falt]))
        for falt in RUBRIK
        if falt not in PERSONFILTER
    }
    return Filter(
        fran=val.fran,
        till=val.till,
        datum=val.datum,
        kommun=kommun if kommun in KOMMUNER else standard["kommun"],
        **listor,
    )


def diagram(
    mening: str | None,
    titel: str,
    fig: go.Figure,
    figur: str,
    nyckel: str,
    params: Mapping[str, Parameter],
) -> None:
    """A chart as the committee sees it: its sentence as heading, no toolbar, then a caption
    with the chart's title, the filters it was drawn with and the data date."""
    if mening is None:
        # every chart on the projector carries its message (issue 11): a missing one is a bug
        raise ValueError(f"Diagrammet {nyckel} saknar sin genererade mening.")
    meddelande = besked(figur)
    st.markdown(f"### {md(mening)}")
    if meddelande:
        st.info(meddelande, icon=":material/shield:")
    else:
        stor = go.Figure(fig).update_layout(font_size=TYPSNITT_PLOTLY)
        konfig = {**plotly_konfig(bildnamn(nyckel, params)), "displayModeBar": False}
        # the sentence is the chart's text alternative on the projector
        st.plotly_chart(stor, key=nyckel, config=konfig, alt=f"Diagram: {titel}. {mening}")
    st.caption(bildtext(titel, params))


def kontext(f: Filter) -> Kontext:
    """What the generated sentences need from the filters: dates, municipality, county."""
    return Kontext(
        datum=f.datum,
        fran=f.fran,
        till=f.till,
        kommun=KOMMUNER.get(f.kommun, f.kommun),
        lan=LAN.get(f.kommun, "samma län"),
        grans=maskgrans(),
    )


def bildtext(titel: str, params: Mapping[str, Parameter]) -> str:
    """`Titel. Rapportdatum 30 jun 2017 · Perspektivkommun Nacka (0182) · Kön: Flickor/kvinnor.
    Data t.o.m. 31 dec 2019, importerad 1 dec 2026. <the masking rule>`"""
    valda = [f"{PARAMETRAR.get(k, k)} {_varde(k, v)}" for k, v in params.items() if _satt(v)]
    if any(k in LISTFILTER for k in params) and not any(
        _satt(params[k]) for k in params if k in LISTFILTER
    ):
        valda.append("inga andra filter")
    return md(f"{titel}. {' · '.join(valda)}. {datadatum()} {regeltext()}")


def _satt(varde: Parameter) -> bool:
    return varde is not None and varde != []


def _varde(param: str, varde: Parameter) -> str:
    if param == "kommun" and isinstance(varde, str):
        return kommunnamn(varde)
    if isinstance(varde, date):
        return fmt_datum(varde)
    return filtertext(param, varde)


def datadatum() -> str:
    """`Data t.o.m. 31 dec 2019, importerad 1 dec 2026.` from the latest import."""
    senaste = hamta("import_senaste")
    if senaste.is_empty():
        return "Inga data importerade."
    rad = senaste.row(0, named=True)
    return (
        f"Data t.o.m. {fmt_datum(rad['uttagsdatum'])}, importerad "
        f"{fmt_datum(rad['importerad'].date())}."
    )
