"""Swedish formats for the pages: the same functions the charts use, in `charts.format`.

Pages import them from here so that everything a page writes goes through `ui`; the
implementation lives with the charts because the PDF report (no streamlit) needs it too.
"""

from collections.abc import Callable, Mapping
from typing import Any

from charts.format import (
    STRECK,
    TUSENTAL,
    fmt_antal,
    fmt_datum,
    fmt_forandring,
    fmt_kr,
    fmt_manad,
    fmt_pct,
    fmt_tal,
)
from queries.skydd import maskerad_text


def skyddat(
    rad: Mapping[str, Any],
    kolumn: str,
    fmt: Callable[[Any], str],
    *,
    figur: str,
    summa_av: bool = False,
) -> str:
    """Cell `kolumn` of figure `figur` as text, `<5` (a count of persons) or `dold` (anything
    else) where the protected view masked it (`queries.skydd.maskerad_text`).

    With `summa_av`, `rad` is a table figure's row whose `<kolumn>_summa_maskerad` says the
    table's total must be hidden (a tile that shows that total from another figure).
    """
    flagga = f"{kolumn}_summa_maskerad" if summa_av else f"{kolumn}_maskerad"
    if rad.get(flagga):
        return maskerad_text(figur, kolumn)
    return fmt(rad.get(kolumn))


def summa_dold(df: Any, kolumn: str) -> bool:
    """Whether a protected table figure says its total of `kolumn` must be hidden."""
    flagga = f"{kolumn}_summa_maskerad"
    return bool(flagga in df.columns and df[flagga].any())


__all__ = [
    "STRECK",
    "TUSENTAL",
    "fmt_antal",
    "fmt_datum",
    "fmt_forandring",
    "fmt_kr",
    "fmt_manad",
    "fmt_pct",
    "fmt_tal",
    "skyddat",
    "summa_dold",
]
