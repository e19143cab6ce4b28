"""The report's charts as SVG: the dashboard's own plotly figures, exported by kaleido.

kaleido drives a headless Chromium; we give it Debian's ``chromium`` (or ``BROWSER_PATH``)
and never let it download a browser. One kaleido server serves every chart of a report,
so Chromium starts once per report (about two seconds), and a lock keeps two reports of
one process from sharing or closing that server under each other.
"""

from __future__ import annotations

import os
import shutil
import threading

import kaleido
import plotly.graph_objects as go

BREDD = 760
"""Px width of a chart: the A4 text width at the report's scale."""

TYPSNITT = "Libertinus Serif"
"""The report's font, embedded in typst: the charts' text is set in it too."""

_LAS = threading.Lock()


class DiagramFel(RuntimeError):
    """No Chromium to draw the charts with."""


def webblasare() -> str:
    """The Chromium kaleido is to use: ``BROWSER_PATH``, else ``chromium`` on the PATH."""
    sokvag = os.environ.get("BROWSER_PATH") or shutil.which("chromium")
    if not sokvag:
        raise DiagramFel(
            "Diagrammen ritas med Chromium, som saknas: installera Debian-paketet chromium "
            "(apt-get install chromium) eller ange sökvägen i BROWSER_PATH."
        )
    return sokvag


def till_svg(figurer: list[go.Figure]) -> list[str]:
    """Each figure as an SVG document, in the report's font and width."""
    if not figurer:
        return []
    with _LAS:
        for forsok in range(1, FORSOK + 1):
            kaleido.start_sync_server(path=webblasare(), mathjax=False, silence_warnings=True)
            try:
                return [_svg(fig) for fig in figurer]
            except Exception as fel:
                # On a busy machine kaleido may ask its page for `kaleido_scopes` before the
                # page's script has run (a JavascriptError); a fresh server then succeeds.
                if type(fel).__name__ != "JavascriptError" or forsok == FORSOK:
                    raise
            finally:
                kaleido.stop_sync_server(silence_warnings=True)
    raise AssertionError("unreachable")


FORSOK = 3
"""Attempts at starting kaleido's page before its error is raised."""


def grova_antalsaxel(fig: go.Figure, axel: str, storst: float, grans: int) -> go.Figure:
    """Ticks on a count axis only at multiples of a round step of at least ``grans``.

    In the masked report a tick label `2` or `4` on an axis of persons reads like a small
    count; steps of 5, 10, 20, 25, 50 … keep every label at 0 or at least the threshold.
    Symmetric when the axis has negative ticks (the age pyramid draws girls leftwards).
    """
    steg = next(s for s in _STEG if s >= grans and storst / s <= 4)
    hel = int(storst // steg) * steg
    negativa = any(v < 0 for v in (getattr(fig.layout, f"{axel}axis").tickvals or ()))
    ticks = list(range(-hel if negativa else 0, hel + 1, steg))
    text = [f"{abs(t):,}".replace(",", "\u00a0") for t in ticks]
    fig.update_layout({f"{axel}axis": {"tickvals": ticks, "ticktext": text}})
    return fig


_STEG = [m * 10**e for e in range(7) for m in (1, 2, 5)]


def _svg(fig: go.Figure) -> str:
    fig = go.Figure(fig)
    fig.update_layout(font_family=TYPSNITT)
    hojd = int(fig.layout.height or 380)
    bild = fig.to_image(format="svg", width=BREDD, height=hojd)
    return bild.decode("utf-8")
