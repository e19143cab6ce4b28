"""Charts in Swedish, a chart's PNG, and a page on paper, in a real headless Chromium.

Printing is checked two ways. In the page itself, laid out as for print at the A4 sheet's
printable width with the page's scripts frozen (a real print does not let Streamlit redraw
the charts at the paper's width: they keep the width they had on screen), the frame and
every control are hidden and every chart fits. And in a PDF printed by Chromium, read back
with poppler: A4, no blank page, no sidebar or buttons, and every chart whole on one sheet
(its heading, title, axis labels and legend all between its heading and the next one).
"""

from __future__ import annotations

import re
import struct
import subprocess
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from tests.helpers.webblasare import vanta_klar

pytestmark = pytest.mark.e2e
expect.set_options(timeout=45_000)

UTSKRIFTSBREDD = (210 - 2 * 12) / 25.4 * 96
"""A4's 210 mm less the stylesheet's two 12 mm margins, at CSS's 96 px an inch: 703.0 px."""

SVENSKA_KNAPPAR = {
    "Ladda ned som PNG",
    "Zooma",
    "Panorera",
    "Zooma in",
    "Zooma ut",
    "Autoskala",
    "Återställ axlarna",
}
ENGELSKA_KNAPPAR = {"Download plot as a PNG", "Zoom", "Pan", "Autoscale", "Reset axes"}


ANTAL_DIAGRAM = {"ekonomi": 5, "belaggning": 3}
"""The charts each page draws with its default filters and nothing clicked (its `diagram(`
calls; Beläggning's chart for chosen units needs a click)."""


def _oppna(sida: Page, server: str, stig: str, fraga: str = "") -> None:
    """Open a page and wait until every one of its charts is drawn."""
    sida.goto(f"{server}/{stig}{fraga}")
    vanta_klar(sida)
    ritade = sida.locator('[data-testid="stPlotlyChart"]:has(.main-svg)')
    expect(ritade).to_have_count(ANTAL_DIAGRAM[stig])


def test_verktygsfaltet_och_manaderna_ar_svenska(server: str, sida: Page) -> None:
    _oppna(sida, server, "belaggning", "?fran=2019-01-01&till=2019-06-30")
    diagram = sida.locator(".stPlotlyChart").first
    diagram.hover()
    knappar = diagram.locator(".modebar-btn")
    titlar = set(knappar.evaluate_all("bs => bs.map(b => b.getAttribute('data-title'))"))
    assert titlar >= SVENSKA_KNAPPAR, titlar
    assert not titlar & ENGELSKA_KNAPPAR, titlar
    # Streamlit's own full-screen button keeps its English title; the tooltip shown is Swedish
    helskarm = diagram.locator('.modebar-btn[data-title="Fullscreen"]')
    assert helskarm.evaluate("b => getComputedStyle(b, '::after').content") == '"Helskärm"'
    # the months January–June 2019 on the x axis, as Swedes abbreviate them
    manader = diagram.locator(".xtick text").all_text_contents()
    assert manader == ["jan 2019", "feb 2019", "mar 2019", "apr 2019", "maj 2019", "jun 2019"]


def test_png_fran_verktygsfaltet_heter_som_diagrammet_och_perioden(server: str, sida: Page) -> None:
    _oppna(sida, server, "ekonomi", "?fran=2019-01-01&till=2019-06-30")
    diagram = sida.locator(".stPlotlyChart").first
    bredd = int(diagram.locator(".main-svg").first.get_attribute("width") or 0)
    diagram.hover()
    with sida.expect_download() as nedladdning:
        diagram.locator('.modebar-btn[data-title="Ladda ned som PNG"]').click()
    assert nedladdning.value.suggested_filename == "ekonomi_ack_2019-01-01_2019-06-30.png"
    png = Path(nedladdning.value.path()).read_bytes()
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    # the IHDR chunk holds width and height; the image is drawn at twice the screen's size
    assert struct.unpack(">I", png[16:20])[0] == 2 * bredd


def test_utskrift_visar_sidan_utan_ram_och_knappar_och_hela_diagram(
    server: str, sida: Page
) -> None:
    _oppna(sida, server, "ekonomi")
    skarm = sida.locator(".js-plotly-plot .main-svg").evaluate_all(
        "s => s.map(e => e.getBoundingClientRect().width)"
    )
    assert max(skarm) > UTSKRIFTSBREDD  # the screen is wider than paper: scaling is needed
    cdp = sida.context.new_cdp_session(sida)
    sida.emulate_media(media="print")
    cdp.send("Emulation.setScriptExecutionDisabled", {"value": True})
    sida.set_viewport_size({"width": round(UTSKRIFTSBREDD), "height": 1100})
    for ram in ("stSidebar", "stHeader", "stToolbar"):
        expect(sida.locator(f'[data-testid="{ram}"]')).to_be_hidden()
    assert sida.locator('[data-testid="stSidebar"]').evaluate(
        "e => getComputedStyle(e).display"
    ) == ("none")
    assert sida.locator("button:visible, input:visible, [role=tab]:visible").count() == 0
    expect(sida.get_by_role("heading", name="Ekonomi", exact=True)).to_be_visible()
    rutor = sida.locator(".js-plotly-plot .main-svg").evaluate_all(
        "s => s.map(e => { const r = e.getBoundingClientRect(); return [r.left, r.right] })"
    )
    assert len(rutor) >= ANTAL_DIAGRAM["ekonomi"]
    for vanster, hoger in rutor:
        assert vanster >= 0 and hoger <= UTSKRIFTSBREDD + 0.5, (vanster, hoger)


def _diagramtexter(sida: Page) -> list[dict[str, Any]]:
    """Per chart on screen: the heading before it, its in-figure title's first line, and the
    texts of its axes and legend (what a cut-off or a split would lose)."""
    return list(
        sida.evaluate(
            """() => {
        const rubriker = [...document.querySelectorAll('[data-testid="stMain"] h4')];
        return [...document.querySelectorAll('.stPlotlyChart')].map(d => {
            const fore = rubriker.filter(
                h => h.compareDocumentPosition(d) & Node.DOCUMENT_POSITION_FOLLOWING);
            const titel = d.querySelector('.gtitle .line');
            const texter = [...d.querySelectorAll('.xtick text, .ytick text, .legendtext')]
                .map(t => t.textContent).filter(t => t.trim());
            return {rubrik: fore.length ? fore[fore.length - 1].textContent : '',
                    titel: titel ? titel.textContent : '', texter};
        });
    }"""
        )
    )


def _ren(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("\u00a0", " ")).strip()


def _pdf_sidor(pdf: Path) -> tuple[str, list[str]]:
    info = subprocess.run(["pdfinfo", pdf], capture_output=True, text=True, check=True).stdout
    antal = int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))  # type: ignore[union-attr]
    sidor = [
        subprocess.run(
            ["pdftotext", "-layout", "-f", str(n), "-l", str(n), pdf, "-"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for n in range(1, antal + 1)
    ]
    return info, [_ren(s) for s in sidor]


@pytest.mark.parametrize("stig", ["ekonomi", "belaggning"])
def test_utskriven_sida_ar_a4_med_hela_diagram_utan_tom_sida(
    server: str, sida: Page, stig: str, tmp_path: Path
) -> None:
    _oppna(sida, server, stig)
    diagram = _diagramtexter(sida)
    assert len(diagram) == ANTAL_DIAGRAM[stig]
    pdf = tmp_path / f"{stig}.pdf"
    sida.pdf(path=str(pdf), format="A4")
    info, sidor = _pdf_sidor(pdf)
    assert "(A4)" in info
    tomma = [n for n, text in enumerate(sidor, 1) if not text]
    assert not tomma, f"tomma sidor {tomma} av {len(sidor)}"
    allt = " ".join(sidor)
    for ram in ("Perspektivkommun", "Ladda ner CSV", "Ladda ner Excel", "Importera data"):
        assert ram not in allt, ram
    rubriker = [_ren(d["rubrik"]) for d in diagram]
    for d, rubrik in zip(diagram, rubriker, strict=True):
        # the heading is on one sheet, and the chart (whose title repeats it) on the same
        sidnr = [n for n, text in enumerate(sidor) if rubrik in text]
        assert len(sidnr) == 1, f"{rubrik!r} på sidorna {[n + 1 for n in sidnr]}"
        nr = sidnr[0]
        # the chart's part of its sheet: from its heading to the next chart's heading there
        text = sidor[nr][sidor[nr].index(rubrik) + len(rubrik) :]
        nasta = [text.index(r) for r in rubriker if r != rubrik and r in text]
        del_ = text[: min(nasta, default=len(text))]
        assert _ren(d["titel"]) and _ren(d["titel"]) in del_, f"{rubrik}: titeln i bilden"
        assert "Demodata – påhittade siffror" in del_, rubrik
        saknas = [t for t in d["texter"] if _ren(t) not in del_]
        assert not saknas, f"{rubrik} (sida {nr + 1} av {len(sidor)}): saknar {saknas}"
