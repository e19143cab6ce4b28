"""Cross-municipal residents seen from Nacka (0182), on a date and per month.

Timelines are in conftest.PERSONFALL. On D = 2024-03-15:
person  responsible  lives in
A       0182         0182 (U1)
B       0180         0182 (U1)
C       0182 (transferred from 0180 on 2024-03-01)  1480 (U2)
E       0182         0180 (U3, own vistelsekommun)
H       1480         0182 (U4)
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import queries

D = date(2024, 3, 15)


def test_kommunoverskridande_both_directions(personfall: Path) -> None:
    # placed here by others: B (0180, same län), H (1480, other län)
    # ours living elsewhere: C (in 1480), E (in 0180)
    df = queries.run("kommunoverskridande", personfall, datum=D, kommun="0182")
    assert df.columns == ["riktning", "kommun", "kommun_namn", "samma_lan", "antal"]
    assert df.rows() == [
        ("placerade_hos_oss", "0180", "Stockholm", True, 1),
        ("placerade_hos_oss", "1480", "Göteborg", False, 1),
        ("vara_i_andra", "0180", "Stockholm", True, 1),
        ("vara_i_andra", "1480", "Göteborg", False, 1),
    ]


def test_kommunoverskridande_before_the_transfer(personfall: Path) -> None:
    # 2024-02-15 from Stockholm (0180): B (0180) lives in 0182, C (0180) lives in 1480.
    df = queries.run("kommunoverskridande", personfall, datum="2024-02-15", kommun="0180")
    assert df.rows() == [
        ("vara_i_andra", "0182", "Nacka", True, 1),
        ("vara_i_andra", "1480", "Göteborg", False, 1),
    ]
    # and after it (on D) C is no longer Stockholm's: only B remains
    assert (queries.run("kommunoverskridande", personfall, datum=D, kommun="0180")).rows() == [
        ("placerade_hos_oss", "0182", "Nacka", True, 1),  # E lives in 0180, responsible 0182
        ("vara_i_andra", "0182", "Nacka", True, 1),  # B
    ]


def test_kommunoverskridande_matris(personfall: Path) -> None:
    # every pair on D in which 0182 takes part: A 0182->0182, B 0180->0182, C 0182->1480,
    # E 0182->0180, H 1480->0182
    df = queries.run("kommunoverskridande_matris", personfall, datum=D, kommun="0182")
    assert df.columns == [
        "ansvarig_kommun",
        "ansvarig_namn",
        "vistelsekommun",
        "vistelse_namn",
        "samma_lan",
        "antal",
    ]
    # Stockholm and Nacka are in Stockholm's län (01), Göteborg in Västra Götaland's (14)
    assert df.rows() == [
        ("0180", "Stockholm", "0182", "Nacka", True, 1),
        ("0182", "Nacka", "0180", "Stockholm", True, 1),
        ("0182", "Nacka", "0182", "Nacka", True, 1),
        ("0182", "Nacka", "1480", "Göteborg", False, 1),
        ("1480", "Göteborg", "0182", "Nacka", False, 1),
    ]


def test_kommunoverskridande_andel_per_month(personfall: Path) -> None:
    # 2024-02-29: A (0182 in 0182), B (0180 in 0182), C (0180 in 1480), E (0182 in 0182 at U1)
    #   placed here: B = 1 of 3 living here (A, B, E); ours elsewhere: 0 of 2 (A, E)
    # 2024-03-31: A, B, C (now 0182, in 1480), E (0182 in 0180), G (0182 in 1480), H (1480 in 0182)
    #   placed here: B, H = 2 of 3 (A, B, H); ours elsewhere: C, E, G = 3 of 4 (A, C, E, G)
    df = queries.run(
        "kommunoverskridande_andel", personfall, fran="2024-02-01", till="2024-03-31", kommun="0182"
    )
    assert df.columns == ["manad", "riktning", "antal", "totalt", "andel"]
    assert df.rows() == [
        ("2024-02", "placerade_hos_oss", 1, 3, 1 / 3),
        ("2024-02", "vara_i_andra", 0, 2, 0.0),
        ("2024-03", "placerade_hos_oss", 2, 3, 2 / 3),
        ("2024-03", "vara_i_andra", 3, 4, 3 / 4),
    ]


def test_kommunoverskridande_andel_empty_period(personfall: Path) -> None:
    # a month with nobody in care still has its two rows, with no share to show
    df = queries.run(
        "kommunoverskridande_andel", personfall, fran="2022-06-01", till="2022-06-30", kommun="0182"
    )
    assert df.rows() == [
        ("2022-06", "placerade_hos_oss", 0, 0, None),
        ("2022-06", "vara_i_andra", 0, 0, None),
    ]
