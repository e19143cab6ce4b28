"""budgetbalans_hittills: the one meaning of "hittills i år", from conftest.EKONOMIFALL.

Ledger as booked (costs +, revenues -), extraction date 2024-06-30:
2023-12 cost 999 (another year); 2024-01 cost 100 000, revenue -80 000;
2024-02 cost 50 000 - 10 000 (EKB asyl) + 20 000 (EKB PUT), revenue +5 000 (a correction).
Budget: every month of 2024, EKB asyl, cost 60 000 and revenue 50 000 -> balance -10 000.
"""

from __future__ import annotations

from pathlib import Path

import queries

COLUMNS = [
    "fran_manad", "till_manad", "antal_manader", "ack_kostnad", "ack_intakt", "ack_balans",
    "ack_budget_balans", "avvikelse_mot_budget", "prognos_budget_balans", "prognos_takt_balans",
]  # fmt: skip


def test_through_the_reporting_dates_month(ekonomifall: Path) -> None:
    # Jan-Feb: cost 100 000 + 60 000 = 160 000; revenue 80 000 - 5 000 = 75 000;
    # balance 75 000 - 160 000 = -85 000; budget 2 x -10 000 = -20 000;
    # against budget -85 000 - (-20 000) = -65 000 (worse);
    # forecasts -85 000 + 10 x -10 000 = -185 000 and -85 000 / 2 x 12 = -510 000
    df = queries.run("budgetbalans_hittills", ekonomifall, datum="2024-02-15")
    assert df.columns == COLUMNS
    assert df.rows() == [
        ("2024-01", "2024-02", 2, 160000, 75000, -85000, -20000, -65000, -185000, -510000)
    ]


def test_capped_at_the_last_month_with_outcome(ekonomifall: Path) -> None:
    # datum in November, extraction in June: Jan-Jun (6 months), March-June booked nothing;
    # balance -85 000, budget 6 x -10 000 = -60 000, against budget -25 000;
    # forecasts -85 000 + 6 x -10 000 = -145 000 and -85 000 / 6 x 12 = -170 000
    df = queries.run("budgetbalans_hittills", ekonomifall, datum="2024-11-30")
    assert df.rows() == [
        ("2024-01", "2024-06", 6, 160000, 75000, -85000, -60000, -25000, -145000, -170000)
    ]


def test_a_year_without_outcome_has_no_year_to_date(ekonomifall: Path) -> None:
    # 2025 lies after the extraction date: no month has outcome; the budget method is
    # 0 + the 2025 budget (none) = 0, the run-rate has nothing to divide by
    df = queries.run("budgetbalans_hittills", ekonomifall, datum="2025-03-01")
    assert df.rows() == [("2025-01", None, 0, None, None, None, None, None, 0, None)]


def test_verksamhet_filter(ekonomifall: Path) -> None:
    # EKB PUT: only the 20 000 personal cost in February; its budget is empty (0)
    df = queries.run(
        "budgetbalans_hittills", ekonomifall, datum="2024-02-15", verksamhet=["EKB PUT"]
    )
    assert df.select("ack_kostnad", "ack_intakt", "ack_balans", "avvikelse_mot_budget").rows() == [
        (20000, 0, -20000, -20000)
    ]


def test_agrees_with_budgetbalans_for_the_same_month(ekonomifall: Path) -> None:
    # the chart's row for February carries the same year to date as the tile on 2024-02-15
    manad = queries.run("budgetbalans", ekonomifall, fran="2024-02-01", till="2024-02-29")
    ar = queries.run("budgetbalans_hittills", ekonomifall, datum="2024-02-15")
    assert manad.select("ack_balans", "ack_budget_balans").row(0) == ar.select(
        "ack_balans", "ack_budget_balans"
    ).row(0)
