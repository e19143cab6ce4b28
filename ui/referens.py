"""Municipality names for the perspective picker, from the reference list shipped in
`data/reference/kommuner.csv` (all 290 SCB codes), so the picker works on any data.
"""

from __future__ import annotations

from pathlib import Path

import polars as pl

_FIL = Path(__file__).resolve().parents[1] / "data" / "reference" / "kommuner.csv"


def _las() -> dict[str, str]:
    df = pl.read_csv(_FIL, schema_overrides={"kommunkod": pl.String, "lanskod": pl.String})
    return dict(sorted(df.select("kommunkod", "kommun").iter_rows(), key=lambda r: _svensk(r[1])))


def _svensk(text: str) -> str:
    """A sort key in Swedish alphabetical order: … X Y Z Å Ä Ö."""
    return text.lower().translate(_SVENSK_ORDNING)


_SVENSK_ORDNING = str.maketrans("åäöé", "{|}e")


KOMMUNER: dict[str, str] = _las()
"""kommunkod -> name, sorted by name."""

LAN: dict[str, str] = dict(
    pl.read_csv(_FIL, schema_overrides={"kommunkod": pl.String})
    .select("kommunkod", "lan")
    .iter_rows()
)
"""kommunkod -> its county (`Stockholms län`), for the generated sentences."""

FORSTA_KOMMUN = next(iter(KOMMUNER))


def kommunnamn(kod: str) -> str:
    """`Nacka (0182)`; an unknown code is shown as it is."""
    return f"{KOMMUNER[kod]} ({kod})" if kod in KOMMUNER else kod
