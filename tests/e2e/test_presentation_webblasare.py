"""The presentation mode in a real browser on the demo: no sidebar, no button but the exit,
the generated sentence with the count worked out from the base tables, larger type than the
normal view, and no count of 1–4 written out.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from queries import skydd
from tests.helpers import facit
from tests.helpers.webblasare import vanta_klar

pytestmark = pytest.mark.e2e
expect.set_options(timeout=45_000)

D = date(2017, 6, 30)
SIDA = f"kommunoverskridande?datum={D.isoformat()}"
SMATT = re.compile(r"(?<![\d,−\u00a0-])\b[1-4]\b(?![\d,]|\u00a0\d)")
DATUM = re.compile(r"\b\d{1,2} (januari|juni|dec|jun|mar|jan) \d{4}\b|\b\d{4}-\d\d(-\d\d)?\b")


def textstorlek(sida: Page) -> float:
    """The computed font size (px) of the page's caption "Sett från …"."""
    text = sida.locator('[data-testid="stCaptionContainer"]').filter(has_text="Sett från").first
    storlek: str = text.evaluate("el => getComputedStyle(el).fontSize")
    return float(storlek.removesuffix("px"))


def test_presentationslaget_i_webblasaren(server: str, sida: Page, e2e_db: Path) -> None:
    sida.goto(f"{server}/{SIDA}")
    vanta_klar(sida)
    normal = textstorlek(sida)
    expect(sida.locator('[data-testid="stSidebar"]')).to_be_visible()

    sida.goto(f"{server}/{SIDA}&visning=presentation")
    vanta_klar(sida)
    expect(sida.locator("h3").first).to_be_visible()
    expect(sida.locator('[data-testid="stSidebar"]')).to_be_hidden()
    # the exit, and no other button (the waiting assertions ride out a render in progress)
    expect(sida.get_by_role("button")).to_have_count(1)
    expect(sida.get_by_role("button")).to_have_accessible_name(re.compile("Avsluta presentation"))
    expect(sida.locator(".modebar-container:visible")).to_have_count(0)
    # the type is at least 1.3 times the normal view's (the style sets 1.4)
    assert textstorlek(sida) >= 1.3 * normal

    # living in the demo's Nacka on 30 June 2017: all, and those responsible elsewhere (in
    # and outside the county), counted from the base tables
    bor = facit.bor_i(e2e_db, D, "0182")
    hos_oss = facit.placerade_hos_oss(e2e_db, D, "0182")
    inom = facit.placerade_hos_oss(e2e_db, D, "0182", inom_lanet=True)
    procent = int(100 * hos_oss / bor + 0.5)  # rounded half up, as Swedish reports round
    mening = (
        f"Den 30 juni 2017 bodde {bor} ensamkommande barn och unga i Nacka. {hos_oss} av dem "
        f"({procent}\u00a0%) var anvisade till en annan kommun, {inom} av dessa från "
        "Stockholms län."
    )
    expect(sida.locator("h3").first).to_have_text(re.compile("^" + re.escape(mening)))
    texter = sida.locator(
        '[data-testid="stMain"] :is([data-testid="stMarkdownContainer"], '
        '[data-testid="stMetricValue"], [data-testid="stCaptionContainer"])'
    ).all_inner_texts()
    text = DATUM.sub("", " ".join(texter).replace(skydd.regeltext(), ""))
    assert SMATT.findall(text) == [], text


def test_avsluta_presentation_ger_tillbaka_filtren(server: str, sida: Page) -> None:
    sida.goto(f"{server}/{SIDA}&visning=presentation&kon=K")
    vanta_klar(sida)
    sida.get_by_role("button", name="Avsluta presentation").click()
    vanta_klar(sida)
    expect(sida.locator('[data-testid="stSidebar"]')).to_be_visible()
    expect(sida).not_to_have_url(re.compile("visning="))
    kon = sida.locator('[data-testid="stSidebar"] [data-testid="stMultiSelect"]').filter(
        has_text="Kön"
    )
    expect(kon).to_contain_text("Flickor/kvinnor")
