"""The one-row and summary figures behind tiles and sentences, from the hand-made datasets.

PERSONFALL (conftest): in care on 2024-03-15 are A (M, Nacka responsible, lives Nacka),
B (K, Stockholm responsible, lives Nacka), C (M, Nacka responsible since 03-01, lives
Göteborg), E (K, Nacka responsible, lives Stockholm from 03-15) and H (K, Göteborg
responsible, lives Nacka). F left on 2024-01-31, G arrives on 03-16. Data begins 2022-12-01.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

import queries
from tests.queries.conftest import PERSONFALL


def test_i_vard_nyckeltal(personfall: Path) -> None:
    # 2024-03-15: A B C E H = 5; K: B E H = 3, M: A C = 2, X: 0
    # 2024-02-15: A B C E (pE1) = 4 -> +1; 2023-03-15: only F (pF from 2023-01-01) = 1 -> +4
    df = queries.run("i_vard_nyckeltal", personfall, datum="2024-03-15")
    assert df.rows() == [
        (date(2024, 3, 15), 5, 3, 2, 0, date(2024, 2, 15), 4, 1, date(2023, 3, 15), 1, 4)
    ]


def test_i_vard_nyckeltal_follows_the_filters(personfall: Path) -> None:
    # Nacka responsible on 03-15: A, C (transferred 03-01), E = 3 (K 1, M 2);
    # on 02-15: A, E = 2 (C still Stockholm's) -> +1
    df = queries.run("i_vard_nyckeltal", personfall, datum="2024-03-15", kommun="0182")
    assert df.select("antal_i_vard", "antal_k", "antal_m", "antal_manad_fore").row(0) == (
        3,
        1,
        2,
        2,
    )


def test_i_vard_nyckeltal_before_the_data_begins_and_short_months(personfall: Path) -> None:
    # 2023-06-15: E (from 06-01) and F = 2; 2023-05-15: F = 1 -> +1;
    # 2022-06-15 lies before the first date 2022-12-01: no comparison (not 0)
    df = queries.run("i_vard_nyckeltal", personfall, datum="2023-06-15")
    assert df.select("antal_i_vard", "antal_manad_fore", "forandring_manad").row(0) == (2, 1, 1)
    assert df.select("antal_ar_fore", "forandring_ar").row(0) == (None, None)
    # 31 March: a month earlier is 29 February (2024 is a leap year), a year earlier 31 March
    mars = queries.run("i_vard_nyckeltal", personfall, datum="2024-03-31")
    assert mars.select("datum_manad_fore", "datum_ar_fore").row(0) == (
        date(2024, 2, 29),
        date(2023, 3, 31),
    )


@pytest.mark.parametrize(
    ("kommun", "expected"),
    [
        # Nacka: placed here by others B (Stockholm, same län) and H (Göteborg);
        #   ours elsewhere C (Göteborg) and E (Stockholm, same län)
        ("0182", [("placerade_hos_oss", 2, 1), ("vara_i_andra", 2, 1)]),
        # Göteborg: C lives there with Nacka responsible; H is Göteborg's, lives in Nacka
        ("1480", [("placerade_hos_oss", 1, 0), ("vara_i_andra", 1, 0)]),
        # Uppsala takes no part: both directions with zeros
        ("0380", [("placerade_hos_oss", 0, 0), ("vara_i_andra", 0, 0)]),
    ],
)
def test_kommunoverskridande_summa(
    personfall: Path, kommun: str, expected: list[tuple[str, int, int]]
) -> None:
    df = queries.run("kommunoverskridande_summa", personfall, datum="2024-03-15", kommun=kommun)
    assert df.rows() == expected


def test_belaggning_period(belaggningsfall: Path) -> None:
    # the unit-months of test_belaggning: V1 Jan 123/82, V1 Feb 60/49, V2 Jan 44/10
    # place-days 123 + 60 + 44 = 227, care-days 82 + 49 + 10 = 141;
    # vacant 44 + 11 + 34 = 89 costing 44 000 + 11 000 + 17 000 = 72 000 kr
    df = queries.run("belaggning_period", belaggningsfall, fran="2024-01-01", till="2024-02-29")
    assert df.columns == [
        "platsdygn", "vardygn", "belaggning", "lediga_platsdygn", "kostnad_lediga_kr",
        "antal_dagar",
    ]  # fmt: skip
    # 1 January to the extraction date 20 February 2024: 31 + 20 = 51 days
    assert df.rows() == [(227, 141, pytest.approx(141 / 227), 89, 72000.0, 51)]
    stod = queries.run(
        "belaggning_period",
        belaggningsfall,
        fran="2024-01-01",
        till="2024-02-29",
        boendeform=["stodboende"],
    )
    assert stod.rows() == [(44, 10, pytest.approx(10 / 44), 34, 17000.0, 51)]
    # before any places: one row of zeros, occupancy blank
    tom = queries.run("belaggning_period", belaggningsfall, fran="2023-01-01", till="2023-01-31")
    assert tom.rows() == [(0, 0, None, 0, 0.0, 31)]


def test_i_vard_manad_kon(personfall: Path) -> None:
    # age groups 14-17 and 18-20 together; stock dates 02-29 and 03-31
    # 02-29: A 17 (M), B 16 by her birth date then (K), E 20 (K); C is 12 then (birth date
    #   2011 until 03-01): K 2, M 1
    # 03-31: A 18, C 15, G 16 (M); B 16, E 20, H 20 (K): K 3, M 3
    df = queries.run(
        "i_vard_manad_kon",
        personfall,
        fran="2024-02-01",
        till="2024-03-31",
        aldersgrupp=["14-17", "18-20"],
    )
    assert df.rows() == [
        ("2024-02", "K", 2),
        ("2024-02", "M", 1),
        ("2024-03", "K", 3),
        ("2024-03", "M", 3),
    ]


def test_datakvalitet_summa(personfall: Path) -> None:
    # the checks of test_datakvalitet on 2024-03-15: varning utan_dygnskostnad 1 (E),
    # anvisning_utan_placering 1 (G), placering_efter_21 1 (F): 3 findings in 3 checks;
    # the info rows (5 at units without places, 6 ongoing) are not findings
    df = queries.run("datakvalitet_summa", personfall, datum="2024-03-15")
    assert df.rows() == [(3, 3)]


def test_import_senaste_and_aktualitet(import_tables: Callable[..., Path], tmp_path: Path) -> None:
    # import 1 has contracted places, import 2 (into the same file) has none:
    # platser stays as fresh as import 1, personer comes from import 2
    platser = [
        {"enhet_id": "U1", "giltig_fran": "2024-01-01", "giltig_till": "", "antal_platser": 3}
    ]
    import_tables(tmp_path, {**PERSONFALL, "platser": platser}, uttagsdatum="2024-05-31")
    db = import_tables(tmp_path, PERSONFALL, uttagsdatum="2024-06-30")
    senaste = queries.run("import_senaste", db)
    # 7 personer + 2 aldersandringar + 8 anvisningar + 4 enheter + 8 placeringar = 29
    assert senaste.select("import_id", "uttagsdatum", "rader_lagrade").rows() == [
        (2, date(2024, 6, 30), 29)
    ]
    aktualitet = queries.run("import_aktualitet", db)
    per_tabell = {r["tabell"]: r for r in aktualitet.iter_rows(named=True)}
    assert per_tabell["platser"]["uttagsdatum"] == date(2024, 5, 31)
    assert per_tabell["platser"]["rader_lagrade"] == 1
    assert per_tabell["personer"]["uttagsdatum"] == date(2024, 6, 30)
