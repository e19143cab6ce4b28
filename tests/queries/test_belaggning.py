"""Occupancy per unit, boendeform and platstyp: place-days, care-days, vacant place-days.

Timelines are in conftest.BELAGGNINGSFALL (extraction date 2024-02-20). V1 in January,
day by day (places = asyl + PUT; persons at V1):
  01-01..01-04  5 places  P1 P3          -> 2 persons, 3 vacant x 4 days = 12
  01-05..01-09  5 places  P1 P2 P3       -> 3 persons, 2 vacant x 5 = 10
  01-10..01-15  5 places  P2 P3          -> 2 (P1's move-out day not counted), 3 x 6 = 18
  01-16..01-19  3 places  P2 P3          -> 2, 1 x 4 = 4   (places change mid-month)
  01-20..01-24  3 places  P2 P3 P6       -> 3, 0
  01-25..01-27  3 places  P2 P3 P6 P7    -> 4, vacant floored at 0, not -1
  01-28..01-31  3 places  P2 P3 P6       -> 3, 0
place-days 5x15 + 3x16 = 123; care-days 2x4 + 3x5 + 2x6 + 2x4 + 3x5 + 4x3 + 3x4 = 82; vacant 44.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import queries


def test_belaggning_fixed_export(belaggningsfall: Path) -> None:
    # V1 Feb, cut at the extraction date 02-20: 3 places x 20 = 60;
    #   P2 20 + P3 9 (02-01..02-09, moves out 02-10) + P6 20 = 49
    # V2 Jan: places 01-10..01-31 = 22 x 2 = 44; P4 counts only on those dates: 01-10..01-19 = 10
    # V2 has no places in Feb, V3 never: no rows.
    df = queries.run("belaggning", belaggningsfall, fran="2024-01-01", till="2024-02-29")
    assert df.columns == ["enhet_id", "manad", "platsdygn", "vardygn", "belaggning"]
    assert df.rows() == [
        ("V1", "2024-01", 123, 82, pytest.approx(82 / 123)),
        ("V1", "2024-02", 60, 49, pytest.approx(49 / 60)),
        ("V2", "2024-01", 44, 10, pytest.approx(10 / 44)),
    ]


def test_belaggning_period_ending_mid_month(belaggningsfall: Path) -> None:
    # till 01-10: V1 5 places x 10 = 50; persons 2x4 + 3x5 + 2 (01-10: P2, P3) = 25
    # V2: places only on 01-10 (2), P4 there -> 1
    df = queries.run("belaggning", belaggningsfall, fran="2024-01-01", till="2024-01-10")
    assert df.rows() == [("V1", "2024-01", 50, 25, 0.5), ("V2", "2024-01", 2, 1, 0.5)]


def test_belaggning_period_starting_and_ending_mid_month(belaggningsfall: Path) -> None:
    # 2024-01-10 .. 2024-02-10: partial first and last month.
    # V1 Jan 10..31: places 5 x 6 (10..15) + 3 x 16 = 78; persons 2 x 6 + 2 x 4 + 3 x 5 + 4 x 3 + 3 x 4 = 59
    # V1 Feb 1..10: places 3 x 10 = 30; persons 3 x 9 (P2 P3 P6) + 2 (02-10: P3 has moved out) = 29
    # V2 Jan 10..31: 44 places, P4 10 days
    df = queries.run("belaggning", belaggningsfall, fran="2024-01-10", till="2024-02-10")
    assert df.drop("belaggning").rows() == [
        ("V1", "2024-01", 78, 59),
        ("V1", "2024-02", 30, 29),
        ("V2", "2024-01", 44, 10),
    ]


def test_belaggning_enhet_vacant_and_cost(belaggningsfall: Path) -> None:
    # V1 Jan vacant 44 x 1 000 kr; V1 Feb: 02-01..02-09 3 persons = 0, 02-10..02-20 2 persons
    #   -> 1 x 11 = 11 x 1 000; V2 Jan: 01-10..01-19 1 x 10 + 01-20..01-31 2 x 12 = 34 x 500
    df = queries.run("belaggning_enhet", belaggningsfall, fran="2024-01-01", till="2024-02-29")
    assert df.columns == [
        "enhet_id", "enhet_namn", "boendeform", "regi", "kommun", "manad",
        "platsdygn", "vardygn", "belaggning", "lediga_platsdygn", "kostnad_lediga_kr",
    ]  # fmt: skip
    got = df.select("enhet_id", "manad", "lediga_platsdygn", "kostnad_lediga_kr", "regi")
    assert got.rows() == [
        ("V1", "2024-01", 44, 44000.0, "egen"),
        ("V1", "2024-02", 11, 11000.0, "egen"),
        ("V2", "2024-01", 34, 17000.0, "upphandlad"),
    ]


def test_belaggning_boendeform_and_filters(belaggningsfall: Path) -> None:
    df = queries.run("belaggning_boendeform", belaggningsfall, fran="2024-01-01", till="2024-01-31")
    assert df.columns == [
        "boendeform", "manad", "platsdygn", "vardygn", "belaggning", "lediga_platsdygn", "kostnad_lediga_kr",
    ]  # fmt: skip
    assert df.rows() == [
        ("HVB", "2024-01", 123, 82, pytest.approx(82 / 123), 44, 44000.0),
        ("stodboende", "2024-01", 44, 10, pytest.approx(10 / 44), 34, 17000.0),
    ]
    only_stod = queries.run(
        "belaggning",
        belaggningsfall,
        fran="2024-01-01",
        till="2024-01-31",
        boendeform=["stodboende"],
    )
    assert only_stod["enhet_id"].to_list() == ["V2"]
    only_egen = queries.run(
        "belaggning", belaggningsfall, fran="2024-01-01", till="2024-01-31", regi=["egen"]
    )
    assert only_egen["enhet_id"].to_list() == ["V1"]


def test_belaggning_platstyp(belaggningsfall: Path) -> None:
    # asyl places at V1: 4 x 15 + 2 x 16 = 92. Asylum seekers at V1: P1 9, P2 until its PUT on
    #   01-20 (01-05..01-19 = 15), P6 12, P7 3 -> 39. Vacant per day: 01-01..04 3x4, 01-05..09 2x5,
    #   01-10..15 3x6, 01-16..19 1x4, 01-20..24 1x5, 01-25..27 0, 01-28..31 1x4 = 53
    # PUT places at V1: 1 x 31. PUT/TUT persons: P3 31 + P2 from 01-20 12 = 43 (over 100 %, shown
    #   as it is); vacant 0
    # ovrig: V2's 44 places; P4 is an asylum seeker, so no ovrig care-days; 44 vacant
    df = queries.run("belaggning_platstyp", belaggningsfall, fran="2024-01-01", till="2024-01-31")
    assert df.columns == [
        "platstyp",
        "manad",
        "platsdygn",
        "vardygn",
        "belaggning",
        "lediga_platsdygn",
    ]
    assert df.rows() == [
        ("PUT", "2024-01", 31, 43, pytest.approx(43 / 31), 0),
        ("asyl", "2024-01", 92, 39, pytest.approx(39 / 92), 53),
        ("ovrig", "2024-01", 44, 0, 0.0, 44),
    ]


def test_belaggning_empty_period(belaggningsfall: Path) -> None:
    # before any places, and after the extraction date: no unit-months
    assert (
        queries.run("belaggning", belaggningsfall, fran="2023-06-01", till="2023-12-31").height == 0
    )
    assert (
        queries.run("belaggning", belaggningsfall, fran="2024-03-01", till="2024-03-31").height == 0
    )
