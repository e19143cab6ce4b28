"""What-if scenarios (`scenario`) on a small case worked out by hand.

Extraction 2017-08-31; Nacka (0182) responsible for three asylum seekers born 2002-01-01:
X1, X2 in HVB H (2 000 kr a day, no contracted places) and Y1 in stödboende S (800 kr)
from 2017-05-01. Ledger May-August: cost 100 000 and revenue 80 000 a month.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import duckdb
import pytest

import queries
from tests.helpers.importera import Tables, import_tables
from tests.queries.conftest import _anvisning, _enhet, _person, _placering

FALL: Tables = {
    "personer": [_person(p, "2002-01-01", "M") for p in ("X1", "X2", "Y1")],
    "anvisningar": [
        _anvisning(f"a{p}", p, "2017-01-01", "0182", uppehallstillstand="asylsokande")
        for p in ("X1", "X2", "Y1")
    ],
    "enheter": [
        _enhet("H", "HVB", "0182", "upphandlad", 2000),
        _enhet("S", "stodboende", "0182", "upphandlad", 800),
    ],
    "placeringar": [
        _placering("pX1", "X1", "H", "2017-05-01"),
        _placering("pX2", "X2", "H", "2017-05-01"),
        _placering("pY1", "Y1", "S", "2017-05-01"),
    ],
    "kontoplan": [
        {"konto": "3611", "benamning": "Ers", "typ": "intakt", "kategori": "statlig_ersattning"},
        {"konto": "4591", "benamning": "HVB", "typ": "kostnad", "kategori": "HVB"},
    ],
    "ekonomi": [
        row
        for m in ("05", "06", "07", "08")
        for row in (
            {"period": f"2017-{m}", "verksamhet": "EKB", "konto": "4591", "belopp": 100000},
            {"period": f"2017-{m}", "verksamhet": "EKB", "konto": "3611", "belopp": -80000},
        )
    ],
}
MANADER = ["2017-05", "2017-06", "2017-07", "2017-08"]


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return import_tables(tmp_path_factory.mktemp("scenario"), FALL, "2017-08-31")


def _kor(db: Path, **scenario: Any) -> dict[str, dict[str, float]]:
    df = queries.run(
        "scenario", db, fran="2017-05-01", till="2017-08-31", kommun="0182", **scenario
    )
    assert df["manad"].to_list() == MANADER
    return {rad["manad"]: rad for rad in df.iter_rows(named=True)}


def test_baseline_without_scenario(db: Path) -> None:
    rader = _kor(db)
    for rad in rader.values():
        assert (rad["kostnad"], rad["intakt"], rad["balans"]) == (100000, 80000, -20000)
        assert (rad["scenario_balans"], rad["effekt_balans"]) == (-20000, 0)


def test_move_one_youth_from_hvb_to_stodboende(db: Path) -> None:
    # from 2017-06-16: June 15 days, July and August 31 (at most the 2 in HVB: 1 moves).
    # Cost: 800 - 2 000 = -1 200 a day. Revenue in June: HVB asyl child 1 900 a day (F03)
    # becomes stödboende 1 000 (F04): -900 a day; from July 1 350 either way: 0.
    # June effect 15 x 1 200 - 15 x 900 = 4 500; July and August 31 x 1 200 = 37 200.
    rader = _kor(
        db, flytt_antal="1", flytt_fran="2017-06-16", fran_form="HVB", till_form="stodboende"
    )
    assert [rader[m]["flytt_kostnad"] for m in MANADER] == [0, -18000, -37200, -37200]
    assert [rader[m]["flytt_intakt"] for m in MANADER] == [0, -13500, 0, 0]
    assert [rader[m]["effekt_balans"] for m in MANADER] == [0, 4500, 37200, 37200]
    assert [rader[m]["ack_effekt_balans"] for m in MANADER] == [0, 4500, 41700, 78900]
    assert rader["2017-06"]["scenario_balans"] == -20000 + 4500


def test_move_is_capped_at_those_there(db: Path) -> None:
    # 5 asked for, 2 in HVB: July 2 x 31 days x -1 200 = -74 400
    rader = _kor(
        db, flytt_antal="5", flytt_fran="2017-07-01", fran_form="HVB", till_form="stodboende"
    )
    assert rader["2017-07"]["flytt_kostnad"] == -74400


def test_price_change(db: Path) -> None:
    # stödboende 10 % dearer: May 31 days x 800 x 0,1 = 2 480; June 30 x 800 x 0,1 = 2 400
    rader = _kor(db, pris_form="stodboende", pris_procent="10")
    assert [rader[m]["pris_kostnad"] for m in MANADER] == pytest.approx([2480, 2400, 2480, 2480])
    assert rader["2017-05"]["effekt_balans"] == pytest.approx(-2480)


def test_rule_change(db: Path) -> None:
    # the schablon under 18 at 1 900 from August: 3 youths x 31 days x (1 900 - 1 350) = 51 150
    rader = _kor(
        db, regel_kategori="schablon_under_18", regel_belopp="1900", regel_fran="2017-08-01"
    )
    assert [rader[m]["regel_intakt"] for m in MANADER] == [0, 0, 0, 51150]
    assert rader["2017-08"]["scenario_intakt"] == 80000 + 51150


def test_bad_scenario_values_are_refused(db: Path) -> None:
    with pytest.raises(duckdb.Error, match="scenario: ange antal och belopp som tal"):
        _kor(db, flytt_antal="tre", fran_form="HVB", till_form="stodboende")


def test_unknown_form_or_category_is_refused(db: Path) -> None:
    with pytest.raises(duckdb.Error, match="okänd boendeform"):
        _kor(db, flytt_antal="1", fran_form="HVB", till_form="stödlägenhet")
    with pytest.raises(duckdb.Error, match="okänd regelkategori"):
        _kor(db, regel_kategori="schablon", regel_belopp="1000")


def test_more_contracted_places(db: Path) -> None:
    # 2 more HVB asylum places from 2017-06-16, assumed vacant; no HVB unit has places, so a
    # place costs the HVB units' mean dygnspris 2 000. June 15 days: cost 2 x 15 x 2 000 =
    # 60 000, revenue 2 x 15 x 1 600 (F01, until 30 June) = 48 000; July 2 x 31 x 2 000 and
    # no place rule any more.
    rader = _kor(db, platser_antal="2", platser_form="HVB", platser_fran="2017-06-16")
    assert [rader[m]["platser_kostnad"] for m in MANADER] == [0, 60000, 124000, 124000]
    assert [rader[m]["platser_intakt"] for m in MANADER] == [0, 48000, 0, 0]
    assert [rader[m]["effekt_balans"] for m in MANADER] == [0, -12000, -124000, -124000]
