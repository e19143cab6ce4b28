"""The persons-in-care forecast and its backtest, on a small case worked out by hand.

Extraction 2020-12-31; every person responsible to Nacka (0182), anvisad before care.
A, B  M born 2005-06-01, in care 2019-12-01 ->           (15-16 years)
C     M born 2005-06-01, in care 2019-12-01 -> 2020-06-15 (leaves: the one exit at 14-17)
D     K born 2002-03-10, in care 2019-12-01 -> 2020-03-20 (turns 18 on 2020-03-10 and leaves)
E     K born 2004-05-01, in care 2020-11-10 ->           (the one new entrant of the last 3 months)
F     M born 2000-04-15, in care 2019-12-01 ->           (18-20, never leaves; 21 on 2021-04-15)
G     M born 2005-06-01, in care 2019-12-01 -> 2021-02-15 (a planned move-out after extraction)
"""

from __future__ import annotations

from pathlib import Path

import polars as pl
import pytest

import queries
from tests.conftest import import_tables
from tests.queries.conftest import _anvisning, _enhet, _person, _placering

PERSONER = {
    "A": ("M", "2005-06-01", "2019-12-01", ""),
    "B": ("M", "2005-06-01", "2019-12-01", ""),
    "C": ("M", "2005-06-01", "2019-12-01", "2020-06-15"),
    "D": ("K", "2002-03-10", "2019-12-01", "2020-03-20"),
    "E": ("K", "2004-05-01", "2020-11-10", ""),
    "F": ("M", "2000-04-15", "2019-12-01", ""),
    "G": ("M", "2005-06-01", "2019-12-01", "2021-02-15"),
}
FALL = {
    "personer": [_person(p, fodd, kon) for p, (kon, fodd, _, _) in PERSONER.items()],
    "anvisningar": [
        _anvisning(f"a{p}", p, "2019-11-01", "0182", uppehallstillstand="asylsokande")
        for p in PERSONER
    ],
    "enheter": [_enhet("H", "HVB", "0182", "egen", 2000)],
    "placeringar": [
        _placering(f"p{p}", p, "H", start, slut) for p, (_, _, start, slut) in PERSONER.items()
    ],
}


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return import_tables(tmp_path_factory.mktemp("prognos"), FALL, "2020-12-31")


def _prognos(db: Path) -> dict[tuple[str, str, str], float]:
    df = queries.run("prognos_i_vard", db, kommun="0182")
    return {(m, g, k): a for m, g, k, a in df.iter_rows()}


def test_forecast_from_the_extraction_date(db: Path) -> None:
    # 14-17 exit rate: month-end pairs in 2020 with the person 14-17 on the first and not
    # turning 18: A 12, B 12, C 6 (one exit, May -> June), D 2 (Dec, Jan; Feb -> Mar turns 18),
    # E 1 (Nov -> Dec), G 12: h = 1 / 45, r = 44/45. 18-20: F 12 pairs, no exit: h = 0.
    # Inflow of the last 3 months: E (14-17, K) only: 1/3 a month.
    r = 44 / 45
    prognos = _prognos(db)
    # January 2021: A, B, G (G's move-out 2021-02-15 is after 31 Jan) x r; E x r + 1/3
    assert prognos[("2021-01", "14-17", "M")] == pytest.approx(3 * r)
    assert prognos[("2021-01", "14-17", "K")] == pytest.approx(r + 1 / 3)
    assert prognos[("2021-01", "18-20", "M")] == pytest.approx(1.0)
    # February: G has moved out; March F still 20; April F has turned 21 (15 April)
    assert prognos[("2021-02", "14-17", "M")] == pytest.approx(2 * r**2)
    assert prognos[("2021-03", "18-20", "M")] == pytest.approx(1.0)
    assert ("2021-04", "18-20", "M") not in prognos
    assert not [key for key in prognos if key[1] == "21+"]
    # December (12 steps): A, B x r^12; E x r^12 + 1/3 x (1 - r^12) / (1/45)
    assert prognos[("2021-12", "14-17", "M")] == pytest.approx(2 * r**12)
    assert prognos[("2021-12", "14-17", "K")] == pytest.approx(r**12 + (1 - r**12) * 45 / 3)
    assert sorted({m for m, _, _ in prognos}) == [f"2021-{n:02d}" for n in range(1, 13)]


def test_backtest_uses_only_what_was_known(db: Path) -> None:
    # December 2020 forecast on 2019-12-31: nobody was in care a month earlier, so no exit
    # rates (0) and all six in care on 2019-12-31 count as inflow: 6 / 3 = 2 a month.
    # Survivors 6 (C's and D's exits and G's move-out are not known yet) + 2 x 12 = 30.
    # Actual on 2020-12-31: A, B, E, F, G = 5. fel 25, |fel| / utfall = 5.
    df = queries.run("prognos_backtest", db, fran="2020-12-01", till="2020-12-31", kommun="0182")
    assert df.rows() == [("2020-12", pytest.approx(30.0), 5, pytest.approx(25.0), 5.0, 5.0)]


def test_backtest_mape_is_the_mean(db: Path) -> None:
    df = queries.run("prognos_backtest", db, fran="2020-11-01", till="2020-12-31", kommun="0182")
    # November 2020 from 2019-11-30: nobody in care then or before: forecast 0;
    # actual 30 Nov 2020: A, B, E, F, G = 5 -> |0 - 5| / 5 = 1; mean with December's 5 is 3
    assert df.select("manad", "prognos", "utfall", "abs_andel").rows() == [
        ("2020-11", 0.0, 5, 1.0),
        ("2020-12", pytest.approx(30.0), 5, 5.0),
    ]
    assert df["mape"].to_list() == [3.0, 3.0]
    assert df.schema["prognos"] == pl.Float64
