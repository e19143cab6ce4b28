"""Swedish formats for the pages: the same functions the charts use, in `charts.format`.

Pages import them from here so that everything a page writes goes through `ui`; the
implementation lives with the charts because the PDF report (no streamlit) needs it too.
"""

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
]
