"""The persons-in-care forecast and its backtest, on a small case worked out by hand.

Extraction 2020-12-31; every person responsible to Nacka (0182), anvisad before care.
A, B  M born 2005-06-01, in care 2019-12-01 ->           (15-16 years)
C     M born 2005-06-01, in care 2019-12-01 -> 2020-06-15 (leaves: the one exit at 14-17)
D     K born 2002-03-10, in care 2019-12-01 -> 2020-03-20 (turns 18 on 2020-03-10 and leaves)
E     K born 2004-05-01, in care 2020-11-10 ->           (the one new entrant of the last 3 months)
F     M born 2000-04-15, in care 2019-12-01 ->           (18-20, never leaves; 21 on 2021-04-15)
G     M born 2005-06-01, in care 2019-12-01 -> 2021-02-15 (a planned move-out after extraction)
Unit H has 10 contracted places from 2019-12-01. Ledger Oct-Dec 2020: cost 200 000 a month,
booked compensation 150 000 + 150 000 + 160 000; December 2019 cost 300 000, compensation 500 000.
"""

from __future__ import annotations

from pathlib import Path

import polars as pl
import pytest

import queries
from tests.helpers.importera import Tables, import_tables
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
FALL: Tables = {
    "personer": [_person(p, fodd, kon) for p, (kon, fodd, _, _) in PERSONER.items()],
    "anvisningar": [
        _anvisning(f"a{p}", p, "2019-11-01", "0182", uppehallstillstand="asylsokande")
        for p in PERSONER
    ],
    "enheter": [_enhet("H", "HVB", "0182", "egen", 2000)],
    "placeringar": [
        _placering(f"p{p}", p, "H", start, slut) for p, (_, _, start, slut) in PERSONER.items()
    ],
    "platser": [
        {"enhet_id": "H", "giltig_fran": "2019-12-01", "giltig_till": "", "antal_platser": 10},
    ],
    "kontoplan": [
        {"konto": "3611", "benamning": "Ers", "typ": "intakt", "kategori": "statlig_ersattning"},
        {"konto": "4591", "benamning": "HVB", "typ": "kostnad", "kategori": "HVB"},
    ],
    "ekonomi": [
        {"period": "2019-12", "verksamhet": "EKB", "konto": "4591", "belopp": 300000},
        {"period": "2019-12", "verksamhet": "EKB", "konto": "3611", "belopp": -500000},
        *[
            {"period": f"2020-{m}", "verksamhet": "EKB", "konto": "4591", "belopp": 200000}
            for m in ("10", "11", "12")
        ],
        *[
            {"period": f"2020-{m}", "verksamhet": "EKB", "konto": "3611", "belopp": -kr}
            for m, kr in (("10", 150000), ("11", 150000), ("12", 160000))
        ],
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


def test_monthly_forecast_of_occupancy_and_balance(db: Path) -> None:
    # Oct-Dec 2020 care-days: under 18 A, B, G 92 each + E 10 Nov..31 Dec 52 = 328; 18-20 F 92.
    # Expected per-child: 328 x 1 350 (F, an asylum seeker of 20, gets nothing): 1 350 a day
    # under 18, 0 at 18-20. Yearly 500 000 / 12 = 41 666,67 a month; no anvisning in the period.
    # Booked 460 000 against expected 442 800 + 3 x 41 666,67 = 567 800,01:
    # -107 800,01 / 3 a month beyond the rules. Cost 600 000 / 420 care-days a day.
    # January 2021 (31 days): under 18 4r + 1/3 (r = 44/45, see above), F 1.
    r = 44 / 45
    under_18 = 4 * r + 1 / 3
    df = queries.run("prognos_manad", db, datum="2020-12-31", kommun="0182")
    jan = df.row(0, named=True)
    assert jan["manad"] == "2021-01" and df.height == 12
    assert jan["prognos_i_vard"] == pytest.approx(under_18 + 1)
    assert (jan["antal_platser"], jan["prognos_belaggning"]) == (
        10,
        pytest.approx((under_18 + 1) / 10),
    )
    intakt = under_18 * 31 * 1350 + 41666.67 - 107800.01 / 3
    kostnad = (under_18 + 1) * 31 * 600000 / 420
    assert jan["prognos_intakt"] == pytest.approx(intakt)
    assert jan["prognos_kostnad"] == pytest.approx(kostnad)
    assert jan["prognos_balans"] == pytest.approx(intakt - kostnad)


def test_economic_backtest(db: Path) -> None:
    # December 2020 forecast on 2019-12-31 (rates and inflow as in test_backtest_uses_only_...):
    # under 18 at step 12: A, B, C, G 4 + inflow (4 + 1) / 3 x 12 = 20 -> 24; 18-20: D (18 since
    # March), F, and F's inflow 1/3 x 12 = 4 -> 6.
    # Oct-Dec 2019: care-days under 18 5 x 31 = 155 at 1 350 (N01), 18-20 F 31 at 0;
    # 6 anvisningar of children in November 2019 x 52 000 = 312 000 -> 104 000 a month;
    # yearly 41 666,67 a month; expected 209 250 + 312 000 + 3 x 41 666,67 = 646 250,01
    # against 500 000 booked -> -146 250,01 / 3 a month; cost 300 000 / 186 care-days.
    intakt = 24 * 31 * 1350 + 104000 + 41666.67 - 146250.01 / 3
    kostnad = 30 * 31 * 300000 / 186  # = 1 500 000
    df = queries.run(
        "prognos_ekonomi_backtest", db, fran="2020-12-01", till="2020-12-31", kommun="0182"
    )
    rad = df.row(0, named=True)
    assert rad["manad"] == "2020-12" and df.height == 1
    assert rad["prognos_intakt"] == pytest.approx(intakt)
    assert rad["prognos_kostnad"] == pytest.approx(kostnad)
    # outcome December 2020: compensation 160 000, cost 200 000
    assert (rad["utfall_intakt"], rad["utfall_kostnad"], rad["utfall_balans"]) == (
        160000,
        200000,
        -40000,
    )
    assert rad["fel_balans"] == pytest.approx(intakt - kostnad + 40000)
    assert rad["mape_intakt"] == pytest.approx(abs(intakt - 160000) / 160000)
    assert rad["mape_kostnad"] == pytest.approx(6.5)  # |1 500 000 - 200 000| / 200 000
    assert rad["mae_balans"] == pytest.approx(abs(intakt - kostnad + 40000))


@pytest.mark.parametrize("status", ["PUT", "asylsokande"])
def test_one_off_put_amount_is_carried_like_the_anvisning_amount(
    tmp_path: Path, status: str
) -> None:
    # One boy P (15) in care at H from 2020-11-01, anvisad to Nacka on 2019-11-01; no ledger.
    # As PUT (from 2019-11-01) he brings 30 000 kr once on 2020-11-01, his first day in care
    # with PUT; as an asylum seeker nothing once in the window. Both get 1 350 a day.
    # The economic forecast carries the window's one-offs as their monthly mean (30 000 / 3)
    # and takes them out of booked − expected ((0 − 30 000 − …) / 3): net zero, so January's
    # forecast intake is the same in both cases: 61 care-days x 1 350 = 82 350 in the window,
    # (1 + 1/3) x 31 x 1 350 forecast, yearly 41 666,67, and (0 − 82 350 − 3 x 41 666,67) / 3.
    falt = {"uppehallstillstand": status, "uppehallstillstand_datum": "2019-11-01"}
    fall: Tables = {
        "personer": [_person("P", "2005-06-01", "M")],
        "anvisningar": [_anvisning("aP", "P", "2019-11-01", "0182", **falt)],
        "enheter": [_enhet("H", "HVB", "0182", "egen", 2000)],
        "placeringar": [_placering("pP", "P", "H", "2020-11-01")],
    }
    db = import_tables(tmp_path, fall, "2020-12-31")
    ersattning = queries.run("ersattning", db, fran="2020-11-01", till="2020-11-30")
    assert ersattning["put_engangs"].to_list() == [30000 if status == "PUT" else 0]
    jan = queries.run("prognos_manad", db, datum="2020-12-31", kommun="0182").row(0, named=True)
    intakt = (1 + 1 / 3) * 31 * 1350 + 41666.67 + (0 - 82350 - 3 * 41666.67) / 3
    assert jan["prognos_intakt"] == pytest.approx(intakt, abs=0.05)
