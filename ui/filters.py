"""The shared filter sidebar, kept in the URL so that a copied link reproduces the view.

Every filter is a widget in the sidebar of `dashboard.py`, which runs before each page, so
its value survives moving between pages. The date fields are bound to their URL query
parameters by Streamlit itself (`bind="query-params"`: the key is the parameter's name).
The perspective municipality and the list filters are synced by hand through the public
`st.query_params`: Streamlit's binding writes a selectbox's *displayed label* into the URL
("Stockholm (0180)", "Stödboende"), while links, the export page's command line and the
CLI speak in codes (`kommun=0180`, `boendeform=stodboende`). A new session reads them once;
after each run the current values are written back; unknown values in a link are dropped.
Defaults come from the data (`dataomfang`): the latest twelve
months up to the extraction date (or up to the newest event when the extraction date lies
long after it), and the data owner as perspective municipality.

No widget state may break a page: an emptied date field or a period that ends before it
starts falls back to something sensible, with a Swedish message saying what was done.
"""

from __future__ import annotations

import contextvars
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, fields
from datetime import date
from typing import Any

import streamlit as st

import queries
from charts.etiketter import ALDERSGRUPP, BOENDEFORM, KON, REGI, namn
from charts.format import fmt_datum
from queries.export import PARAMETRAR
from queries.skyddskalender import (
    REGEL,
    ar_att_valja,
    kalenderar,
    pa_kalendern,
    rapportdatum_att_valja,
)
from ui import referens, roller
from ui.figurer import Parameter, hamta

LISTOR: dict[str, dict[str, str]] = {
    "boendeform": BOENDEFORM,
    "regi": REGI,
    "aldersgrupp": ALDERSGRUPP,
    "kon": KON,
}
LISTFILTER = ("vistelsekommun", "boendeform", "regi", "aldersgrupp", "kon", "verksamhet")
RUBRIK = {falt: PARAMETRAR[falt] for falt in LISTFILTER}
DATUM = {falt: PARAMETRAR[falt] for falt in ("fran", "till", "datum")}
HJALP = {
    "vistelsekommun": "Visa bara barn och unga som bor i de valda kommunerna. Tomt: alla.",
    "boendeform": "Visa bara placeringar i de valda boendeformerna (HVB, stödboende, "
    "familjehem …). Tomt: alla.",
    "regi": "Visa bara boenden i egen eller i annan regi. Tomt: alla.",
    "aldersgrupp": "Visa bara de valda åldersgrupperna, räknat på rapportdatumet eller "
    "månaden. Tomt: alla.",
    "kon": "Visa bara de valda könen. Tomt: alla.",
    "verksamhet": "Ekonomin för de valda verksamheterna i huvudboken. Tomt: alla.",
}
"""The list filters' help texts (the `?` beside each field)."""
FORSTA_DAG = date(2000, 1, 1)
SISTA_DAG = date(2099, 12, 31)
"""The range of the date pickers; a date outside it in a link is ignored."""
DATUMFORMAT = "YYYY-MM-DD"
DATUMTIPS = "ÅÅÅÅ-MM-DD"
"""The format hint every date field shows in its label, in Swedish."""


def datumetikett(text: str) -> str:
    """A date field's label with its visible format hint: `Från (ÅÅÅÅ-MM-DD)`."""
    return f"{text} ({DATUMTIPS})"


class OkandParameter(ValueError):
    """A page asked for a parameter that the figure does not declare (a misspelling)."""


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
    vistelsekommun: tuple[str, ...] = ()
    """Only persons living in these municipalities (kommunkoder)."""
    boendeform: tuple[str, ...] = ()
    regi: tuple[str, ...] = ()
    aldersgrupp: tuple[str, ...] = ()
    kon: tuple[str, ...] = ()
    verksamhet: tuple[str, ...] = ()

    def for_figur(self, figur: str, **ersatt: Parameter) -> dict[str, Parameter]:
        """The parameters figure `figur` declares, from these filters, with overrides.

        An override the figure does not declare is refused: a misspelt parameter must not
        be silently ignored.
        """
        deklarerade = queries.figure(figur).params
        okanda = sorted(set(ersatt) - set(deklarerade))
        if okanda:
            raise OkandParameter(f"{figur}: okänd parameter {', '.join(okanda)}")
        varden: dict[str, Parameter] = {}
        for param in deklarerade:
            # a page-level parameter (a clicked unit) is no sidebar filter: NULL unless given
            varde = getattr(self, param, None)
            varden[param] = (list(varde) or None) if isinstance(varde, tuple) else varde
        return varden | ersatt


_denna_korning: contextvars.ContextVar[Filter | None] = contextvars.ContextVar(
    "ekb_filter", default=None
)
"""The filters of the script run in progress; unset when dashboard.py did not run it."""


def standardvarden() -> dict[str, Any]:
    """Defaults from the data: the twelve months up to the end of the data."""
    omfang = hamta("dataomfang")
    rad = omfang.row(0, named=True) if omfang.height else {}
    till = rad.get("uttagsdatum") or rad.get("sista_datum") or date.today()
    if rad.get("uttag_langt_efter_data") and rad.get("sista_datum"):
        # counted up to a far later extraction date, the default year would be empty
        till = rad["sista_datum"]
    return {
        "fran": manadens_forsta(till, 11),
        "till": till,
        "datum": till,
        "uttagsdatum": rad.get("uttagsdatum") or till,
        "forsta_datum": rad.get("forsta_datum") or till,
        "kommun": rad.get("perspektivkommun") or referens.FORSTA_KOMMUN,
    }


def manadens_forsta(dag: date, manader_tillbaka: int = 0) -> date:
    """The first day of the month `manader_tillbaka` months before `dag`'s month."""
    manad = dag.year * 12 + dag.month - 1 - manader_tillbaka
    return date(manad // 12, manad % 12 + 1, 1)


@contextmanager
def sidopanel(givna: Filter | None = None) -> Iterator[Filter]:
    """Draw the filter sidebar; inside the block `aktuellt()` gives the chosen filters.

    With `givna` (the presentation mode's filters, read from the link by
    `ui.presentation.filter_ur_lanken`) nothing is drawn.
    """
    token = _denna_korning.set(sidofalt() if givna is None else givna)
    try:
        yield _denna_korning.get()  # type: ignore[misc]
    finally:
        _denna_korning.reset(token)


def sidofalt() -> Filter:
    """Draw the filter sidebar and return the chosen filters; the URL follows them."""
    standard = standardvarden()
    alternativ = tillatna_koder()
    skyddad = roller.skyddad(roller.aktuell_roll())
    _fran_url(standard, alternativ, skyddad)
    with st.sidebar:
        st.markdown("### Filter")
        if skyddad:
            _kalenderfalt(standard)
        else:
            _datumfalt(standard)
        st.selectbox(
            "Perspektivkommun",
            list(referens.KOMMUNER),
            key="kommun",
            format_func=referens.kommunnamn,
            help="Kommunen som siffrorna ses från: dess ansvar, de som bor där och de som "
            "bor i andra kommuner. Standard är kommunen vars data är importerad.",
        )
        _listfalt({f: v for f, v in alternativ.items() if not (skyddad and f in PERSONFILTER)})
        if skyddad:
            st.caption(f":material/shield: {AVSTANGDA}")
    valt = _valt(standard, skyddad)
    _till_url(valt, skyddad)
    return valt


def tillatna_koder() -> dict[str, list[str]]:
    """The allowed codes of every list filter."""
    alternativ: dict[str, list[str]] = {"vistelsekommun": list(referens.KOMMUNER)}
    alternativ |= {falt: list(koder) for falt, koder in LISTOR.items()}
    alternativ["verksamhet"] = _verksamheter()
    return alternativ


def _fran_url(
    standard: dict[str, Any], alternativ: dict[str, list[str]], skyddad: bool = False
) -> None:
    """Seed the code-valued widgets from the URL once per session; drop unknown values.

    The protected view's calendar fields are seeded here too: the link's dates moved onto
    the committee's calendar (`queries.skyddskalender`), saying so when they were moved."""
    if st.session_state.get("_filter_lasta"):
        return
    st.session_state["_filter_lasta"] = True
    if skyddad:
        _kalender_fran_url(standard)
    kommun = st.query_params.get("kommun")
    st.session_state["kommun"] = kommun if kommun in referens.KOMMUNER else standard["kommun"]
    for falt, tillatna in alternativ.items():
        valda = [v for v in st.query_params.get_all(falt) if v in tillatna]
        st.session_state[falt] = list(dict.fromkeys(valda))


def _till_url(valt: Filter, skyddad: bool = False) -> None:
    """Write the code-valued filters to the URL when they changed (dates bind themselves).

    The protected view leaves the person filters in a link as they are (unused), so that
    the same link still filters for an analyst."""
    onskat: dict[str, list[str]] = {"kommun": [valt.kommun]}
    if skyddad:
        # the calendar fields are not bound to the URL as the date fields are: write the dates
        onskat |= {falt: [getattr(valt, falt).isoformat()] for falt in DATUM}
    onskat |= {
        falt: list(getattr(valt, falt)) for falt in RUBRIK if not (skyddad and falt in PERSONFILTER)
    }
    for falt, varden in onskat.items():
        if st.query_params.get_all(falt) == varden:
            continue
        if varden:
            st.query_params[falt] = varden
        elif falt in st.query_params:
            del st.query_params[falt]


def _datumfalt(standard: dict[str, Any]) -> None:
    hjalp = {
        "fran": "Periodens första dag, för diagram per månad.",
        "till": "Periodens sista dag (räknas med).",
        "datum": (
            "Dagen som lägesbilden avser: hur många som är i vård, deras ålder och var de "
            "bor räknas på den dagen. "
            f"Data finns till och med uttagsdatumet {fmt_datum(standard['uttagsdatum'])}: "
            "efter det räknas ingen som i vård, eftersom exporten inte visar vilka "
            "placeringar som fortsätter."
        ),
    }
    for falt, etikett in DATUM.items():
        st.date_input(
            datumetikett(etikett),
            value=standard[falt],
            key=falt,
            bind="query-params",
            format=DATUMFORMAT,
            min_value=FORSTA_DAG,
            max_value=SISTA_DAG,
            help=hjalp[falt],
        )


def datum_ur_lanken(varden: list[str], standard: date) -> date:
    """A date from the link (`2017-06-30`); the default when absent, unreadable or out of range."""
    try:
        dag = date.fromisoformat(varden[0]) if varden else standard
    except ValueError:
        return standard
    return dag if FORSTA_DAG <= dag <= SISTA_DAG else standard


def _kalender_fran_url(standard: dict[str, Any]) -> None:
    """The committee's year and reporting date from the link's dates, moved onto its calendar."""
    ss = st.session_state
    lank = {falt: st.query_params.get_all(falt) for falt in DATUM}
    dag = {falt: datum_ur_lanken(lank[falt], standard[falt]) for falt in DATUM}
    fran, till = sorted((dag["fran"], dag["till"]))
    val = pa_kalendern(fran, till, dag["datum"], standard["uttagsdatum"])
    ar = ar_att_valja(standard["forsta_datum"], standard["uttagsdatum"])
    dagar = rapportdatum_att_valja(standard["forsta_datum"], standard["uttagsdatum"])
    ss["k_ar"] = min(max(val.till.year, ar[-1]), ar[0])
    ss["k_datum"] = min(max(val.datum, dagar[-1]), dagar[0])
    flyttat = []
    if lank["fran"] or lank["till"]:
        if val.period_flyttad or ss["k_ar"] != val.till.year:
            flyttat.append(f"perioden {fmt_datum(fran)}–{fmt_datum(till)} som hela år {ss['k_ar']}")
    if lank["datum"] and ss["k_datum"] != dag["datum"]:
        flyttat.append(f"rapportdatumet {fmt_datum(dag['datum'])} som {fmt_datum(ss['k_datum'])}")
    if flyttat:
        ss["_kalender_besked"] = f"Länkens {uppraknat(flyttat)} visas. {REGEL}"


def _kalenderfalt(standard: dict[str, Any]) -> None:
    """The protected view's period and reporting date: a calendar year and a stock date."""
    forsta, uttag = standard["forsta_datum"], standard["uttagsdatum"]
    st.selectbox(
        "År",
        ar_att_valja(forsta, uttag),
        key="k_ar",
        help=f"Hela kalenderåret; för uttagsåret till och med uttagsdatumet {fmt_datum(uttag)}.",
    )
    st.selectbox(
        "Rapportdatum",
        rapportdatum_att_valja(forsta, uttag),
        key="k_datum",
        format_func=fmt_datum,
        help="Dagen som lägesbilden avser: månadens sista dag, eller uttagsdatumet.",
    )
    st.caption(f":material/shield: {REGEL}")


PERSONFILTER = ("vistelsekommun", "boendeform", "regi", "aldersgrupp", "kon")
"""List filters that narrow the persons counted: not offered in the protected view."""
AVSTANGDA = (
    "I den skyddade vyn visas alltid alla: filter på vistelsekommun, boendeform, regi, "
    "åldersgrupp och kön används inte, eftersom urval med och utan ett filter (eller alla "
    "värden utom ett) annars kan dras från varandra och visa små antal."
)


def _listfalt(alternativ: dict[str, list[str]]) -> None:
    for falt, tillatna in alternativ.items():
        st.multiselect(
            RUBRIK[falt],
            tillatna,
            key=falt,
            placeholder="Alla",
            format_func=_visningsnamn(falt),
            help=HJALP[falt],
        )


def _visningsnamn(falt: str) -> Callable[[str], str]:
    """How a list filter's codes read: `0180` → `Stockholm (0180)`, `stodboende` → `Stödboende`."""
    if falt == "vistelsekommun":
        return referens.kommunnamn
    koder = LISTOR.get(falt)
    if koder is None:
        return str
    return lambda kod: namn(koder, kod)


def _valt(standard: dict[str, Any], skyddad: bool = False) -> Filter:
    """The chosen filters, with an emptied or reversed period mended and explained (the
    protected view's: `_valt_pa_kalendern`)."""
    ss = st.session_state
    if skyddad:
        return _valt_pa_kalendern(standard)
    datum = {falt: ss.get(falt) for falt in DATUM}
    tomma = [DATUM[falt] for falt, varde in datum.items() if not isinstance(varde, date)]
    if tomma:
        st.info(
            f"{uppraknat(tomma)} saknar datum; standardvärdet används tills ett datum "
            f"anges ({DATUMTIPS}).",
            icon=":material/event:",
        )
    fran, till, dag = (v if isinstance(v, date) else standard[k] for k, v in datum.items())
    if fran > till:
        st.info(
            f"Perioden slutar ({fmt_datum(till)}) före sin början ({fmt_datum(fran)}); "
            "datumen visas i omvänd ordning.",
            icon=":material/swap_horiz:",
        )
        fran, till = till, fran
    if dag > standard["uttagsdatum"]:
        st.warning(
            f"Rapportdatumet {fmt_datum(dag)} ligger efter uttagsdatumet "
            f"{fmt_datum(standard['uttagsdatum'])}. Ingen räknas som i vård efter "
            "uttagsdatumet; välj ett tidigare rapportdatum för att se läget.",
            icon=":material/event_busy:",
        )
    listor = {f.name: tuple(ss.get(f.name) or ()) for f in fields(Filter) if f.name in RUBRIK}
    kommun = ss.get("kommun") or standard["kommun"]
    return Filter(fran=fran, till=till, datum=dag, kommun=kommun, **listor)


def _valt_pa_kalendern(standard: dict[str, Any]) -> Filter:
    """The protected view's filters: the chosen calendar year and stock date, no person filter."""
    ss = st.session_state
    besked = ss.pop("_kalender_besked", None)
    if besked:
        st.info(besked, icon=":material/shield:")
    ignorerade = [RUBRIK[f].lower() for f in PERSONFILTER if ss.get(f)]
    if ignorerade:
        st.info(
            f"Länkens filter på {uppraknat(ignorerade)} används inte. {AVSTANGDA}",
            icon=":material/shield:",
        )
    fran, till = kalenderar(ss["k_ar"], standard["uttagsdatum"])
    listor = {f: tuple(ss.get(f) or ()) for f in RUBRIK if f not in PERSONFILTER}
    kommun = ss.get("kommun") or standard["kommun"]
    return Filter(fran=fran, till=till, datum=ss["k_datum"], kommun=kommun, **listor)


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
    """The filters chosen in the sidebar for this run (drawn by `sidopanel`).

    Call it at the top of a page, not inside an `st.fragment` (a fragment's rerun does not
    run `dashboard.py`): pass the filters into the fragment instead.
    """
    valt = _denna_korning.get()
    if valt is None:
        # A link straight to a page, opened before anyone has loaded the app since the server
        # started, is run by Streamlit's legacy `pages/` mode without dashboard.py. Declaring
        # the app's pages with st.navigation ends that mode (documented: it disregards the
        # pages/ directory from then on); the rerun then goes through dashboard.py to the same
        # page (same url_path) with the same query parameters.
        from ui.navigering import sidor
        from ui.roller import aktuell_roll

        st.navigation(sidor(aktuell_roll()), position="hidden")
        st.rerun()
    return valt
