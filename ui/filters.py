"""The shared filter sidebar, kept in the URL so that a copied link reproduces the view.

Every filter is a widget in the sidebar of `dashboard.py`, which runs before each page, so
its value survives moving between pages. A new session (an opened link, a reload) reads the
query parameters once; after each run the current values are written back to the URL.
Defaults come from the data itself (`dataomfang`): the latest twelve months, the
extraction date and the perspective municipality.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import date
from typing import Any

import streamlit as st
from streamlit.runtime.pages_manager import PagesManager

import queries
from charts.etiketter import ALDERSGRUPP, BOENDEFORM, KON, REGI, namn
from ui import referens
from ui.figurer import Parameter, hamta
from ui.format import fmt_datum

LISTOR: dict[str, dict[str, str]] = {
    "boendeform": BOENDEFORM,
    "regi": REGI,
    "aldersgrupp": ALDERSGRUPP,
    "kon": KON,
}
RUBRIK = {
    "boendeform": "Boendeform",
    "regi": "Regi",
    "aldersgrupp": "Åldersgrupp",
    "kon": "Kön",
    "verksamhet": "Verksamhet",
}
DATUM = ("fran", "till", "datum")
FORSTA_DAG = date(2000, 1, 1)
SISTA_DAG = date(2099, 12, 31)
"""The range of the date pickers; a date outside it in a link is ignored."""


@dataclass(frozen=True)
class Filter:
    """The filters of the current view; an empty list filter means no filter."""

    fran: date
    """First day of the period (inclusive)."""
    till: date
    """Last day of the period (inclusive)."""
    datum: date
    """The reporting date for figures taken on one day."""
    kommun: str
    """The perspective municipality (kommunkod)."""
    boendeform: tuple[str, ...] = ()
    regi: tuple[str, ...] = ()
    aldersgrupp: tuple[str, ...] = ()
    kon: tuple[str, ...] = ()
    verksamhet: tuple[str, ...] = ()

    def for_figur(self, figur: str, **ersatt: Parameter) -> dict[str, Parameter]:
        """The parameters figure `figur` declares, from these filters, with overrides."""
        varden: dict[str, Parameter] = {}
        for param in queries.figure(figur).params:
            varde = getattr(self, param, None)
            varden[param] = (list(varde) or None) if isinstance(varde, tuple) else varde
        return varden | {k: v for k, v in ersatt.items() if k in varden}


def standardvarden() -> dict[str, Any]:
    """Defaults from the data: the twelve months up to the extraction date."""
    omfang = hamta("dataomfang")
    rad = omfang.row(0, named=True) if omfang.height else {}
    till = rad.get("uttagsdatum") or rad.get("sista_datum") or date.today()
    fran = manadens_forsta(till, 11)
    return {
        "fran": fran,
        "till": till,
        "datum": till,
        "kommun": rad.get("perspektivkommun") or referens.FORSTA_KOMMUN,
    }


def manadens_forsta(dag: date, manader_tillbaka: int = 0) -> date:
    """The first day of the month `manader_tillbaka` months before `dag`'s month."""
    manad = dag.year * 12 + dag.month - 1 - manader_tillbaka
    return date(manad // 12, manad % 12 + 1, 1)


def _fran_url(standard: dict[str, Any], alternativ: dict[str, list[str]]) -> None:
    """Seed the widgets' session state from the URL once per session."""
    if st.session_state.get("_filter_lasta"):
        return
    st.session_state["_filter_lasta"] = True
    for falt in DATUM:
        st.session_state[f"f_{falt}"] = _datum(st.query_params.get(falt)) or standard[falt]
    kommun = st.query_params.get("kommun")
    st.session_state["f_kommun"] = kommun if kommun in referens.KOMMUNER else standard["kommun"]
    for falt, tillatna in alternativ.items():
        st.session_state[f"f_{falt}"] = [v for v in st.query_params.get_all(falt) if v in tillatna]


def _datum(text: str | None) -> date | None:
    """A date from the URL, or None when it is not one the date pickers can show."""
    try:
        dag = date.fromisoformat(text) if text else None
    except ValueError:
        return None
    return dag if dag is not None and FORSTA_DAG <= dag <= SISTA_DAG else None


def sidofalt() -> Filter:
    """Draw the filter sidebar and return the chosen filters; the URL follows them."""
    standard = standardvarden()
    alternativ = {falt: list(koder) for falt, koder in LISTOR.items()}
    alternativ["verksamhet"] = _verksamheter()
    _fran_url(standard, alternativ)
    with st.sidebar:
        st.markdown("### Filter")
        st.date_input(
            "Från", key="f_fran", format="YYYY-MM-DD", min_value=FORSTA_DAG, max_value=SISTA_DAG
        )
        st.date_input(
            "Till", key="f_till", format="YYYY-MM-DD", min_value=FORSTA_DAG, max_value=SISTA_DAG
        )
        st.date_input(
            "Rapportdatum",
            key="f_datum",
            format="YYYY-MM-DD",
            min_value=FORSTA_DAG,
            max_value=SISTA_DAG,
            help=(
                "Dagen som ögonblicksbilder (i vård nu, ålder, kommunöverskridande) avser. "
                f"Data finns till och med uttagsdatumet {fmt_datum(standard['datum'])}: efter "
                "det räknas ingen som i vård, eftersom exporten inte visar vilka placeringar "
                "som fortsätter."
            ),
        )
        st.selectbox(
            "Perspektivkommun",
            list(referens.KOMMUNER),
            key="f_kommun",
            format_func=referens.kommunnamn,
        )
        for falt, tillatna in alternativ.items():
            koder = LISTOR.get(falt, {})
            st.multiselect(
                RUBRIK[falt],
                tillatna,
                key=f"f_{falt}",
                placeholder="Alla",
                format_func=lambda kod, koder=koder: namn(koder, kod),
            )
    valt = _valt()
    if valt.datum > standard["datum"]:
        st.warning(
            f"Rapportdatumet {fmt_datum(valt.datum)} ligger efter uttagsdatumet "
            f"{fmt_datum(standard['datum'])}. Ingen räknas som i vård efter uttagsdatumet; "
            "välj ett tidigare rapportdatum för att se läget.",
            icon=":material/event_busy:",
        )
    _till_url(valt)
    st.session_state["_filter"] = valt
    return valt


def _valt() -> Filter:
    ss = st.session_state
    fran, till = ss["f_fran"], ss["f_till"]
    if fran > till:
        fran, till = till, fran
    listor = {f.name: tuple(ss.get(f"f_{f.name}", [])) for f in fields(Filter) if f.name in RUBRIK}
    return Filter(fran=fran, till=till, datum=ss["f_datum"], kommun=ss["f_kommun"], **listor)


def _till_url(valt: Filter) -> None:
    """Write the filters to the URL, only when they changed, so that a link carries them."""
    onskat: dict[str, str | list[str]] = {}
    for f in fields(Filter):
        varde = getattr(valt, f.name)
        if isinstance(varde, tuple):
            if varde:
                onskat[f.name] = list(varde)
        else:
            onskat[f.name] = varde.isoformat() if isinstance(varde, date) else str(varde)
    nuvarande = {
        k: (st.query_params.get_all(k) if k in RUBRIK else st.query_params.get(k))
        for k in st.query_params
    }
    # a page's own keys (`s_*`, e.g. a scenario) are not filters and stay in the link
    onskat |= {k: v for k, v in nuvarande.items() if k.startswith("s_")}
    if nuvarande != onskat:
        st.query_params.from_dict(onskat)


def aktiva_listfilter(f: Filter) -> list[str]:
    """The list filters (boendeform, kön, …) that narrow the view."""
    return [falt for falt in RUBRIK if getattr(f, falt)]


def foljer(f: Filter, figur: str) -> str | None:
    """A caption saying which active list filters figure `figur` follows; None without any.

    The overview puts figures side by side that take different filters; this keeps a
    filtered and an unfiltered figure from being read as the same selection.
    """
    aktiva = aktiva_listfilter(f)
    if not aktiva:
        return None
    params = queries.figure(figur).params
    ja = uppraknat([RUBRIK[a].lower() for a in aktiva if a in params])
    nej = uppraknat([RUBRIK[a].lower() for a in aktiva if a not in params])
    if not nej:
        return f"Filtrerat på {ja}."
    return f"Filtrerat på {ja}, inte på {nej}." if ja else f"Inte filtrerat på {nej}."


def uppraknat(ord: list[str]) -> str:
    """`a`, `a och b`, `a, b och c`."""
    return ", ".join(ord[:-1]) + " och " + ord[-1] if len(ord) > 1 else "".join(ord)


def _verksamheter() -> list[str]:
    df = hamta("ekonomi_verksamhet")
    return (
        sorted(df["verksamhet"].drop_nulls().unique().to_list())
        if "verksamhet" in df.columns
        else []
    )


def aktuellt() -> Filter:
    """The filters chosen in the sidebar for this run (set by `sidofalt`)."""
    if "_filter" not in st.session_state:
        # A link straight to a page, opened before anyone has loaded the app since the server
        # started, is run by Streamlit's legacy `pages/` mode without dashboard.py (the mode
        # ends only when st.navigation first runs). End it here; the rerun then goes through
        # dashboard.py to the same page (same url_path, same hash) and query parameters.
        PagesManager.uses_pages_directory = False
        st.rerun()
    return st.session_state["_filter"]
