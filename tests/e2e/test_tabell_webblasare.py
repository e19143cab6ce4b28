"""Table views in the browser: Streamlit's own unescaped CSV download is not offered."""

from __future__ import annotations

from playwright.sync_api import Page, expect


def test_tabellens_verktygsrad_saknar_egen_nedladdning(server: str, sida: Page) -> None:
    sida.goto(f"{server}/data")
    tabell = sida.locator('[data-testid="stDataFrame"]').first
    expect(tabell).to_be_visible(timeout=60_000)
    tabell.hover()
    verktyg = sida.locator('[data-testid="stElementToolbar"]').first
    # the toolbar is there (search, full screen), only the download is gone
    expect(verktyg.get_by_role("button").first).to_be_visible()
    expect(sida.get_by_role("button", name="Download as CSV")).to_have_count(0)
    # the page's own, neutralised downloads are there instead
    expect(sida.get_by_role("button", name="Ladda ner CSV").first).to_be_visible()
