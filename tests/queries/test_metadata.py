"""Figures about the data itself: import log, coverage, data-quality checks (conftest.PERSONFALL)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import queries
from tests.queries.conftest import PERSONFALL


def test_import_logg(personfall: Path) -> None:
    # one import of the five files PERSONFALL writes; personer.csv has 7 rows, all stored
    df = queries.run("import_logg", personfall)
    assert df.columns == [
        "import_id", "importerad", "uttagsdatum", "kalla", "demo",
        "tabell", "fil", "sha256", "rader_lasta", "rader_lagrade",
    ]  # fmt: skip
    assert sorted(df["tabell"].to_list()) == sorted(PERSONFALL)
    assert set(df["uttagsdatum"].to_list()) == {date(2024, 6, 30)}
    personer = df.filter(df["tabell"] == "personer")
    assert personer.select("rader_lasta", "rader_lagrade").row(0) == (7, 7)


def test_dataomfang(personfall: Path) -> None:
    # earliest date: anvisning aF 2022-12-01 (before pF's start 2023-01-01);
    # latest on or before the extraction date: pG's start 2024-03-16;
    # Nacka has 5 of the 8 anvisningar (aA, aC2, aE, aF, aG);
    # 2024-03-16 -> 2024-06-30 is 15 (rest of March) + 30 + 31 + 30 = 106 days: more than 90
    df = queries.run("dataomfang", personfall)
    assert df.rows() == [
        (date(2024, 6, 30), date(2022, 12, 1), date(2024, 3, 16), "0182", "Nacka", False, 106, True)
    ]


def test_datakvalitet(personfall: Path) -> None:
    # on 2024-03-15: everyone in care has an anvisning; E at U3 has neither a dygnskostnad nor
    # a dygnspris; no unit has places, so all 5 in care are at units without places; nobody
    # has two placements; 6 placements (pA pB pC pE2 pG pH) are ongoing at the extraction date;
    # open cases on D: A B C(aC2) E G H (F closed 01-31, H closes 03-31); of those only G is
    # not in care on D (pG starts 03-16); past 21: F born 2002-08-01 turns 21 on 2023-08-01
    # while pF runs 2023-01-01..2024-01-31; E turns 21 on 2024-07-01, after the extraction
    # date 2024-06-30, so pE2 is cut before it
    df = queries.run("datakvalitet", personfall, datum="2024-03-15")
    assert df.select("kontroll", "antal", "allvarlighet").rows() == [
        ("utan_ansvarig_kommun", 0, "fel"),
        ("utan_dygnskostnad", 1, "varning"),
        ("enhet_utan_platser", 5, "info"),
        ("overbelagda_enheter", 0, "varning"),
        ("dubbla_placeringar", 0, "fel"),
        ("pagaende_efter_uttag", 6, "info"),
        ("anvisning_utan_placering", 1, "varning"),
        ("placering_efter_21", 1, "varning"),
    ]
