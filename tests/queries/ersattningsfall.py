"""A small export for the state-compensation figures, drawn as timelines.

Extraction date 2017-12-31. Each case has a responsible municipality of its own, so a test
reads one case through the `kommun` filter; Nacka (0182) has the most anvisningar and is
therefore the data owner (places, yearly amounts, ledger and claims are its money).

0180 Stockholm  R1 asyl, born 2002-01-01, HVB H1 2017-06-20 -> 2017-07-11 (across the reform)
1480 Göteborg   P2 PUT (decided 2017-01-01), born 1999-10-15, familjehem F1 2017-09-01 ->
1280 Malmö      A3 asyl, born 1999-10-20, HVB H1 2017-09-01 ->
0114 U. Väsby   V4 asyl, born 2001-02-01 until 2017-11-10, then 1999-02-01; HVB H1 2017-10-01 ->
0380 Uppsala    S5 asyl, PUT decided 2017-03-15, born 2001-05-05, HVB H1 2017-03-01 -> 2017-04-01
                (placement price 2 450 kr, the unit's 2 500)
0182 Nacka      N1 HVB with 3 asyl places 2017-06-01 .. 2017-07-31
                O1 asyl N1 2017-06-11 -> 2017-06-21; O2 asyl N1 2017-06-16 -> 2017-07-05
                O4 anvisad 2017-08-10, again 2017-09-05 (same kommun), to 0180 2017-10-01 (no care)
                O5 anvisad 2017-06-20 (before the reform, no care)
Ledger (owner): 2017-06 3611 statlig_ersattning -150 000, 3490 ovriga_intakter -9 999,
                4591 cost 50 000; 2017-07 3613 schablon -40 000 and a correction +1 000.
Claims (owner): 2017-06 dygnsersattning 151 500 (granted 150 000).
"""

from __future__ import annotations

from tests.queries.conftest import _anvisning, _enhet, _person, _placering


def _plac(plid: str, pid: str, eid: str, start: str, slut: str = "", pris: str = "") -> dict:
    return {**_placering(plid, pid, eid, start, slut), "dygnskostnad": pris}


ERSATTNINGSFALL: dict[str, list[dict[str, object]]] = {
    "personer": [
        _person("R1", "2002-01-01", "M"),
        _person("P2", "1999-10-15", "M"),
        _person("A3", "1999-10-20", "K"),
        _person("V4", "1999-02-01", "M"),
        _person("S5", "2001-05-05", "M"),
        _person("O1", "2003-01-01", "M"),
        _person("O2", "2003-01-01", "K"),
        _person("O4", "2003-01-01", "M"),
        _person("O5", "2003-01-01", "K"),
    ],
    "aldersandringar": [
        {"person_id": "V4", "beslutsdatum": "2017-11-10", "tidigare_fodelsedatum": "2001-02-01"},
    ],
    "anvisningar": [
        _anvisning("aR1", "R1", "2016-01-10", "0180", uppehallstillstand="asylsokande"),
        _anvisning(
            "aP2",
            "P2",
            "2016-05-01",
            "1480",
            uppehallstillstand="PUT",
            uppehallstillstand_datum="2017-01-01",
        ),
        _anvisning("aA3", "A3", "2016-05-01", "1280", uppehallstillstand="asylsokande"),
        _anvisning("aV4", "V4", "2016-03-01", "0114", uppehallstillstand="asylsokande"),
        _anvisning(
            "aS5",
            "S5",
            "2016-02-01",
            "0380",
            uppehallstillstand="PUT",
            uppehallstillstand_datum="2017-03-15",
        ),
        _anvisning("aO1", "O1", "2017-01-01", "0182", uppehallstillstand="asylsokande"),
        _anvisning("aO2", "O2", "2017-01-01", "0182", uppehallstillstand="asylsokande"),
        _anvisning("aO4a", "O4", "2017-08-10", "0182", uppehallstillstand="asylsokande"),
        _anvisning("aO4b", "O4", "2017-09-05", "0182", uppehallstillstand="asylsokande"),
        _anvisning("aO4c", "O4", "2017-10-01", "0180", uppehallstillstand="asylsokande"),
        _anvisning("aO5", "O5", "2017-06-20", "0182", uppehallstillstand="asylsokande"),
    ],
    "enheter": [
        _enhet("H1", "HVB", "0180", "upphandlad", 2500),
        _enhet("F1", "familjehem", "1480", "konsulentstodd", 900),
        _enhet("N1", "HVB", "0182", "egen", 3000),
    ],
    "platser": [
        {
            "enhet_id": "N1",
            "giltig_fran": "2017-06-01",
            "giltig_till": "2017-07-31",
            "antal_platser": 3,
            "platstyp": "asyl",
        },
    ],
    "placeringar": [
        _plac("pR1", "R1", "H1", "2017-06-20", "2017-07-11"),
        _plac("pP2", "P2", "F1", "2017-09-01"),
        _plac("pA3", "A3", "H1", "2017-09-01"),
        _plac("pV4", "V4", "H1", "2017-10-01"),
        _plac("pS5", "S5", "H1", "2017-03-01", "2017-04-01", pris="2450"),
        _plac("pO1", "O1", "N1", "2017-06-11", "2017-06-21"),
        _plac("pO2", "O2", "N1", "2017-06-16", "2017-07-05"),
    ],
    "kontoplan": [
        {
            "konto": "3611",
            "benamning": "Ersättning",
            "typ": "intakt",
            "kategori": "statlig_ersattning",
        },
        {"konto": "3613", "benamning": "Schablon", "typ": "intakt", "kategori": "schablon"},
        {"konto": "3490", "benamning": "Övrigt", "typ": "intakt", "kategori": "ovriga_intakter"},
        {"konto": "4591", "benamning": "HVB", "typ": "kostnad", "kategori": "HVB"},
    ],
    "ekonomi": [
        {"period": "2017-06", "verksamhet": "EKB", "konto": "3611", "belopp": -150000},
        {"period": "2017-06", "verksamhet": "EKB", "konto": "3490", "belopp": -9999},
        {"period": "2017-06", "verksamhet": "EKB", "konto": "4591", "belopp": 50000},
        {"period": "2017-07", "verksamhet": "EKB", "konto": "3613", "belopp": -40000},
        {"period": "2017-07", "verksamhet": "EKB", "konto": "3613", "belopp": 1000},
    ],
    "ersattningsansokningar": [
        {
            "period": "2017-06",
            "ersattningstyp": "dygnsersattning",
            "sokt_belopp": 151500,
            "beviljat_belopp": 150000,
        },
    ],
}
UTTAGSDATUM = "2017-12-31"
