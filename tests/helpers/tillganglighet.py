"""axe-core and the waits the accessibility suites share: a page is checked only when it is
fully drawn, and a finding is reported by rule, impact and the elements it names.
"""

from __future__ import annotations

import re

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page

from tests.helpers.webblasare import vanta_klar

WCAG_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
"""The axe-core rule tags of WCAG 2.0 and 2.1, levels A and AA (what DOS-lagen asks)."""
ALLVARLIGA = {"serious", "critical"}

_axe = Axe()


def vanta_ritad(page: Page) -> None:
    """Wait until the script run is over and every chart and table shown has been drawn
    (one hidden by a closed tab or by the screen width is drawn only when shown)."""
    page.wait_for_selector('[data-testid="stMain"] h1', timeout=60_000)
    vanta_klar(page)
    page.wait_for_function(
        """() => {
            const synliga = sel => [...document.querySelectorAll(sel)]
                .filter(e => e.checkVisibility());
            return document.querySelectorAll('[data-testid="stSkeleton"]').length === 0 &&
                synliga('[data-testid="stPlotlyChart"]').every(d => d.querySelector('.main-svg'))
                && synliga('[data-testid="stDataFrame"]').every(d => d.querySelector('canvas'));
        }""",
        timeout=60_000,
    )


def allvarliga_fynd(page: Page, lage: str) -> list[str]:
    """Every serious or critical WCAG A/AA violation on the page as it is now, one line per
    element: `lage: rule (impact) target`."""
    svar = _axe.run(
        page,
        options={"runOnly": {"type": "tag", "values": WCAG_AA}, "resultTypes": ["violations"]},
    )
    return [
        f"{lage}: {regel['id']} ({nod.get('impact') or regel['impact']}) {nod['target']} "
        f"{(nod.get('failureSummary') or '').splitlines()[-1:]}"
        for regel in svar.response["violations"]
        for nod in regel["nodes"]
        if (nod.get("impact") or regel["impact"]) in ALLVARLIGA
    ]


def oppna_expanderingar(page: Page) -> int:
    """Open every closed expander, as a reader would; returns how many were opened."""
    stangda = page.locator('[data-testid="stExpander"] details:not([open]) > summary').all()
    for rubrik in stangda:
        rubrik.click()
    return len(stangda)


def visa_flikar(page: Page, namn: str) -> int:
    """Click every tab called `namn` (each chart's "Tabell", "Definition"); returns how many."""
    flikar = page.get_by_role("tab", name=namn, exact=True).all()
    for flik in flikar:
        flik.click()
    vanta_ritad(page)
    return len(flikar)


def _rgb(css: str) -> tuple[float, float, float]:
    """`rgb(0, 114, 178)` or `rgba(…)` → the colour's relative luminance parts (WCAG 2.1)."""
    delar = [float(d) for d in re.findall(r"[\d.]+", css)[:3]]
    lin = [
        d / 255 / 12.92 if d / 255 <= 0.04045 else ((d / 255 + 0.055) / 1.055) ** 2.4 for d in delar
    ]
    return lin[0], lin[1], lin[2]


def kontrast(forgrund: str, bakgrund: str) -> float:
    """WCAG contrast ratio of two CSS colours: (L1 + 0.05) / (L2 + 0.05), lighter on top."""
    ljus = sorted(
        (0.2126 * r + 0.7152 * g + 0.0722 * b for r, g, b in (_rgb(forgrund), _rgb(bakgrund))),
        reverse=True,
    )
    return (ljus[0] + 0.05) / (ljus[1] + 0.05)
