"""Anvisningar per month and case closures by reason, from conftest.PERSONFALL.

anvisning  person  date        kommun  age on the date (birth date valid then)
aA         A       2023-12-01  0182    17 (2006-03-15)          14-17 M
aB         B       2024-01-10  0180    16 (2007-03-01)          14-17 K
aC1        C       2023-11-01  0180    12 (2011-06-20)          0-13 M   closed 2024-03-01 overflyttad
aC2        C       2024-03-01  0182    15 (2008-06-20 from 03-01) 14-17 M  transfer
aE         E       2023-05-01  0182    19                        18-20 K
aF         F       2022-12-01  0182    20                        18-20 X  closed 2024-01-31 egen_forsorjning
aG         G       2024-03-10  0182    16                        14-17 M
aH         H       2024-02-20  1480    20                        18-20 K  closed 2024-03-31, no reason
"""

from __future__ import annotations

from pathlib import Path

import queries


def test_anvisningar_manad(personfall: Path) -> None:
    df = queries.run("anvisningar_manad", personfall, fran="2024-01-01", till="2024-03-31")
    assert df.columns == ["manad", "aldersgrupp", "kon", "antal", "antal_overflyttningar"]
    assert df.rows() == [
        ("2024-01", "14-17", "K", 1, 0),
        ("2024-02", "18-20", "K", 1, 0),
        ("2024-03", "14-17", "M", 2, 1),
    ]


def test_anvisningar_manad_per_kommun(personfall: Path) -> None:
    # Stockholm's in 2023: aC1 (12 years old); Nacka's in 2023: aA, aE
    assert (
        queries.run(
            "anvisningar_manad", personfall, fran="2023-01-01", till="2023-12-31", kommun="0180"
        )
    ).rows() == [("2023-11", "0-13", "M", 1, 0)]
    assert (
        queries.run(
            "anvisningar_manad", personfall, fran="2023-01-01", till="2023-12-31", kommun="0182"
        )
    ).rows() == [
        ("2023-05", "18-20", "K", 1, 0),
        ("2023-12", "14-17", "M", 1, 0),
    ]
    assert (
        queries.run("anvisningar_manad", personfall, fran="2021-01-01", till="2021-12-31").height
        == 0
    )


def test_avslut_orsak(personfall: Path) -> None:
    df = queries.run("avslut_orsak", personfall, fran="2024-01-01", till="2024-03-31")
    assert df.columns == ["avslutsorsak", "antal"]
    assert df.rows() == [("egen_forsorjning", 1), ("overflyttad", 1), ("uppgift_saknas", 1)]
    assert (
        queries.run("avslut_orsak", personfall, fran="2024-01-01", till="2024-03-31", kommun="0180")
    ).rows() == [("overflyttad", 1)]
    # closures on the period's last day count; the day after does not
    assert (
        queries.run("avslut_orsak", personfall, fran="2024-02-01", till="2024-03-01")
    ).rows() == [("overflyttad", 1)]


def test_avslut_orsak_without_dates(personfall: Path) -> None:
    # all three closures in the data, whatever their date
    assert queries.run("avslut_orsak", personfall)["antal"].sum() == 3
