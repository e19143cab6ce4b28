"""What a chart carries when it leaves the page: its title, period and demo label inside the
figure, a file name for the toolbar's PNG, and the plotly config that speaks Swedish.

A PNG saved from the toolbar is pasted into committee papers, where the page's heading is
no longer beside it: so the title, the period and, for demo data, the demo label are drawn
in the figure itself, and the file is named after the chart and its period instead of
plotly's `newplot.png`.
"""

from __future__ import annotations

import re
import textwrap
import unicodedata
from collections.abc import Mapping
from datetime import date
from typing import Any

import plotly.graph_objects as go

from charts.base import RADHOJD, titelblock
from charts.format import fmt_datum
from charts.svenska import SV
from charts.text import plotly_text

DEMOTEXT = "Demodata – påhittade siffror, ingen verklig kommun"
"""The demo label drawn in every chart of a demo database."""

TITELBREDD = 46
"""Characters per title line: bold 14 px text fits a 390 px phone."""

RUBRIKRAD = 19
"""Height of one line of the heading block (plotly spaces lines 1.3 × the 14 px font), px."""

TITELFARG = "#31333F"
"""Streamlit's text colour: the title reads as the page's headings do."""

VERKTYG_BORT = ["lasso2d", "select2d"]
"""Toolbar buttons no chart here uses: a selection is made by clicking."""


def plotly_konfig(filnamn: str) -> dict[str, Any]:
    """The config for `st.plotly_chart`: Swedish toolbar, months and numbers, and a PNG
    named `filnamn` (without `.png`) at twice the screen's resolution, sharp in print."""
    return {
        "displaylogo": False,
        "modeBarButtonsToRemove": VERKTYG_BORT,
        "locale": "sv",
        "locales": {"sv": SV},
        "toImageButtonOptions": {"format": "png", "filename": filnamn, "scale": 2},
    }


def bildnamn(namn: str, params: Mapping[str, object]) -> str:
    """`belaggning_karta_2017-01-01_2017-12-31`: the chart and its period or date, in ASCII
    letters, digits, `_` and `-` only, so any file system and mail program keeps it."""
    delar = [namn, *(str(params[p]) for p in ("fran", "till", "datum") if params.get(p))]
    ascii_text = unicodedata.normalize("NFKD", "_".join(delar)).encode("ascii", "ignore")
    return re.sub(r"[^A-Za-z0-9_-]+", "_", ascii_text.decode()).strip("_") or "diagram"


def periodtext(params: Mapping[str, object]) -> str:
    """The period the chart shows (`1 jan 2017–31 dec 2017`) or its date (`30 jan 2017`)."""
    fran, till, datum = params.get("fran"), params.get("till"), params.get("datum")
    if isinstance(fran, date) and isinstance(till, date):
        return f"{fmt_datum(fran)}–{fmt_datum(till)}"
    return fmt_datum(datum) if isinstance(datum, date) else ""


def bildrubrik(fig: go.Figure, titel: str, *, period: str, demo: bool) -> go.Figure:
    """Draw `titel` (plain text, escaped here), the period and the demo label above the plot,
    before any note from `charts.base.notering`, and make room for them.

    The period is left out of the second line when the title already says it.
    """
    # the period stays on one line (textwrap breaks only at ASCII spaces)
    hel = plotly_text(titel.replace(period, period.replace(" ", "\u00a0")) if period else titel)
    rader = [
        f'<span style="font-size:14px;color:{TITELFARG}"><b>{rad}</b></span>'
        for rad in textwrap.wrap(hel, TITELBREDD, break_long_words=False, break_on_hyphens=False)
    ]
    undertitel = [t for t in (period if period not in titel else "", DEMOTEXT if demo else "") if t]
    if undertitel:
        rader.append(_liten(" · ".join(undertitel)))
    notrader = (fig.layout.title.text or "").split("<br>") if fig.layout.title.text else []
    tillagg = RUBRIKRAD * len(rader) + (RUBRIKRAD - RADHOJD) * len(notrader)
    if not notrader:
        tillagg += 8
    return titelblock(
        fig, "<br>".join(rader + [_liten(rad) for rad in notrader]), tillagg, storlek=14
    )


def _liten(text: str) -> str:
    # Streamlit's theme wraps the whole title in <b>: the lines under the title say normal
    return f'<span style="font-size:12px;font-weight:normal">{text}</span>'
