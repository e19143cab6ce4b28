"""A what-if scenario as its shareable link (query parameters `s_*`), without streamlit.

The page keeps a scenario in the link; the PDF report (`python -m report --scenario`, and
the app's report button) must read the very same text. So the keys, their defaults and
the mapping to the `scenario` figure's parameters live here, used by both `ui.scenario` and
`report`. The figure itself validates the values and refuses bad ones in Swedish.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from urllib.parse import parse_qsl, urlencode, urlsplit

INGEN = ""
FALT: dict[str, object] = {
    "s_antal": 0,
    "s_fran": date(2017, 1, 1),
    "s_fran_form": "HVB",
    "s_till_form": "stodboende",
    "s_pris_form": INGEN,
    "s_pris_procent": 0.0,
    "s_kategori": INGEN,
    "s_belopp": 0,
    "s_regel_fran": date(2017, 7, 1),
    "s_platser": 0,
    "s_platser_form": INGEN,
    "s_platser_fran": date(2017, 1, 1),
}
"""URL key -> default (a default is left out of the link)."""


class LankFel(ValueError):
    """A scenario link that cannot be read, with a Swedish message."""


def tolka(varde: str, standard: object, nyckel: str) -> object:
    """One link value as the type of its default; `LankFel` when it is not one."""
    try:
        if isinstance(standard, date):
            return date.fromisoformat(varde)
        if isinstance(standard, bool | int | float):
            return type(standard)(varde)
    except ValueError:
        raise LankFel(f"scenario: ogiltigt värde {varde!r} för {nyckel}") from None
    return varde


def las_lank(text: str) -> dict[str, object]:
    """The scenario of a link, a query string (`s_antal=10&s_fran=2017-01-01`) or a whole URL."""
    fraga = urlsplit(text).query if "://" in text else text.lstrip("?")
    varden = dict(FALT)
    for nyckel, varde in parse_qsl(fraga, keep_blank_values=True):
        if nyckel not in FALT:
            if nyckel.startswith("s_"):
                raise LankFel(f"scenario: okänd parameter {nyckel}")
            continue  # the page's other filters travel in the same link
        varden[nyckel] = tolka(varde, FALT[nyckel], nyckel)
    return varden


def lank(varden: Mapping[str, object]) -> str:
    """The query string of the values that differ from their default."""
    par = {
        k: v.isoformat() if isinstance(v, date) else str(v)
        for k, v in varden.items()
        if k in FALT and v != FALT[k]
    }
    return urlencode(par)


def parametrar(varden: Mapping[str, object]) -> dict[str, str | None]:
    """The `scenario` figure's parameters (None = lever unused) from a link's values."""
    v = {**FALT, **varden}

    def dag(nyckel: str) -> str:
        varde = v[nyckel]
        return varde.isoformat() if isinstance(varde, date) else str(varde)

    return {
        "flytt_antal": str(v["s_antal"]) if v["s_antal"] else None,
        "flytt_fran": dag("s_fran"),
        "fran_form": str(v["s_fran_form"]),
        "till_form": str(v["s_till_form"]),
        "pris_form": str(v["s_pris_form"]) or None,
        "pris_procent": str(v["s_pris_procent"]) if v["s_pris_form"] else None,
        "regel_kategori": str(v["s_kategori"]) or None,
        "regel_belopp": str(v["s_belopp"]) if v["s_kategori"] else None,
        "regel_fran": dag("s_regel_fran"),
        "platser_antal": str(v["s_platser"]) if v["s_platser_form"] else None,
        "platser_form": str(v["s_platser_form"]) or None,
        "platser_fran": dag("s_platser_fran"),
    }
