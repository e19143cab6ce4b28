"""Small hand-made datasets, imported once per session with the real importer.

Each dataset is drawn as a timeline in its docstring; the tests work their expected
numbers out from these timelines by hand, never from the SQL under test.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers.importera import Tables, import_tables

KOMMUNER = {
    "0182": "Nacka",
    "0180": "Stockholm",
    "1480": "Göteborg",
}  # 0182, 0180 in Stockholms län


def _person(pid: str, fodd: str, kon: str) -> dict[str, object]:
    return {"person_id": pid, "fodelsedatum": fodd, "kon": kon}


def _anvisning(aid: str, pid: str, datum: str, kommun: str, **extra: object) -> dict[str, object]:
    row: dict[str, object] = {
        "anvisning_id": aid,
        "person_id": pid,
        "anvisningsdatum": datum,
        "anvisningskommun": kommun,
        "uppehallstillstand": "",
        "uppehallstillstand_datum": "",
        "avslutsdatum": "",
        "avslutsorsak": "",
    }
    return {**row, **extra}


def _enhet(eid: str, boendeform: str, kommun: str, regi: str, pris: object) -> dict[str, object]:
    return {
        "enhet_id": eid,
        "namn": f"Enhet {eid}",
        "boendeform": boendeform,
        "kommun": kommun,
        "regi": regi,
        "dygnspris": pris,
    }


def _placering(
    plid: str, pid: str, eid: str, start: str, slut: str = "", vistelse: str = ""
) -> dict[str, object]:
    return {
        "placering_id": plid,
        "person_id": pid,
        "enhet_id": eid,
        "startdatum": start,
        "slutdatum": slut,
        "dygnskostnad": "",
        "vistelsekommun": vistelse,
    }


PERSONFALL: Tables = {
    # Reporting date D = 2024-03-15, extraction date 2024-06-30.
    # A  M born 2006-03-15: turns 18 on D.                 U1 2024-01-01 ->
    # B  K born 2010-05-01, before 2024-04-01 2007-03-01.  U1 2024-02-01 ->
    # C  M born 2008-06-20, before 2024-03-01 2011-06-20.  U2 2024-01-15 ->  (Göteborg)
    # E  K born 2003-07-01.                                 U1 2023-06-01 -> 2024-03-15, U3 2024-03-15 -> (lives 0180)
    # F  X born 2002-08-01.                                 U1 2023-01-01 -> 2024-01-31
    # G  M born 2007-09-09.                                 U2 2024-03-16 ->
    # H  K born 2004-01-01.                                 U4 2024-03-01 ->
    # Responsible: A, E, F, G 0182; B 0180; H 1480; C 0180 from 2023-11-01, transferred to 0182 on 2024-03-01.
    "personer": [
        _person("A", "2006-03-15", "M"),
        _person("B", "2010-05-01", "K"),
        _person("C", "2008-06-20", "M"),
        _person("E", "2003-07-01", "K"),
        _person("F", "2002-08-01", "X"),
        _person("G", "2007-09-09", "M"),
        _person("H", "2004-01-01", "K"),
    ],
    "aldersandringar": [
        {"person_id": "B", "beslutsdatum": "2024-04-01", "tidigare_fodelsedatum": "2007-03-01"},
        {"person_id": "C", "beslutsdatum": "2024-03-01", "tidigare_fodelsedatum": "2011-06-20"},
    ],
    "anvisningar": [
        # a status with a decision date: asylsokande since the start, whatever the date says
        _anvisning(
            "aA",
            "A",
            "2023-12-01",
            "0182",
            uppehallstillstand="asylsokande",
            uppehallstillstand_datum="2024-02-01",
        ),
        _anvisning("aB", "B", "2024-01-10", "0180"),
        _anvisning(
            "aC1", "C", "2023-11-01", "0180", avslutsdatum="2024-03-01", avslutsorsak="overflyttad"
        ),
        _anvisning("aC2", "C", "2024-03-01", "0182"),
        _anvisning("aE", "E", "2023-05-01", "0182"),
        _anvisning(
            "aF",
            "F",
            "2022-12-01",
            "0182",
            avslutsdatum="2024-01-31",
            avslutsorsak="egen_forsorjning",
        ),
        _anvisning("aG", "G", "2024-03-10", "0182"),
        _anvisning("aH", "H", "2024-02-20", "1480", avslutsdatum="2024-03-31"),
    ],
    "enheter": [
        _enhet("U1", "HVB", "0182", "egen", 2000),
        _enhet("U2", "stodboende", "1480", "upphandlad", 1000),
        _enhet("U3", "familjehem", "0182", "konsulentstodd", ""),
        _enhet("U4", "HVB", "0182", "entreprenad", 1500),
    ],
    "placeringar": [
        _placering("pA", "A", "U1", "2024-01-01"),
        _placering("pB", "B", "U1", "2024-02-01"),
        _placering("pC", "C", "U2", "2024-01-15"),
        _placering("pE1", "E", "U1", "2023-06-01", "2024-03-15"),
        _placering("pE2", "E", "U3", "2024-03-15", vistelse="0180"),
        _placering("pF", "F", "U1", "2023-01-01", "2024-01-31"),
        _placering("pG", "G", "U2", "2024-03-16"),
        _placering("pH", "H", "U4", "2024-03-01"),
    ],
}

BELAGGNINGSFALL: Tables = {
    # Extraction date 2024-02-20. Places: V1 asyl 4 (01-01..01-15), asyl 2 (01-16 ->), PUT 1 (01-01 ->);
    # V2 2 places without platstyp (01-10..01-31); V3 none.
    # P1 V1 2023-12-01 -> 2024-01-10 asylsokande      P2 V1 2024-01-05 -> PUT decided 2024-01-20
    # P3 V1 2024-01-01 -> 2024-02-10 TUT (no date)     P4 V2 2024-01-05 -> 2024-01-20 asylsokande
    # P5 V3 2024-01-01 -> asylsokande                  P6 V1 2024-01-20 -> asylsokande (dated 01-25: still asyl)
    # P7 V1 2024-01-25 -> 2024-01-28 asylsokande
    "personer": [_person(f"P{i}", "2008-01-01", "M") for i in range(1, 8)],
    "anvisningar": [
        _anvisning("a1", "P1", "2023-11-01", "0182", uppehallstillstand="asylsokande"),
        _anvisning(
            "a2",
            "P2",
            "2023-11-01",
            "0182",
            uppehallstillstand="PUT",
            uppehallstillstand_datum="2024-01-20",
        ),
        _anvisning("a3", "P3", "2023-11-01", "0182", uppehallstillstand="TUT"),
        _anvisning("a4", "P4", "2023-11-01", "0182", uppehallstillstand="asylsokande"),
        _anvisning("a5", "P5", "2023-11-01", "0182", uppehallstillstand="asylsokande"),
        _anvisning(
            "a6",
            "P6",
            "2023-11-01",
            "0182",
            uppehallstillstand="asylsokande",
            uppehallstillstand_datum="2024-01-25",
        ),
        _anvisning("a7", "P7", "2023-11-01", "0182", uppehallstillstand="asylsokande"),
    ],
    "enheter": [
        _enhet("V1", "HVB", "0182", "egen", 1000),
        _enhet("V2", "stodboende", "0182", "upphandlad", 500),
        _enhet("V3", "HVB", "0182", "egen", 800),
    ],
    "platser": [
        {
            "enhet_id": "V1",
            "giltig_fran": "2024-01-01",
            "giltig_till": "2024-01-15",
            "antal_platser": 4,
            "platstyp": "asyl",
        },
        {
            "enhet_id": "V1",
            "giltig_fran": "2024-01-16",
            "giltig_till": "",
            "antal_platser": 2,
            "platstyp": "asyl",
        },
        {
            "enhet_id": "V1",
            "giltig_fran": "2024-01-01",
            "giltig_till": "",
            "antal_platser": 1,
            "platstyp": "PUT",
        },
        {
            "enhet_id": "V2",
            "giltig_fran": "2024-01-10",
            "giltig_till": "2024-01-31",
            "antal_platser": 2,
            "platstyp": "",
        },
    ],
    "placeringar": [
        _placering("q1", "P1", "V1", "2023-12-01", "2024-01-10"),
        _placering("q2", "P2", "V1", "2024-01-05"),
        _placering("q3", "P3", "V1", "2024-01-01", "2024-02-10"),
        _placering("q4", "P4", "V2", "2024-01-05", "2024-01-20"),
        _placering("q5", "P5", "V3", "2024-01-01"),
        _placering("q6", "P6", "V1", "2024-01-20"),
        _placering("q7", "P7", "V1", "2024-01-25", "2024-01-28"),
    ],
}


def _ekonomi(period: str, verksamhet: str, konto: str, belopp: object) -> dict[str, object]:
    return {"period": period, "verksamhet": verksamhet, "konto": konto, "belopp": belopp}


EKONOMIFALL: Tables = {
    # Costs positive, revenues negative as booked; Feb has corrections with the opposite sign,
    # Mar has no ledger rows, 2023-12 must not reach the 2024 year to date.
    # Budget every month of 2024: EKB asyl cost 60 000, revenue 50 000.
    **{
        k: v
        for k, v in PERSONFALL.items()
        if k in ("personer", "anvisningar", "enheter", "placeringar")
    },
    "kontoplan": [
        {"konto": "4010", "benamning": "HVB", "typ": "kostnad", "kategori": "HVB"},
        {"konto": "4020", "benamning": "Personal", "typ": "kostnad", "kategori": "personal"},
        {
            "konto": "3010",
            "benamning": "Ersättning",
            "typ": "intakt",
            "kategori": "statlig_ersattning",
        },
    ],
    "ekonomi": [
        _ekonomi("2023-12", "EKB asyl", "4010", 999),
        _ekonomi("2024-01", "EKB asyl", "4010", 100000),
        _ekonomi("2024-01", "EKB asyl", "3010", -80000),
        _ekonomi("2024-02", "EKB asyl", "4010", 50000),
        _ekonomi("2024-02", "EKB asyl", "4010", -10000),
        _ekonomi("2024-02", "EKB PUT", "4020", 20000),
        _ekonomi("2024-02", "EKB asyl", "3010", 5000),
    ],
    "budget": [
        row
        for month in range(1, 13)
        for row in (
            _ekonomi(f"2024-{month:02d}", "EKB asyl", "4010", 60000),
            _ekonomi(f"2024-{month:02d}", "EKB asyl", "3010", -50000),
        )
    ],
}


@pytest.fixture(scope="session")
def personfall(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """PERSONFALL imported with extraction date 2024-06-30."""
    return import_tables(tmp_path_factory.mktemp("personfall"), PERSONFALL, "2024-06-30")


@pytest.fixture(scope="session")
def belaggningsfall(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """BELAGGNINGSFALL imported with extraction date 2024-02-20."""
    return import_tables(tmp_path_factory.mktemp("belaggningsfall"), BELAGGNINGSFALL, "2024-02-20")


@pytest.fixture(scope="session")
def ekonomifall(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """EKONOMIFALL imported with extraction date 2024-06-30."""
    return import_tables(tmp_path_factory.mktemp("ekonomifall"), EKONOMIFALL, "2024-06-30")


@pytest.fixture(scope="session")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo database, built once by the demo generator."""
    from data.demo import build_demo_db

    path = tmp_path_factory.mktemp("demo") / "demo.duckdb"
    build_demo_db(path)
    return path
