"""Monthly series: persons in care, new and ended placements, care-days, age groups.

Timelines are in conftest.PERSONFALL (extraction date 2024-06-30):
pA A U1 2024-01-01 ->            pB B U1 2024-02-01 ->        pC C U2 2024-01-15 ->
pE1 E U1 2023-06-01 -> 03-15     pE2 E U3 2024-03-15 ->       pF F U1 2023-01-01 -> 2024-01-31
pG G U2 2024-03-16 ->            pH H U4 2024-03-01 ->
"""

from __future__ import annotations

from pathlib import Path

import queries


def test_i_vard_manad(personfall: Path) -> None:
    # Jan: stock 01-31 A, C, E (F moved out on the 31st) = 3; new pA, pC = 2; ended pF = 1;
    #      care-days pA 31 + pC 17 + pE1 31 + pF 30 = 109
    # Feb: stock A, B, C, E = 4; new pB = 1; ended 0; care-days 4 x 29 = 116
    # Mar: stock A, B, C, E, G, H = 6; new pE2, pG, pH = 3; ended pE1 = 1;
    #      care-days A 31 + B 31 + C 31 + E1 14 + E2 17 + G 16 + H 31 = 171
    df = queries.run("i_vard_manad", personfall, fran="2024-01-01", till="2024-03-31")
    assert df.columns == [
        "manad",
        "antal_i_vard",
        "nya_placeringar",
        "avslutade_placeringar",
        "vardygn",
    ]
    assert df.rows() == [
        ("2024-01", 3, 2, 1, 109),
        ("2024-02", 4, 1, 0, 116),
        ("2024-03", 6, 3, 1, 171),
    ]


def test_i_vard_manad_ongoing_cut_at_period_end(personfall: Path) -> None:
    # till 2024-03-20: stock on the 20th = the same 6; care-days A 20 + B 20 + C 20 + E1 14
    #   + E2 6 (15..20) + G 5 (16..20) + H 20 = 105
    df = queries.run("i_vard_manad", personfall, fran="2024-03-01", till="2024-03-20")
    assert df.rows() == [("2024-03", 6, 3, 1, 105)]


def test_i_vard_manad_stops_at_the_extraction_date(personfall: Path) -> None:
    # months after 2024-06 are beyond the data; June: A, B, C, E, G, H each 30 days = 180
    df = queries.run("i_vard_manad", personfall, fran="2024-06-01", till="2024-12-31")
    assert df.rows() == [("2024-06", 6, 0, 0, 180)]


def test_i_vard_manad_age_group_split_at_birthday(personfall: Path) -> None:
    # 18-20 in March: A from its birthday 03-15 (17 days), E1 14 + E2 17 (E is 20), H 31 -> 79.
    # stock 03-31: A, E, H = 3. New while 18-20: pE2, pH = 2 (G is 16). Ended: pE1 (E 20) = 1.
    df = queries.run(
        "i_vard_manad", personfall, fran="2024-03-01", till="2024-03-31", aldersgrupp=["18-20"]
    )
    assert df.rows() == [("2024-03", 3, 2, 1, 79)]


def test_i_vard_manad_filters(personfall: Path) -> None:
    # women (B, E, H) in January: only E, at U1 all month
    jan = queries.run("i_vard_manad", personfall, fran="2024-01-01", till="2024-01-31", kon=["K"])
    assert jan.rows() == [("2024-01", 1, 0, 0, 31)]
    # responsible 0180 in March: B all month (31); C only until the transfer on 03-01 -> 0 days
    mar = queries.run(
        "i_vard_manad", personfall, fran="2024-03-01", till="2024-03-31", kommun="0180"
    )
    assert mar.rows() == [("2024-03", 1, 0, 0, 31)]


def test_i_vard_manad_empty_period(personfall: Path) -> None:
    # from after to: no months at all; a month before any placement: a row of zeros
    assert queries.run("i_vard_manad", personfall, fran="2024-05-01", till="2024-04-01").height == 0
    assert (
        queries.run("i_vard_manad", personfall, fran="2022-06-01", till="2022-06-30")
    ).rows() == [("2022-06", 0, 0, 0, 0)]


def test_aldersgrupp_manad(personfall: Path) -> None:
    # 2024-02-29: A 17 M, B 16 K (born 2007-03-01), C 12 M (revision only from 03-01), E 20 K
    # 2024-03-31: A 18 M, B 17 K, C 15 M, E 20 K, G 16 M, H 20 K
    df = queries.run("aldersgrupp_manad", personfall, fran="2024-02-01", till="2024-03-31")
    assert df.columns == ["manad", "aldersgrupp", "kon", "antal"]
    assert df.rows() == [
        ("2024-02", "0-13", "M", 1),
        ("2024-02", "14-17", "K", 1),
        ("2024-02", "14-17", "M", 1),
        ("2024-02", "18-20", "K", 1),
        ("2024-03", "14-17", "K", 1),
        ("2024-03", "14-17", "M", 2),
        ("2024-03", "18-20", "K", 2),
        ("2024-03", "18-20", "M", 1),
    ]
