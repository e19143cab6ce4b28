"""Expected state compensation per month (`ersattning`), from tests/queries/ersattningsfall.py.

Every expected number is worked out by hand from the timelines in that module and the
rules of docs/ersattning.md; the comments show the arithmetic.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

import queries
from queries.__main__ import main
from tests.helpers.importera import import_tables
from tests.queries.ersattningsfall import ERSATTNINGSFALL, UTTAGSDATUM

KATEGORIER = [
    "plats_avtalad", "plats_belagd", "hvb_asyl", "stodboende", "faktiska_kostnader",
    "schablon_under_18", "schablon_18_20", "anvisning_engangs", "arlig_ersattning",
    "put_engangs", "ankomst_schablon", "arlig_rorlig",
]  # fmt: skip
COLUMNS = [
    "manad",
    "forvantad",
    "sokt",
    "bokford",
    "differens",
    *KATEGORIER,
    "beviljat",
    "utbetald",
]
TOLFTEDEL = Decimal("41666.67")  # 500 000 / 12 rounded to öre


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return import_tables(tmp_path_factory.mktemp("ersattning"), ERSATTNINGSFALL, UTTAGSDATUM)


def _manad(db: Path, manad: str, kommun: str | None) -> dict[str, object]:
    df = queries.run("ersattning", db, fran=f"{manad}-01", till=f"{manad}-01", kommun=kommun)
    assert df.height == 1
    return df.row(0, named=True)


def _kategorier(rad: dict[str, object]) -> dict[str, object]:
    """The non-zero category columns of a row."""
    return {k: rad[k] for k in KATEGORIER if rad[k] != 0}


def test_columns_and_one_row_per_month(db: Path) -> None:
    # 2017-05-15 .. 2017-07-02 overlaps May, June and July: whole months
    df = queries.run("ersattning", db, fran="2017-05-15", till="2017-07-02", kommun="0180")
    assert df.columns == COLUMNS
    assert df["manad"].to_list() == ["2017-05", "2017-06", "2017-07"]


def test_rate_change_mid_placement(db: Path) -> None:
    # R1 asyl, 15 years old, HVB without agreed places, care 2017-06-20 .. 2017-07-10:
    # June 20..30 = 11 days x 1 900 (old rule) = 20 900; July 1..10 = 10 days x 1 350 = 13 500
    juni, juli = _manad(db, "2017-06", "0180"), _manad(db, "2017-07", "0180")
    assert _kategorier(juni) == {"hvb_asyl": 20900}
    assert _kategorier(juli) == {"schablon_under_18": 13500}
    assert (juni["forvantad"], juli["forvantad"]) == (20900, 13500)
    # 0180 is not the data owner: its claims and ledger are unknown here
    assert (juni["sokt"], juni["bokford"], juni["differens"]) == (None, None, None)


def test_18th_birthday_of_put_youth(db: Path) -> None:
    # P2 PUT, born 1999-10-15, familjehem: October 1..14 = 14 x 1 350 = 18 900 (17 years old),
    # 15..31 = 17 x 750 = 12 750 (18, studies assumed); total 31 650
    oktober = _manad(db, "2017-10", "1480")
    assert _kategorier(oktober) == {"schablon_under_18": 18900, "schablon_18_20": 12750}
    assert oktober["forvantad"] == 31650


def test_18th_birthday_of_asylum_seeker(db: Path) -> None:
    # A3 asyl, born 1999-10-20: October 1..19 = 19 x 1 350 = 25 650, nothing from the 20th;
    # November nothing at all although still in care
    assert _kategorier(_manad(db, "2017-10", "1280")) == {"schablon_under_18": 25650}
    assert _manad(db, "2017-11", "1280")["forvantad"] == 0


def test_age_revision_makes_youth_18(db: Path) -> None:
    # V4 asyl in HVB from 2017-10-01, born 2001-02-01 (16) until the decision 2017-11-10,
    # then 1999-02-01 (18): October 31 x 1 350 = 41 850; November 1..9 = 9 x 1 350 = 12 150
    assert _manad(db, "2017-10", "0114")["schablon_under_18"] == 41850
    assert _kategorier(_manad(db, "2017-11", "0114")) == {"schablon_under_18": 12150}


def test_status_change_asylum_to_put(db: Path) -> None:
    # S5 in HVB (no agreed places) 2017-03-01 -> 2017-04-01, PUT decided 2017-03-15:
    # March 1..14 asyl = 14 x 1 900 = 26 600; 15..31 PUT = 17 days x the placement's own
    # price 2 450 (not the unit's 2 500) = 41 650 actual costs
    mars = _manad(db, "2017-03", "0380")
    assert _kategorier(mars) == {"hvb_asyl": 26600, "faktiska_kostnader": 41650}
    assert mars["forvantad"] == 26600 + 41650


def test_agreed_places_vacant_and_occupied(db: Path) -> None:
    # N1: 3 asyl places in June 2017: 3 x 30 = 90 place-days x 1 600 = 144 000.
    # Filled: O1 11..20, O2 16..30 -> 1 person on 11..15 (5), 2 on 16..20 (5 x 2 = 10),
    # 1 on 21..30 (10): 25 filled place-days x 300 = 7 500. O1 and O2 are on agreed places,
    # so no 1 900 per child. The owner has an agreement in June: 500 000 / 12.
    # Ledger: -(-150 000) on statlig_ersattning (3490 and costs left out); claim 151 500.
    juni = _manad(db, "2017-06", "0182")
    assert _kategorier(juni) == {
        "plats_avtalad": 144000,
        "plats_belagd": 7500,
        "arlig_ersattning": TOLFTEDEL,
    }
    forvantad = 144000 + 7500 + TOLFTEDEL  # 193 166,67
    assert juni["forvantad"] == forvantad
    assert (juni["sokt"], juni["bokford"]) == (151500, 150000)
    assert juni["differens"] == 150000 - forvantad  # -43 166,67


def test_after_the_reform_places_pay_nothing(db: Path) -> None:
    # July: the places are still there but priced by no rule; O2 July 1..4 = 4 x 1 350;
    # the yearly amount now goes to every kommun. Booked: 40 000 - 1 000 = 39 000.
    juli = _manad(db, "2017-07", "0182")
    assert _kategorier(juli) == {"schablon_under_18": 5400, "arlig_ersattning": TOLFTEDEL}
    assert (juli["sokt"], juli["bokford"]) == (0, 39000)
    assert juli["differens"] == 39000 - (5400 + TOLFTEDEL)  # -8 066,67


def test_no_yearly_amount_without_agreement_before_reform(db: Path) -> None:
    # May 2017: Nacka has no agreed place yet (from 2017-06-01), nobody in care: all zero
    maj = _manad(db, "2017-05", "0182")
    assert maj["forvantad"] == 0 and _kategorier(maj) == {}


def test_anvisning_once_per_child_and_municipality(db: Path) -> None:
    # O4 anvisad to 0182 on 2017-08-10: 52 000 in August; again to 0182 on 2017-09-05: nothing;
    # to 0180 on 2017-10-01: 52 000 for 0180. O5 anvisad 2017-06-20, before the reform: nothing.
    assert _kategorier(_manad(db, "2017-08", "0182")) == {
        "anvisning_engangs": 52000,
        "arlig_ersattning": TOLFTEDEL,
    }
    assert _kategorier(_manad(db, "2017-09", "0182")) == {"arlig_ersattning": TOLFTEDEL}
    assert _kategorier(_manad(db, "2017-10", "0180")) == {"anvisning_engangs": 52000}


def test_all_municipalities_add_up(db: Path) -> None:
    # October 2017 without kommun: under 18 = P2 18 900 + A3 25 650 + V4 41 850 = 86 400
    # (S5 and R1 have left); 18-20 = P2 12 750; anvisning 52 000 (0180); owner's yearly amount.
    # Total 86 400 + 12 750 + 52 000 + 41 666,67 = 192 816,67; the owner booked nothing.
    oktober = _manad(db, "2017-10", None)
    assert _kategorier(oktober) == {
        "schablon_under_18": 86400,
        "schablon_18_20": 12750,
        "anvisning_engangs": 52000,
        "arlig_ersattning": TOLFTEDEL,
    }
    assert oktober["forvantad"] == Decimal("192816.67")
    assert (oktober["sokt"], oktober["bokford"], oktober["differens"]) == (
        0,
        0,
        Decimal("-192816.67"),
    )


def test_months_after_extraction_are_left_out(db: Path) -> None:
    # extraction 2017-12-31: January 2018 has no data yet
    df = queries.run("ersattning", db, fran="2017-12-01", till="2018-02-28", kommun="0182")
    assert df["manad"].to_list() == ["2017-12"]


def test_cli_export(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "ersattning.csv"
    argv = ["export", "ersattning", "--db", str(db), "--from", "2017-06-01", "--to", "2017-07-31"]
    assert main([*argv, "--kommun", "0180", "--out", str(out)]) == 0
    lines = out.read_text(encoding="utf-8").splitlines()
    assert lines[0] == ",".join(COLUMNS)
    # June: 11 x 1 900 in hvb_asyl; July: 10 x 1 350 under 18; no claims or ledger for 0180
    # (then the new categories put_engangs, ankomst_schablon, arlig_rorlig 0, and beviljat and
    # utbetald blank: claims and payments are the owner's)
    assert lines[1] == (
        "2017-06,20900.00,,,,0.00,0.00,20900.00,0.00,0.00,0.00,0.00,0.00,0.00,0.00,0.00,0.00,,"
    )
    assert lines[2] == (
        "2017-07,13500.00,,,,0.00,0.00,0.00,0.00,0.00,13500.00,0.00,0.00,0.00,0.00,0.00,0.00,,"
    )


def test_period_sums(db: Path) -> None:
    # Nacka May..July 2017: expected 0 + 193 166,67 + 47 066,67 = 240 233,34; claimed 151 500;
    # booked 150 000 + 39 000 = 189 000; differens 189 000 - 240 233,34 = -51 233,34
    df = queries.run("ersattning_summa", db, fran="2017-05-01", till="2017-07-31", kommun="0182")
    assert df.rows() == [
        (Decimal("240233.34"), 151500, 189000, Decimal("-51233.34"), 3),
    ]
    # Stockholm June..July: 20 900 + 13 500 expected, the ledger is not Stockholm's
    other = queries.run("ersattning_summa", db, fran="2017-06-01", till="2017-07-31", kommun="0180")
    assert other.rows() == [(34400, None, None, None, 2)]
