"""The dashboard on a 390 × 844 phone screen, measured in a real browser (no screenshots):
no page scrolls sideways, tiles and charts stay inside the screen, no chart toolbar covers
a legend, the heat map gives way to its table, and the button that opens the collapsed
sidebar says "Filter".
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Locator, Page, expect

from tests.helpers.tillganglighet import vanta_ritad
from ui.navigering import SIDOR

pytestmark = pytest.mark.e2e
expect.set_options(timeout=45_000)

BREDD = 390
STIGAR = [stig for _fil, _titel, _ikon, stig in SIDOR]
Ruta = dict[str, float]


@pytest.fixture
def telefon(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(
        locale="sv-SE", viewport={"width": BREDD, "height": 844}, has_touch=True
    )
    page = context.new_page()
    page.set_default_timeout(60_000)
    yield page
    context.close()


def _overlappar(a: Ruta, b: Ruta) -> bool:
    return (
        a["x"] < b["x"] + b["width"]
        and b["x"] < a["x"] + a["width"]
        and a["y"] < b["y"] + b["height"]
        and b["y"] < a["y"] + a["height"]
    )


def _ruta(lokator: Locator) -> Ruta:
    ruta = lokator.bounding_box()
    assert ruta is not None
    return {"x": ruta["x"], "y": ruta["y"], "width": ruta["width"], "height": ruta["height"]}


def _utanfor(ruta: Ruta) -> bool:
    return ruta["x"] < 0 or ruta["x"] + ruta["width"] > BREDD + 0.5


@pytest.mark.parametrize("stig", STIGAR)
def test_sidan_ryms_i_bredden(server: str, telefon: Page, stig: str) -> None:
    telefon.goto(f"{server}/{stig}")
    vanta_ritad(telefon)
    # neither the document nor Streamlit's own scrolling main area is wider than the screen
    bredder = telefon.evaluate(
        """() => [document.documentElement, document.querySelector('[data-testid="stMain"]')]
            .map(e => e.scrollWidth)"""
    )
    assert bredder == [BREDD, BREDD]
    synliga = telefon.locator(
        '[data-testid="stMetric"]:visible, [data-testid="stPlotlyChart"]:visible'
    ).all()
    assert [_ruta(e) for e in synliga if _utanfor(_ruta(e))] == []


@pytest.mark.parametrize(
    "stig", [s for s in STIGAR if s not in ("", "data", "export", "importera")]
)
def test_verktygsfaltet_tacker_ingen_teckenforklaring(
    server: str, telefon: Page, stig: str
) -> None:
    telefon.goto(f"{server}/{stig}")
    vanta_ritad(telefon)
    diagram = telefon.locator('[data-testid="stPlotlyChart"]:visible').all()
    assert diagram
    krockar = []
    for nr, figur in enumerate(diagram):
        figur.scroll_into_view_if_needed()
        figur.hover(position={"x": 40, "y": 40})
        verktyg = figur.locator(".modebar")
        expect(verktyg).to_be_visible()
        rutor = [_ruta(verktyg)] + [
            _ruta(t) for t in telefon.locator('[data-testid="stElementToolbar"]:visible').all()
        ]
        for legend in figur.locator(".legend").all():
            krockar += [(nr, r) for r in rutor if _overlappar(_ruta(legend), r)]
    assert krockar == []


def test_varmekartan_blir_tabell_pa_telefonen(server: str, telefon: Page) -> None:
    telefon.goto(f"{server}/belaggning")
    vanta_ritad(telefon)
    karta = telefon.get_by_role(
        "figure", name=re.compile("Beläggning per enhet och månad"), include_hidden=True
    )
    expect(karta).to_have_count(1)
    expect(karta).to_be_hidden()
    rubrik = telefon.get_by_role("heading", name=re.compile("Beläggning per enhet och månad"))
    # the table that takes the map's place, in the same tab (the chart's own "Diagram" tab)
    ersattning = telefon.get_by_text(
        "Diagrammet är för tätt för en smal skärm; här är dess tabell."
    )
    expect(ersattning).to_be_visible()
    assert _ruta(ersattning)["y"] > _ruta(rubrik)["y"]
    tabell = telefon.locator('[data-testid="stDataFrame"]:visible')
    expect(tabell).to_have_count(1)
    assert not _utanfor(_ruta(tabell))


def test_knappen_som_oppnar_filtren_heter_filter(server: str, telefon: Page) -> None:
    telefon.goto(server)
    vanta_ritad(telefon)
    knapp = telefon.locator('[data-testid="stExpandSidebarButton"]')
    expect(knapp).to_be_visible()
    # the word is drawn by the stylesheet after the icon: read it as the browser renders it
    synlig = knapp.evaluate("k => getComputedStyle(k, '::after').content")
    assert synlig == '"Filter"'
    # its accessible name begins with the visible word (WCAG 2.5.3), in a page marked Swedish
    expect(telefon.locator("html")).to_have_attribute("lang", "sv")
    expect(telefon.get_by_role("button", name=re.compile(r"^Filter\b"))).to_have_count(1)
    assert _ruta(knapp)["width"] > 60  # the icon alone is 32 px wide: there is room for the word
    sidopanel = telefon.locator('[data-testid="stSidebar"]')
    expect(sidopanel).to_have_attribute("data-collapsed", "true")
    knapp.click()
    expect(sidopanel).to_have_attribute("data-collapsed", "false")
    expect(
        telefon.locator('[data-testid="stSidebar"]').get_by_text("Perspektivkommun")
    ).to_be_visible()
