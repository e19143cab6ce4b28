"""Property tests: small random populations, every protected figure, random filters.

Each example is written as an export and imported with the real importer; every figure
with counts is run with random filters and protected as the committee view shows it
(``skydda_vy``: with the finer figures it reads and the parents without each list
filter). The checks below read the raw and protected frames row by row in plain Python,
independently of the polars expressions in ``queries.skydd``.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from datetime import date, timedelta
from itertools import combinations
from pathlib import Path
from typing import Any

import polars as pl
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import queries
from queries.skyddsspec import SKYDD, Figurskydd
from queries.skyddsvy import LISTPARAMETRAR, skydda_vy
from tests.conftest import import_tables

KOMMUNER = ["0180", "0182", "1480", "0114"]
START = date(2023, 6, 1)
UTTAG = date(2024, 6, 30)
# every figure of the catalogue with something to protect (a figure without a spec fails
# in test_skydd.py, which names it)
SKYDDADE = [
    fig.name
    for fig in queries.catalogue()
    if fig.name in SKYDD
    and SKYDD[fig.name].matt()
    and not SKYDD[fig.name].radniva
    and SKYDD[fig.name].skyddad_vy
]


@st.composite
def _person(
    draw: st.DrawFn, nummer: int, kommuner: list[str], fodda: tuple[int, int]
) -> dict[str, list[dict]]:
    pid = f"P{nummer}"
    # born within ``fodda`` = (first year, years): 2006 + 4 years crowds the ages 14–18, so
    # that age groups of five or more with a small single age inside them are common
    forsta, ar = fodda
    fodd = date(forsta, 1, 1) + timedelta(days=draw(st.integers(0, 365 * ar)))
    start = START + timedelta(days=draw(st.integers(0, 300)))
    langd = draw(st.one_of(st.none(), st.integers(1, 300)))
    slut = "" if langd is None else start + timedelta(days=langd)
    kommun = draw(st.sampled_from(kommuner))
    avslut = draw(st.sampled_from(["", "egen_forsorjning", "atervandande"]))
    return {
        "personer": [{"person_id": pid, "fodelsedatum": fodd, "kon": draw(st.sampled_from("KM"))}],
        "anvisningar": [
            {"anvisning_id": f"a{nummer}", "person_id": pid,
             "anvisningsdatum": start - timedelta(days=draw(st.integers(0, 20))),
             "anvisningskommun": kommun, "avslutsdatum": slut if avslut else "",
             "avslutsorsak": avslut if slut else ""}
        ],
        "placeringar": [
            {"placering_id": f"p{nummer}", "person_id": pid,
             "enhet_id": draw(st.sampled_from(["U1", "U2", "U3", "U4"])), "startdatum": start,
             "slutdatum": slut, "vistelsekommun": draw(st.sampled_from(["", *kommuner]))}
        ],
    }  # fmt: skip


@st.composite
def _befolkning(draw: st.DrawFn) -> tuple[dict[str, list[dict]], list[str]]:
    kommuner = draw(st.lists(st.sampled_from(KOMMUNER), min_size=2, max_size=4, unique=True))
    antal = draw(st.integers(1, 30))
    fodda = draw(st.sampled_from([(2003, 11), (2006, 4)]))
    tabeller: dict[str, list[dict]] = {"personer": [], "anvisningar": [], "placeringar": []}
    for nummer in range(antal):
        for tabell, rader in draw(_person(nummer, kommuner, fodda)).items():
            tabeller[tabell] += rader
    tabeller["enheter"] = [
        {"enhet_id": "U1", "namn": "Enhet 1", "boendeform": "HVB", "kommun": kommuner[0],
         "regi": "egen", "dygnspris": 2000},
        {"enhet_id": "U2", "namn": "Enhet 2", "boendeform": "stodboende", "kommun": kommuner[1],
         "regi": "upphandlad", "dygnspris": 1000},
        {"enhet_id": "U3", "namn": "Enhet 3", "boendeform": "familjehem", "kommun": kommuner[-1],
         "regi": "konsulentstodd", "dygnspris": ""},
        {"enhet_id": "U4", "namn": "Enhet 4", "boendeform": "HVB", "kommun": kommuner[0],
         "regi": "egen", "dygnspris": 1500},
    ]  # fmt: skip
    tabeller["platser"] = [
        {"enhet_id": "U1", "giltig_fran": START, "antal_platser": 6, "platstyp": "asyl"},
        {"enhet_id": "U2", "giltig_fran": START, "antal_platser": 3, "platstyp": "PUT"},
        {"enhet_id": "U4", "giltig_fran": START, "antal_platser": 4, "platstyp": "asyl"},
    ]
    return tabeller, kommuner


def _filter(kommuner: list[str]) -> st.SearchStrategy[dict[str, Any]]:
    delmangd = st.one_of(st.none(), st.lists(st.sampled_from(["0-13", "14-17", "18-20"]),
                                             min_size=1, unique=True))  # fmt: skip
    return st.fixed_dictionaries(
        {
            "datum": st.sampled_from(["2023-12-31", "2024-03-15", "2024-06-30"]),
            "fran": st.sampled_from(["2023-06-01", "2024-01-01"]),
            "till": st.sampled_from(["2024-03-31", "2024-06-30"]),
            "kommun": st.one_of(st.none(), st.sampled_from(kommuner)),
            "aldersgrupp": delmangd,
            "kon": st.one_of(st.none(), st.sampled_from([["K"], ["M"]])),
            "boendeform": st.one_of(st.none(), st.sampled_from([["HVB"], ["HVB", "familjehem"]])),
        }
    )


def _summakolumn(kolumn: str, dims: tuple[str, ...], over: frozenset[str]) -> str:
    if len(over) == len(dims):
        return f"{kolumn}_summa_maskerad"
    return f"{kolumn}_summa_over_{'_'.join(d for d in dims if d in over)}_maskerad"


def _nivaer(spec: Figurskydd, rader: list[dict], kolumn: str, dims: tuple[str, ...]) -> dict:
    """Every total over a subset of dims: key -> [raw sum, hidden (flagged or masked)]."""
    nivaer: dict[frozenset[str], dict[tuple, list]] = {}
    for n in range(len(dims) + 1):
        for over in map(frozenset, combinations(dims, n)):
            nycklar = [k for k in spec.nycklar if k not in over]
            tabell: dict[tuple, list] = {}
            for rad in rader:
                post = tabell.setdefault(tuple(rad[k] for k in nycklar), [0, False])
                post[0] += rad["_ra"] or 0
                post[1] = (
                    rad[f"{kolumn}_maskerad"] if not over else rad[_summakolumn(kolumn, dims, over)]
                )
            nivaer[over] = tabell
    return nivaer


def _kontrollera_matt(spec: Figurskydd, rader: list[dict], kolumn: str, grans: int) -> None:
    dims = spec.matt()[kolumn]
    for rad in rader:
        if kolumn in spec.antal and not rad[f"{kolumn}_maskerad"]:
            assert not 1 <= (rad["_ra"] or 0) < grans, f"{kolumn}: synligt litet antal {rad}"  # (a)
    nivaer = _nivaer(spec, rader, kolumn, dims)
    for over, summor in nivaer.items():
        nycklar = [k for k in spec.nycklar if k not in over]
        for dim in over:
            delar = nivaer[over - {dim}]
            delnycklar = [k for k in spec.nycklar if k not in over - {dim}]
            for nyckel, (summa, dold) in summor.items():
                if dold:
                    continue
                if kolumn in spec.antal:
                    assert not 1 <= summa < grans, f"{kolumn}: synlig liten summa {nyckel}"
                dolda = [
                    v for k, (v, d) in delar.items()
                    if d and v != 0 and tuple(dict(zip(delnycklar, k, strict=False))[x] for x in nycklar) == nyckel
                ]  # fmt: skip
                assert len(dolda) != 1, (
                    f"{kolumn}: en maskad del i synlig summa {nyckel} ({dim})"
                )  # (b)


def _kontrollera(namn: str, ra: pl.DataFrame, skyddad: pl.DataFrame, grans: int) -> None:
    spec = SKYDD[namn]
    assert skyddad.height == ra.height
    for kolumn in spec.matt():
        rader = skyddad.with_columns(ra[kolumn].alias("_ra")).to_dicts()
        for rad in rader:
            assert (rad[kolumn] is None) == (rad[f"{kolumn}_maskerad"] or rad["_ra"] is None)
            assert rad[f"{kolumn}_maskerad"] or rad[kolumn] == rad["_ra"]
        _kontrollera_matt(spec, rader, kolumn, grans)
    for foljare, kallor in spec.foljer.items():  # (c)
        for rad in skyddad.to_dicts():
            if any(rad[f"{k}_maskerad"] for k in kallor):
                assert rad[f"{foljare}_maskerad"] and rad[foljare] is None, f"{namn}: {foljare}"
    for helhet, delar in spec.delar.items():
        for rad, orad in zip(skyddad.to_dicts(), ra.to_dicts(), strict=True):
            dolda = [d for d in delar if rad[f"{d}_maskerad"] and orad[d]]
            assert rad[f"{helhet}_maskerad"] or len(dolda) != 1, f"{namn}: {rad}"
    for del_, helhet in spec.komplement.items():
        for rad, orad in zip(skyddad.to_dicts(), ra.to_dicts(), strict=True):
            if not rad[f"{helhet}_maskerad"]:
                skillnad = (orad[helhet] or 0) - (orad[del_] or 0)
                assert rad[f"{del_}_maskerad"] or not 1 <= skillnad < grans, f"{namn}: {rad}"
                assert not rad[f"{del_}_maskerad"] or skillnad != 0, f"{namn}: {rad}"


# Finer figure -> the coarser figure that shows its group totals, how a finer row's group
# is written (by hand, from docs/metrics.md: age groups 0–13, 14–17, 18–20, 21+), the
# coarser figure's key columns and the measure.
def _aldersgrupp(alder: int) -> str:
    return "0-13" if alder <= 13 else "14-17" if alder <= 17 else "18-20" if alder <= 20 else "21+"


Grupp = Callable[[dict[str, Any]], tuple[Any, ...] | None]
GROVRE: list[tuple[str, str, Grupp, tuple[str, ...], str]] = [
    ("alderspyramid", "alder_kon", lambda r: (_aldersgrupp(r["alder"]), r["kon"]),
     ("aldersgrupp", "kon"), "antal"),
    ("alderspyramid", "aldersgrupp_manad", lambda r: (_aldersgrupp(r["alder"]), r["kon"]),
     ("aldersgrupp", "kon"), "antal"),
    ("kommunoverskridande", "kommunoverskridande_summa",
     lambda r: (r["riktning"],) if r["samma_lan"] else None, ("riktning",), "antal_samma_lan"),
    ("kommunoverskridande", "kommunoverskridande_summa", lambda r: (r["riktning"],),
     ("riktning",), "antal"),
    ("belaggning_enhet", "belaggning_boendeform", lambda r: (r["boendeform"], r["manad"]),
     ("boendeform", "manad"), "vardygn"),
    ("alderspyramid", "i_vard_nyckeltal", lambda r: (), (), "antal_i_vard"),
    *[("alderspyramid", "i_vard_nyckeltal", lambda r, k=k: () if r["kon"] == k else None, (),
       f"antal_{k.lower()}") for k in "KMX"],
]  # fmt: skip


def _kontrollera_grovre(vyer: dict[str, tuple[pl.DataFrame, pl.DataFrame]], manad: str) -> None:
    """(d) Within every coarser group whose total a coarser figure shows, the finer figure
    has 0 or >= 2 masked non-zero parts (``manad``: the month whose stock date is datum)."""
    for fin, grov, grupp, nycklar, kolumn in GROVRE:
        if fin not in vyer or grov not in vyer:
            continue
        fin_ra, fin_vy = vyer[fin]
        grov_ra, grov_vy = vyer[grov]
        if grov == "aldersgrupp_manad":
            urval = [i for i, m in enumerate(grov_ra["manad"].to_list()) if m == manad]
            grov_ra, grov_vy = grov_ra[urval], grov_vy[urval]
        dolda: dict[tuple, int] = {}
        matt = "vardygn" if fin == "belaggning_enhet" else "antal"
        for rad, ra in zip(fin_vy.to_dicts(), fin_ra.to_dicts(), strict=True):
            nyckel = grupp(ra)
            if nyckel is not None and rad[f"{matt}_maskerad"] and ra[matt]:
                dolda[nyckel] = dolda.get(nyckel, 0) + 1
        for rad in grov_vy.to_dicts():
            if not rad[f"{kolumn}_maskerad"]:
                nyckel = tuple(rad[k] for k in nycklar)
                assert dolda.get(nyckel, 0) != 1, f"{fin} → {grov}.{kolumn} {nyckel}"


def _kontrollera_foraldrar(
    namn: str, ra: pl.DataFrame, vy: pl.DataFrame, foraldrar: list[pl.DataFrame], grans: int
) -> None:
    """(e) No visible count differs by 1..threshold-1 from the same cell without a filter."""
    spec = SKYDD[namn]
    for kolumn in spec.antal:
        for foralder in foraldrar:
            utan = {tuple(r[k] for k in spec.nycklar): r[kolumn] for r in foralder.to_dicts()}
            for rad, orad in zip(vy.to_dicts(), ra.to_dicts(), strict=True):
                komplement = (utan.get(tuple(orad[k] for k in spec.nycklar)) or 0) - (
                    orad[kolumn] or 0
                )
                if not rad[f"{kolumn}_maskerad"]:
                    assert not 1 <= komplement < grans, f"{namn}.{kolumn}: {orad} ({komplement})"


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(data=st.data(), grans=st.sampled_from([5, 6]))
def test_no_masked_count_can_be_seen_or_derived(data: st.DataObject, grans: int) -> None:
    tabeller, kommuner = data.draw(_befolkning())
    # one filter for every figure, so that the figures of one page see the same persons
    filter_ = data.draw(_filter(kommuner))
    with tempfile.TemporaryDirectory() as katalog:
        db = import_tables(Path(katalog), tabeller, UTTAG)

        cache: dict[str, pl.DataFrame] = {}

        def hamta(namn: str, params: dict[str, Any]) -> pl.DataFrame:
            # one result per figure and parameters, as the dashboard's cache: DuckDB may sum
            # floats in another order on a second run (10.0 against 9.999999999999998)
            nyckel = f"{namn} {sorted((k, str(v)) for k, v in params.items())}"
            if nyckel not in cache:
                cache[nyckel] = queries.run(namn, db, **params)
            return cache[nyckel]

        vyer = {}
        for namn in SKYDDADE:
            params = {k: v for k, v in filter_.items() if k in queries.figure(namn).params}
            ra = hamta(namn, params)
            vy = skydda_vy(namn, params, hamta, troskel=grans).df
            _kontrollera(namn, ra, vy, grans)
            aktiva = [p for p in LISTPARAMETRAR if params.get(p)]
            foraldrar = [hamta(namn, params | {p: None}) for p in aktiva]
            _kontrollera_foraldrar(namn, ra, vy, foraldrar, grans)
            vyer[namn] = (ra, vy)
        _kontrollera_grovre(vyer, _lagermanad(filter_))


def _lagermanad(filter_: dict[str, Any]) -> str:
    """The month of aldersgrupp_manad whose stock date is datum: datum is a month's last
    day within the period (the sampled dates 2023-12-31 and 2024-06-30), else none."""
    datum = filter_["datum"]
    slutdag = datum.endswith(("-12-31", "-06-30"))
    return datum[:7] if slutdag and filter_["fran"] <= datum <= filter_["till"] else ""
