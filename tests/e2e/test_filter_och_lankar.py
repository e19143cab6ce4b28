"""Links, filters and the network in a real browser: a direct link to any page works on a
fresh server, an emptied date field never breaks a page, dates live in the URL, and the
browser asks no other host for anything.
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlparse

import pytest
from playwright.sync_api import Browser, Locator, Page, expect

from tests.helpers.webblasare import SIDOR, streamlit_server, vanta_klar

pytestmark = pytest.mark.e2e
expect.set_options(timeout=45_000)


@pytest.mark.parametrize("stig", [s for s in SIDOR if s])
def test_direktlank_till_sidan_fungerar_pa_ny_server(
    stig: str, e2e_db: Path, browser: Browser, tmp_path: Path
) -> None:
    # a fresh server per page: the first request it ever gets is the deep link itself
    with streamlit_server(e2e_db, tmp_path / "streamlit.log") as url:
        context = browser.new_context(locale="sv-SE", viewport={"width": 1400, "height": 1800})
        sida = context.new_page()
        sida.goto(f"{url}/{stig}?boendeform=HVB&kommun=0182")
        expect(sida.get_by_role("heading", name=SIDOR[stig], exact=True)).to_be_visible()
        vanta_klar(sida)
        falt = sida.locator('[data-testid="stSidebar"] [data-testid="stMultiSelect"]').filter(
            has_text="Boendeform"
        )
        expect(falt).to_contain_text("HVB")
        expect(sida).to_have_url(re.compile(rf"/{stig}\?.*boendeform=HVB"))
        assert sida.locator('[data-testid="stException"]').count() == 0
        context.close()


def datumfalt(sida: Page, etikett: str) -> Locator:
    """The date field (Streamlit 1.67: a segmented year-month-day field) under `etikett`."""
    return sida.locator('[data-testid="stSidebar"] [data-testid="stDateInput"]').filter(
        has_text=etikett
    )


def skriv_datum(sida: Page, etikett: str, text: str) -> None:
    falt = datumfalt(sida, etikett)
    falt.locator('[data-type="year"]').click()
    sida.keyboard.type(text.replace("-", ""))
    lamna_falt(sida)


def lamna_falt(sida: Page) -> None:
    """Click an empty spot of the sidebar: Streamlit commits a typed date when focus leaves."""
    sida.locator('[data-testid="stSidebar"]').click(position={"x": 8, "y": 8})


@pytest.mark.parametrize("etikett", ["Från", "Till", "Rapportdatum"])
def test_tomt_datumfalt_ger_inget_fel(server: str, sida: Page, etikett: str) -> None:
    fel: list[str] = []
    sida.on("pageerror", lambda e: fel.append(str(e)))
    sida.goto(f"{server}/alder_och_kon")
    vanta_klar(sida)
    falt = datumfalt(sida, etikett)
    fore = re.sub(r"\D", "", falt.locator('[role="group"]').inner_text())
    assert len(fore) == 8
    falt.locator('[data-type="day"]').click()
    for _ in range(12):  # empties day, month and year, segment by segment
        sida.keyboard.press("Backspace")
    sida.keyboard.press("Escape")
    lamna_falt(sida)
    vanta_klar(sida)
    # Streamlit 1.67 puts the last valid date back when an emptied field loses focus
    expect(falt.locator('[role="group"]')).to_have_text(re.compile(r"\D*".join(fore)))
    assert sida.locator('[data-testid="stException"]').count() == 0
    assert sida.get_by_text("Ask Google").count() == 0
    # the page still works: another filter change after the emptied field
    kon = sida.locator('[data-testid="stSidebar"] [data-testid="stMultiSelect"]').filter(
        has_text="Kön"
    )
    kon.locator("input").click()
    sida.get_by_role("option", name="Flickor/kvinnor", exact=True).click()
    sida.keyboard.press("Escape")
    vanta_klar(sida)
    expect(sida.get_by_role("heading", name="Ålder och kön", exact=True)).to_be_visible()
    assert sida.locator('[data-testid="stException"]').count() == 0
    assert fel == []


def test_rapportdatum_i_url_och_efter_omladdning(server: str, sida: Page) -> None:
    sida.goto(f"{server}/kommunoverskridande")
    vanta_klar(sida)
    skriv_datum(sida, "Rapportdatum", "2017-01-30")
    expect(sida).to_have_url(re.compile(r"[?&]datum=2017-01-30"))
    vanta_klar(sida)
    expect(sida.get_by_text("den 30 jan 2017", exact=False).first).to_be_visible()
    sida.reload()
    vanta_klar(sida)
    expect(datumfalt(sida, "Rapportdatum").locator('[role="group"]')).to_have_text(
        re.compile(r"2017\D*01\D*30")
    )


@pytest.mark.parametrize("stig", list(SIDOR))
def test_inga_anrop_till_andra_vardar(server: str, sida: Page, stig: str) -> None:
    vardar: set[str] = set()
    sida.on("request", lambda r: vardar.add(urlparse(r.url).netloc or r.url.split(":")[0]))
    sida.goto(f"{server}/{stig}")
    vanta_klar(sida)
    sida.wait_for_timeout(1500)
    egen = urlparse(server).netloc
    # data: URLs (the emoji favicon) have no host and stay in the browser
    assert vardar - {egen, "data"} == set()


def test_prognosmetoden_fran_lanken(server: str, sida: Page) -> None:
    sida.goto(f"{server}/ekonomi?prognos=Taktmetoden&datum=2019-06-30")
    vanta_klar(sida)
    expect(sida.get_by_role("radio", name="Taktmetoden")).to_be_checked()
    expect(
        sida.get_by_text("Prognosmetod: utfall hittills / förflutna månader", exact=False)
    ).to_be_visible()
    expect(sida).to_have_url(re.compile(r"[?&]prognos=Taktmetoden"))
