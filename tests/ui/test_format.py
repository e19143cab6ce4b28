"""Swedish number formats: the examples from the issue, and the edges around them."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from ui.format import fmt_antal, fmt_datum, fmt_forandring, fmt_kr, fmt_manad, fmt_pct, fmt_tal

NBSP = "\u00a0"


@pytest.mark.parametrize(
    ("varde", "text"),
    [
        (1350, f"1{NBSP}350"),
        (0, "0"),
        (999, "999"),
        (1_234_567, f"1{NBSP}234{NBSP}567"),
        (-1350, f"−1{NBSP}350"),
        (None, "–"),
        (float("nan"), "–"),
    ],
)
def test_fmt_antal(varde: float | None, text: str) -> None:
    assert fmt_antal(varde) == text


def test_fmt_pct_med_decimalkomma() -> None:
    # 0.365 × 100 = 36.5 → "36,5 %"
    assert fmt_pct(0.365) == f"36,5{NBSP}%"
    # overbeläggning is shown as it is: 1.125 × 100 = 112.5
    assert fmt_pct(1.125) == f"112,5{NBSP}%"


def test_fmt_kr() -> None:
    assert fmt_kr(12400) == f"12{NBSP}400{NBSP}kr"
    # 12 399.6 rounds to whole kronor: 12 400
    assert fmt_kr(12399.6) == f"12{NBSP}400{NBSP}kr"


def test_avrundning_till_noll_far_inget_minustecken() -> None:
    assert fmt_tal(-0.2) == "0"


def test_fmt_tal_med_decimaler() -> None:
    assert fmt_tal(1350.26, 1) == f"1{NBSP}350,3"


def test_fmt_forandring() -> None:
    assert fmt_forandring(12) == "+12"
    assert fmt_forandring(-3) == "−3"
    assert fmt_forandring(0) == "±0"


def test_datum_och_manad() -> None:
    from datetime import date

    assert fmt_datum(date(2024, 12, 31)) == "31 dec 2024"
    assert fmt_manad("2017-05") == "maj 2017"


@pytest.mark.parametrize(
    ("fmt", "varde", "text"),
    [
        # −125 000.5 is a half: away from zero gives −125 001, not the even −125 000
        (fmt_kr, -125_000.5, f"−125{NBSP}001{NBSP}kr"),
        # 2.5 → 3 (round-half-even would give 2)
        (fmt_kr, 2.5, f"3{NBSP}kr"),
        # 0.0625 × 100 = 6.25 → 6.3 (round-half-even would give 6.2)
        (fmt_pct, 0.0625, f"6,3{NBSP}%"),
        # 0.5 → 1 and −0.5 → −1, symmetric around zero
        (fmt_antal, 0.5, "1"),
        (fmt_antal, -0.5, "−1"),
    ],
)
def test_halvor_avrundas_bort_fran_noll(
    fmt: Callable[[float], str], varde: float, text: str
) -> None:
    assert fmt(varde) == text
