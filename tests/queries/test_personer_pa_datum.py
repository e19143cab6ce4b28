"""Persons in care on a date: age group x sex, the pyramid and upcoming birthdays.

Timelines are in conftest.PERSONFALL. On D = 2024-03-15 in care are A, B, C, E, H:
F left 2024-01-31, G moves in 2024-03-16, E moved out of U1 on D (move-out day not
counted) but into U3 the same day.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import queries

D = date(2024, 3, 15)


def test_alder_kon_on_the_reporting_date(personfall: Path) -> None:
    # A 2006-03-15 -> 18 on D (birthday counts)           -> 18-20 M
    # B 2007-03-01 valid on D (revision 2024-04-01) -> 17 -> 14-17 K
    # C 2008-06-20 valid on D (revision 2024-03-01) -> 15 -> 14-17 M
    # E 2003-07-01 -> 20 -> 18-20 K ; H 2004-01-01 -> 20 -> 18-20 K
    df = queries.run("alder_kon", personfall, datum=D)
    assert df.columns == ["aldersgrupp", "kon", "antal"]
    assert df.rows() == [("14-17", "K", 1), ("14-17", "M", 1), ("18-20", "K", 2), ("18-20", "M", 1)]


def test_alder_kon_the_day_before_a_birthday(personfall: Path) -> None:
    # 2024-03-14: A is still 17; E still at U1 (moves out on the 15th). B 17, C 15, H 20, E 20.
    df = queries.run("alder_kon", personfall, datum="2024-03-14")
    assert df.rows() == [("14-17", "K", 1), ("14-17", "M", 2), ("18-20", "K", 2)]


def test_alder_kon_age_revision_before_and_after(personfall: Path) -> None:
    # C on 2024-02-15, before the revision of 2024-03-01: born 2011-06-20 -> 12 -> 0-13.
    before = queries.run("alder_kon", personfall, datum="2024-02-15", kon=["M"])
    # in care 2024-02-15 and male: A (17), C (12)
    assert before.rows() == [("0-13", "M", 1), ("14-17", "M", 1)]
    # B on 2024-04-15, after the revision of 2024-04-01: born 2010-05-01 -> 13 -> 0-13.
    after = queries.run("alder_kon", personfall, datum="2024-04-15", kon="K")
    # female in care: B (13), E (20), H (20)
    assert after.rows() == [("0-13", "K", 1), ("18-20", "K", 2)]


def test_alder_kon_filters(personfall: Path) -> None:
    # responsible 0182 on D: A, C (transferred 2024-03-01), E
    assert (queries.run("alder_kon", personfall, datum=D, kommun="0182")).rows() == [
        ("14-17", "M", 1),
        ("18-20", "K", 1),
        ("18-20", "M", 1),
    ]
    # before the transfer C was Stockholm's: responsible 0180 on 2024-02-15 are B and C
    assert (queries.run("alder_kon", personfall, datum="2024-02-15", kommun="0180")).rows() == [
        ("0-13", "M", 1),
        ("14-17", "K", 1),
    ]
    # living in 0182 on D: A (U1), B (U1), H (U4); E lives in 0180 (own vistelsekommun)
    assert (queries.run("alder_kon", personfall, datum=D, vistelsekommun=["0182"])).rows() == [
        ("14-17", "K", 1),
        ("18-20", "K", 1),
        ("18-20", "M", 1),
    ]
    # boendeform HVB on D: A, B at U1 and H at U4; regi entreprenad: only U4 (H)
    hvb = queries.run("alder_kon", personfall, datum=D, boendeform=["HVB"])
    assert hvb["antal"].sum() == 3
    assert (queries.run("alder_kon", personfall, datum=D, regi=["entreprenad"])).rows() == [
        ("18-20", "K", 1)
    ]
    assert (queries.run("alder_kon", personfall, datum=D, aldersgrupp=["14-17"])).rows() == [
        ("14-17", "K", 1),
        ("14-17", "M", 1),
    ]


def test_alder_kon_empty_date(personfall: Path) -> None:
    # nobody's placement has started on 2022-06-01
    assert queries.run("alder_kon", personfall, datum="2022-06-01").height == 0


def test_alderspyramid(personfall: Path) -> None:
    # ages on D: C 15 M, B 17 K, A 18 M, E 20 K, H 20 K
    df = queries.run("alderspyramid", personfall, datum=D)
    assert df.columns == ["alder", "kon", "antal"]
    assert df.rows() == [(15, "M", 1), (17, "K", 1), (18, "M", 1), (20, "K", 2)]
    assert (queries.run("alderspyramid", personfall, datum=D, kommun="1480")).rows() == [
        (20, "K", 1)
    ]


def test_fodelsedagar_kommande(personfall: Path) -> None:
    # window (2024-03-15, 2025-03-15]. A turns 18 on D itself: not upcoming.
    # B: birth date valid on D is 2007-03-01 -> 18 on 2025-03-01 (the later registered
    #    2010-05-01 would give none). E 2003-07-01 -> 21 on 2024-07-01. H 2004-01-01 -> 21 on 2025-01-01.
    df = queries.run("fodelsedagar_kommande", personfall, datum=D)
    assert df.columns == [
        "person_id",
        "fyller",
        "fodelsedag",
        "enhet_id",
        "enhet_namn",
        "boendeform",
    ]
    assert df.rows() == [
        ("E", 21, date(2024, 7, 1), "U3", "Enhet U3", "familjehem"),
        ("H", 21, date(2025, 1, 1), "U4", "Enhet U4", "HVB"),
        ("B", 18, date(2025, 3, 1), "U1", "Enhet U1", "HVB"),
    ]
    # responsible 0182: only E of those three
    assert queries.run("fodelsedagar_kommande", personfall, datum=D, kommun="0182")[
        "person_id"
    ].to_list() == ["E"]


def test_fodelsedagar_kommande_birthday_exactly_twelve_months_ahead(personfall: Path) -> None:
    # on 2024-03-01 the window is (2024-03-01, 2025-03-01]: B's 18th on 2025-03-01 is its last day.
    # A (18 on 2024-03-15) is in it too; E 21 on 2024-07-01; H 21 on 2025-01-01.
    df = queries.run("fodelsedagar_kommande", personfall, datum="2024-03-01")
    assert df["person_id"].to_list() == ["A", "E", "H", "B"]


def test_fodelsedagar_manad(personfall: Path) -> None:
    # from the test above: 2024-07 one 21st, 2025-01 one 21st, 2025-03 one 18th
    df = queries.run("fodelsedagar_manad", personfall, datum=D)
    assert df.columns == ["manad", "fyller", "antal"]
    assert df.rows() == [("2024-07", 21, 1), ("2025-01", 21, 1), ("2025-03", 18, 1)]
    assert (queries.run("fodelsedagar_manad", personfall, datum=D, boendeform=["HVB"])).rows() == [
        ("2025-01", 21, 1),
        ("2025-03", 18, 1),
    ]
