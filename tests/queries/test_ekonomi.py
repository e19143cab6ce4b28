"""Budget balance, outcome per category and per verksamhet, from conftest.EKONOMIFALL.

Ledger (as booked: costs +, revenues -):     Budget every month of 2024, EKB asyl:
2023-12 EKB asyl 4010 cost      999          4010 cost     60 000
2024-01 EKB asyl 4010 cost  100 000          3010 revenue -50 000  -> balance -10 000 a month
2024-01 EKB asyl 3010 rev   -80 000
2024-02 EKB asyl 4010 cost   50 000 and a correction -10 000
2024-02 EKB PUT  4020 cost   20 000
2024-02 EKB asyl 3010 rev     5 000 (a correction with the opposite sign)
2024-03 nothing booked
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

import queries
from queries.export import to_csv_machine
from tests.helpers.importera import Tables, import_tables
from tests.queries.conftest import EKONOMIFALL, _ekonomi

COLUMNS = [
    "manad", "kostnad", "intakt", "balans", "budget_kostnad", "budget_intakt", "budget_balans",
    "ack_kostnad", "ack_intakt", "ack_balans", "ack_budget_balans", "prognos_budget_balans", "prognos_takt_balans",
    "senaste_utfall",
]  # fmt: skip


def test_budgetbalans(ekonomifall: Path) -> None:
    # Jan: cost 100 000, revenue 80 000, balance -20 000; budget 60 000 / 50 000 / -10 000
    #   forecast by budget: -20 000 + 11 remaining months x -10 000 = -130 000; run-rate -20 000 x 12
    # Feb: cost 50 000 - 10 000 + 20 000 = 60 000; revenue -(5 000) = -5 000; balance -65 000
    #   ytd cost 160 000, revenue 75 000, balance -85 000, budget -20 000
    #   forecasts -85 000 + 10 x -10 000 = -185 000 and -85 000 / 2 x 12 = -510 000
    # Mar: no outcome; ytd unchanged, budget ytd -30 000; -85 000 + 9 x -10 000; -85 000 / 3 x 12
    df = queries.run("budgetbalans", ekonomifall, fran="2024-01-01", till="2024-03-31")
    assert df.columns == COLUMNS
    assert df.rows() == [
        (
            "2024-01",
            100000,
            80000,
            -20000,
            60000,
            50000,
            -10000,
            100000,
            80000,
            -20000,
            -10000,
            -130000,
            -240000,
            False,
        ),
        (
            "2024-02",
            60000,
            -5000,
            -65000,
            60000,
            50000,
            -10000,
            160000,
            75000,
            -85000,
            -20000,
            -185000,
            -510000,
            False,
        ),
        # March is the period's last month with outcome (extraction 2024-06-30): the flag
        (
            "2024-03",
            0,
            0,
            0,
            60000,
            50000,
            -10000,
            160000,
            75000,
            -85000,
            -30000,
            -175000,
            -340000,
            True,
        ),
    ]


def test_budgetbalans_year_to_date_starts_in_january(ekonomifall: Path) -> None:
    # a period of February alone still accumulates from January (and not from 2023-12)
    df = queries.run("budgetbalans", ekonomifall, fran="2024-02-01", till="2024-02-29")
    assert df.select("manad", "ack_kostnad", "ack_balans").rows() == [("2024-02", 160000, -85000)]


def test_budgetbalans_verksamhet_filter(ekonomifall: Path) -> None:
    # EKB PUT: only the 20 000 cost in Feb, no budget. Mar: ytd -20 000, forecast by budget
    #   -20 000 + 0, run-rate -20 000 / 3 x 12 = -80 000
    df = queries.run(
        "budgetbalans", ekonomifall, fran="2024-01-01", till="2024-03-31", verksamhet=["EKB PUT"]
    )
    assert df.select("manad", "kostnad", "balans", "budget_balans", "ack_balans").rows() == [
        ("2024-01", 0, 0, 0, 0),
        ("2024-02", 20000, -20000, 0, -20000),
        ("2024-03", 0, 0, 0, -20000),
    ]
    assert df.select("prognos_budget_balans", "prognos_takt_balans").row(2) == (-20000, -80000)


def test_budgetbalans_empty_period(ekonomifall: Path) -> None:
    # months without any rows appear as zeros; a period that ends before it starts has no months
    df = queries.run("budgetbalans", ekonomifall, fran="2023-01-01", till="2023-02-28")
    assert df["manad"].to_list() == ["2023-01", "2023-02"]
    assert df.drop("manad").null_count().sum_horizontal().to_list() == [0]
    assert df.drop("manad", "senaste_utfall").sum_horizontal().to_list() == [0, 0]
    # every month of 2023 has elapsed, so the period's last month is the last with outcome
    assert df["senaste_utfall"].to_list() == [False, True]
    assert (
        queries.run("budgetbalans", ekonomifall, fran="2024-03-01", till="2024-02-01").height == 0
    )


def test_ekonomi_kategori(ekonomifall: Path) -> None:
    # Q1 2024: HVB cost 100 000 + 50 000 - 10 000 = 140 000 vs budget 3 x 60 000 -> 40 000 under
    # personal 20 000 vs 0 -> -20 000; revenue -(-80 000 + 5 000) = 75 000 vs 150 000 -> -75 000
    df = queries.run("ekonomi_kategori", ekonomifall, fran="2024-01-01", till="2024-03-31")
    assert df.columns == ["typ", "kategori", "utfall_kr", "budget_kr", "avvikelse_kr"]
    assert df.rows() == [
        ("intakt", "statlig_ersattning", 75000, 150000, -75000),
        ("kostnad", "HVB", 140000, 180000, 40000),
        ("kostnad", "personal", 20000, 0, -20000),
    ]


def test_ekonomi_verksamhet(ekonomifall: Path) -> None:
    # EKB PUT: cost 20 000, balance -20 000, no budget.
    # EKB asyl Q1: cost 140 000, revenue 75 000, balance -65 000, budget 3 x -10 000
    df = queries.run("ekonomi_verksamhet", ekonomifall, fran="2024-01-01", till="2024-03-31")
    assert df.columns == ["verksamhet", "kostnad", "intakt", "balans", "budget_balans"]
    assert df.rows() == [
        ("EKB PUT", 20000, 0, -20000, 0),
        ("EKB asyl", 140000, 75000, -65000, -30000),
    ]
    assert (
        queries.run("ekonomi_verksamhet", ekonomifall, fran="2022-01-01", till="2022-12-31").height
        == 0
    )


def test_ekonomi_verksamhet_without_dates_covers_everything(ekonomifall: Path) -> None:
    # no fran/till = no limit: EKB asyl cost 140 000 + 999 (2023-12), budget 12 x -10 000
    df = queries.run("ekonomi_verksamhet", ekonomifall)
    assert df.rows() == [
        ("EKB PUT", 20000, 0, -20000, 0),
        ("EKB asyl", 140999, 75000, -65999, -120000),
    ]
    # only a start: from 2024-02, EKB asyl cost 50 000 - 10 000, revenue -5 000, budget 11 x -10 000
    since_feb = queries.run(
        "ekonomi_verksamhet", ekonomifall, fran="2024-02-01", verksamhet=["EKB asyl"]
    )
    assert since_feb.rows() == [("EKB asyl", 40000, -5000, -45000, -110000)]


def test_budgetbalans_after_the_extraction_month(ekonomifall: Path) -> None:
    # Extraction 2024-06-30: months elapsed stop at June (6), the outcome so far is
    #   Jan -20 000 + Feb -65 000 + Mar..Jun 0 = -85 000.
    # Budget method: -85 000 + Jul..Dec 6 x -10 000 = -145 000 (in Nov and Dec alike).
    # Run-rate: -85 000 / 6 x 12 = -170 000 (not / 11 or / 12).
    # Nov, Dec: outcome unknown (NULL); budget 60 000 / 50 000 / -10 000 a month,
    #   budget year to date 11 x -10 000 = -110 000 and 12 x -10 000 = -120 000.
    df = queries.run("budgetbalans", ekonomifall, fran="2024-11-01", till="2024-12-31")
    assert df.rows() == [
        ("2024-11", None, None, None, 60000, 50000, -10000, None, None, None, -110000, -145000, -170000, False),
        ("2024-12", None, None, None, 60000, 50000, -10000, None, None, None, -120000, -145000, -170000, False),
    ]  # fmt: skip
    # June is the extraction month: it has elapsed, its outcome is known (nothing booked = 0)
    # and the forecasts are the same as after it.
    june = queries.run("budgetbalans", ekonomifall, fran="2024-06-01", till="2024-06-30")
    assert june.select("kostnad", "ack_balans", "prognos_budget_balans", "prognos_takt_balans").rows() == [
        (0, -85000, -145000, -170000)
    ]  # fmt: skip


def test_budgetbalans_year_after_the_extraction_year(ekonomifall: Path) -> None:
    # 2025: no month has elapsed, so no run-rate (NULL); the budget method is outcome so far 0
    #   + the whole 2025 budget, which is empty: 0. The 2024 ledger is not carried over.
    df = queries.run("budgetbalans", ekonomifall, fran="2025-01-01", till="2025-01-31")
    assert df.select("manad", "ack_balans", "prognos_budget_balans", "prognos_takt_balans").rows() == [
        ("2025-01", None, 0, None)
    ]  # fmt: skip


@pytest.fixture(scope="module")
def orefall(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """January 2024 in öre: cost 80 000,10, revenue 120 000,50; budget cost 150 000,30,
    revenue 90 000,70 (as booked: costs +, revenues -)."""
    tables: Tables = {
        "kontoplan": EKONOMIFALL["kontoplan"],
        "ekonomi": [
            _ekonomi("2024-01", "EKB asyl", "4010", "80000,10"),
            _ekonomi("2024-01", "EKB asyl", "3010", "-120000,50"),
        ],
        "budget": [
            _ekonomi("2024-01", "EKB asyl", "4010", "150000,30"),
            _ekonomi("2024-01", "EKB asyl", "3010", "-90000,70"),
        ],
    }
    return import_tables(tmp_path_factory.mktemp("orefall"), tables, "2024-06-30")


def test_kronor_are_exact_to_the_ore_in_csv(orefall: Path) -> None:
    # In binary floating point 150 000,30 - 80 000,10 = 70000.19999999998 and
    # 120 000,50 - 90 000,70 = 29999.800000000003; exported kronor must read to the öre:
    # cost deviation 150 000,30 - 80 000,10 = 70 000,20 (favourable: below budget),
    # revenue deviation 120 000,50 - 90 000,70 = 29 999,80 (above budget),
    # balance 120 000,50 - 80 000,10 = 40 000,40, budget balance 90 000,70 - 150 000,30 = -59 999,60.
    period: dict[str, Any] = {"fran": "2024-01-01", "till": "2024-01-31"}
    kategori = to_csv_machine(queries.run("ekonomi_kategori", orefall, **period))
    assert kategori.splitlines() == [
        "typ,kategori,utfall_kr,budget_kr,avvikelse_kr",
        "intakt,statlig_ersattning,120000.5,90000.7,29999.8",
        "kostnad,HVB,80000.1,150000.3,70000.2",
    ]
    verksamhet = to_csv_machine(queries.run("ekonomi_verksamhet", orefall, **period))
    assert verksamhet.splitlines() == [
        "verksamhet,kostnad,intakt,balans,budget_balans",
        "EKB asyl,80000.1,120000.5,40000.4,-59999.6",
    ]
