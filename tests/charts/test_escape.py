"""No value from the data reaches plotly as markup: a unit, municipality, category or
verksamhet named `<a href="http://x">Eken</a><b>` must be shown as text in every chart.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from typing import Any

import plotly.graph_objects as go
import polars as pl
import pytest

from charts import belaggning, ekonomi, kommun

FIENTLIG = '<a href="http://x">Eken</a><b>'
RA_MARKUP = re.compile(r"<a|<b>", re.IGNORECASE)
CUSTOMDATA = re.compile(r"%\{customdata(?:\[(\d+)\])?")


def _strangar(varde: Any, nyckel: str = "") -> Iterator[tuple[str, str]]:
    """Every string in a figure's JSON with the key it sits under; customdata is checked apart."""
    if isinstance(varde, str):
        yield nyckel, varde
    elif isinstance(varde, dict):
        for k, v in varde.items():
            if k != "customdata":
                yield from _strangar(v, k)
    elif isinstance(varde, list):
        for v in varde:
            yield from _strangar(v, nyckel)


def _visad_customdata(spar: dict[str, Any]) -> Iterator[str]:
    """The customdata strings a trace's hover or text template writes out."""
    mallar = (
        " ".join(str(spar.get(k) or "") for k in ("hovertemplate", "texttemplate"))
        + json.dumps(spar.get("node", {}))
        + json.dumps(spar.get("link", {}))
    )
    data = spar.get("customdata") or []
    for index in CUSTOMDATA.findall(mallar):
        for rad in data:
            cell = rad[int(index)] if index and isinstance(rad, list) else rad
            for text in _strangar(cell):
                yield text[1]


def _ra_markup(fig: go.Figure) -> list[str]:
    """The strings in `fig` that plotly would render as a link or bold text."""
    data = json.loads(fig.to_json())
    funna = [f"{k}: {s}" for k, s in _strangar(data) if RA_MARKUP.search(s)]
    for spar in data["data"]:
        funna += [f"customdata: {s}" for s in _visad_customdata(spar) if RA_MARKUP.search(s)]
    return funna


def _enhet(namn: str, enhet_id: str) -> pl.DataFrame:
    return pl.DataFrame(
        {
            "enhet_id": [enhet_id, enhet_id],
            "enhet_namn": [namn, namn],
            "boendeform": ["HVB", "HVB"],
            "manad": ["2024-01", "2024-02"],
            "platsdygn": [31, 29],
            "vardygn": [30, 20],
            "belaggning": [30 / 31, 20 / 29],
            "lediga_platsdygn": [1, 9],
            "kostnad_lediga_kr": [2000.0, 18000.0],
        }
    )


def _kategori(kategori: str) -> pl.DataFrame:
    return pl.DataFrame(
        {
            "typ": ["kostnad"],
            "kategori": [kategori],
            "utfall_kr": [1200.0],
            "budget_kr": [1000.0],
            "avvikelse_kr": [-200.0],
        }
    )


DIAGRAM: dict[str, Callable[[str], go.Figure]] = {
    "per_kommun": lambda namn: kommun.per_kommun(
        pl.DataFrame(
            {"kommun": ["0180"], "kommun_namn": [namn], "samma_lan": [False], "antal": [3]}
        ),
        "tomt",
    ),
    "flode": lambda namn: kommun.flode(
        pl.DataFrame(
            {
                "ansvarig_kommun": ["0180"],
                "ansvarig_namn": [namn],
                "vistelsekommun": ["0182"],
                "vistelse_namn": [namn],
                "antal": [2],
            }
        )
    ),
    "andel_over_tid": lambda namn: kommun.andel_over_tid(
        pl.DataFrame(
            {"riktning": [namn], "manad": ["2024-01"], "antal": [1], "totalt": [4], "andel": [0.25]}
        )
    ),
    "vardygn_mot_platser": lambda namn: belaggning.vardygn_mot_platser(
        _enhet("Eken", "e1").with_columns(boendeform=pl.lit(namn)),
        utan_platser=pl.DataFrame({"manad": ["2024-01"], "boendeform": [namn], "vardygn": [5]}),
    ),
    "varmekarta": lambda namn: belaggning.varmekarta(_enhet(namn, namn)),
    "lediga_platsdygn": lambda namn: belaggning.lediga_platsdygn(_enhet(namn, namn)),
    "kategorier": lambda namn: ekonomi.kategorier(_kategori(namn)),
    "vattenfall": lambda namn: ekonomi.vattenfall(_kategori(namn)),
    "verksamheter": lambda namn: ekonomi.verksamheter(
        pl.DataFrame({"verksamhet": [namn], "balans": [-5.0], "budget_balans": [0.0]})
    ),
}


@pytest.mark.parametrize("namn", sorted(DIAGRAM))
def test_ingen_markup_fran_data_nar_plotly(namn: str) -> None:
    fig = DIAGRAM[namn](FIENTLIG)
    assert _ra_markup(fig) == []
    # the name is still there, as text: &lt;a … shows as <a … without being a link
    assert "&lt;a href=" in fig.to_json()
