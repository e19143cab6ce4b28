"""Swedish number and date formats for everything the project writes as text.

Managers and politicians read `1 350`, `36,5 %` and `12 400 kr`; one module makes every page,
chart label, generated sentence and (later) the PDF report agree. The thousands separator is
a non-breaking space, as Swedish Excel writes it, so a figure never wraps in the middle.
"""

from __future__ import annotations

import math
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from charts.etiketter import MANADER, manad_etikett

TUSENTAL = "\u00a0"
"""The thousands separator used everywhere (non-breaking space)."""

STRECK = "–"
"""Shown instead of a figure that is missing or cannot be computed."""


def fmt_tal(varde: float | int | None, decimaler: int = 0) -> str:
    """A number with thousands separators and a decimal comma: `1 350,5`.

    Halves round away from zero (`2,5` → `3`, `−125 000,5` → `−125 001`), as readers round
    by hand; Python's `round` would round them to even.
    """
    if varde is None or not math.isfinite(varde):
        return STRECK
    # str() gives the shortest decimal that reads back as the float: 0.0625 * 100 is 6.25
    rundat = abs(Decimal(str(float(varde)))).quantize(
        Decimal(1).scaleb(-decimaler), rounding=ROUND_HALF_UP
    )
    text = f"{rundat:,.{decimaler}f}".replace(",", TUSENTAL).replace(".", ",")
    return f"−{text}" if varde < 0 and rundat != 0 else text


def fmt_antal(varde: float | int | None) -> str:
    """A count: `1 350`."""
    return fmt_tal(varde, 0)


def fmt_pct(andel: float | None, decimaler: int = 1) -> str:
    """A share given as a fraction 0–1: `0.365` → `36,5 %`."""
    if andel is None or math.isnan(andel):
        return STRECK
    return f"{fmt_tal(float(andel) * 100, decimaler)}{TUSENTAL}%"


def fmt_kr(belopp: float | int | None) -> str:
    """An amount in whole kronor: `12 400 kr`."""
    if belopp is None or math.isnan(belopp):
        return STRECK
    return f"{fmt_tal(belopp, 0)}{TUSENTAL}kr"


def fmt_forandring(varde: float | int | None) -> str:
    """A signed change in a count: `+12`, `−3`, `±0`."""
    if varde is None or math.isnan(varde):
        return STRECK
    if varde == 0:
        return "±0"
    return ("+" if varde > 0 else "") + fmt_antal(varde)


def fmt_datum(dag: date | None) -> str:
    """A date as Swedes write it in reports: `31 dec 2024`."""
    if dag is None:
        return STRECK
    return f"{dag.day} {MANADER[dag.month - 1]} {dag.year}"


def fmt_manad(manad: str) -> str:
    """A month given as `YYYY-MM` → `dec 2024`."""
    return manad_etikett(manad)
