"""axe-core (WCAG 2.0/2.1 A and AA) on every page, in every view, in a real browser: no
serious or critical violation anywhere, on the demo database.

Every page of the menu (`ui.navigering.SIDOR`) is opened in the analyst's view, in the committee's protected view (a server started without
EKB_LOKAL_ANALYTIKER) and in presentation mode (`?visning=presentation`). Each is checked
three times, as a reader would see it: as it opens (charts drawn, every expander opened),
with every chart's "Tabell" tab shown (the tables) and with every "Definition" tab shown.

No rule is disabled and no element excluded. What axe cannot see: the cells of
`st.dataframe` are drawn on a canvas (its text is the theme's `textColor`, checked by hand
in docs/tillganglighet.md), and the text inside plotly's SVG (checked as chart colours).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.helpers.tillganglighet import (
    allvarliga_fynd,
    oppna_expanderingar,
    vanta_ritad,
    visa_flikar,
)
from tests.helpers.webblasare import streamlit_server
from ui.navigering import BARA_ANALYTIKER, INTE_I_PRESENTATION, SIDOR

pytestmark = pytest.mark.e2e
expect.set_options(timeout=45_000)

STIGAR = [stig for _fil, _titel, _ikon, stig in SIDOR]
SKYDDADE_STIGAR = [stig for fil, _titel, _ikon, stig in SIDOR if fil not in BARA_ANALYTIKER]
PRESENTATIONSSTIGAR = [
    stig for fil, _titel, _ikon, stig in SIDOR if fil not in BARA_ANALYTIKER | INTE_I_PRESENTATION
]
"""Pages of the presentation menu (Export and Importera are not on the projector)."""
"""The protected views' menu: the import page is the analyst's only."""
RUBRIK = {stig: titel for _fil, titel, _ikon, stig in SIDOR}


@pytest.fixture(scope="module")
def namnd_server(e2e_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The demo database as everyone without a role sees it: the protected `namnd` view."""
    analytiker = os.environ.pop("EKB_LOKAL_ANALYTIKER", None)
    try:
        logg = tmp_path_factory.mktemp("namnd_axe") / "streamlit.log"
        with streamlit_server(e2e_db, logg) as url:
            yield url
    finally:
        if analytiker is not None:
            os.environ["EKB_LOKAL_ANALYTIKER"] = analytiker


def granska_sidan(sida: Page, url: str, vy: str) -> list[str]:
    """Open the page, draw everything a reader can open, and collect axe's findings."""
    sida.goto(url)
    vanta_ritad(sida)
    oppna_expanderingar(sida)
    vanta_ritad(sida)
    fynd = allvarliga_fynd(sida, f"{vy}, som sidan öppnas")
    for flik in ("Tabell", "Definition"):
        antal = visa_flikar(sida, flik)
        if antal:
            fynd += allvarliga_fynd(sida, f"{vy}, fliken {flik} ×{antal}")
    return fynd


def _kontrollera(sida: Page, url: str, vy: str, stig: str) -> None:
    fynd = granska_sidan(sida, url, vy)
    expect(sida.get_by_role("heading", name=RUBRIK[stig], exact=True)).to_be_visible()
    assert fynd == [], "\n".join(fynd)


@pytest.mark.parametrize("stig", STIGAR)
def test_analytikerns_vy_utan_allvarliga_fynd(server: str, sida: Page, stig: str) -> None:
    _kontrollera(sida, f"{server}/{stig}", "analytiker", stig)


@pytest.mark.parametrize("stig", PRESENTATIONSSTIGAR)
def test_presentationslaget_utan_allvarliga_fynd(server: str, sida: Page, stig: str) -> None:
    _kontrollera(sida, f"{server}/{stig}?visning=presentation", "presentation", stig)


@pytest.mark.parametrize("stig", SKYDDADE_STIGAR)
def test_skyddade_vyn_utan_allvarliga_fynd(namnd_server: str, sida: Page, stig: str) -> None:
    _kontrollera(sida, f"{namnd_server}/{stig}", "nämnd", stig)
    expect(sida.get_by_text("Roll: Nämnd (skyddad vy)")).to_be_attached()
