"""The dashboard in a real headless Chromium against a real `streamlit run`.

Every page opens without an exception and draws its charts; a figure from the data is on
screen; a filter change lands in the URL and survives a reload; a downloaded CSV holds
the same numbers as the export CLI.
"""

from __future__ import annotations

import io
import re
import subprocess
import sys
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import polars as pl
import pytest
from playwright.sync_api import Page, expect

from tests.helpers import facit
from tests.helpers.webblasare import SIDOR, vanta_klar
from ui.format import fmt_antal

pytestmark = pytest.mark.e2e
# the machine may be busy (two cores, other suites): wait for the app, not a fixed 5 s
expect.set_options(timeout=45_000)

ROT = Path(__file__).resolve().parents[2]
UTAN_DIAGRAM = {"", "data", "export"}


def kpi(page: Page, etikett: str) -> str:
    tile = page.locator('[data-testid="stMetric"]').filter(has_text=etikett).first
    return tile.locator('[data-testid="stMetricValue"]').inner_text().strip()


@pytest.mark.parametrize("stig", list(SIDOR))
def test_sidan_oppnas_utan_fel_och_ritar_diagram(
    server: str, sida: Page, stig: str, bilder: Path
) -> None:
    sida.goto(f"{server}/{stig}")
    expect(sida.get_by_role("heading", name=SIDOR[stig], exact=True)).to_be_visible()
    if stig not in UTAN_DIAGRAM:
        expect(sida.locator(".js-plotly-plot").first).to_be_visible()
        expect(sida.locator(".js-plotly-plot .main-svg").first).to_be_attached()
    vanta_klar(sida)
    sida.screenshot(path=str(bilder / f"{stig or 'oversikt'}.png"), full_page=True)
    assert sida.locator('[data-testid="stException"]').count() == 0
    expect(sida.get_by_text("Demodata", exact=False).first).to_be_visible()


def test_oversikt_visar_antal_i_vard_fran_datan(server: str, sida: Page, e2e_db: Path) -> None:
    d, kommun = facit.uttagsdatum(e2e_db), facit.perspektivkommun(e2e_db)
    sida.goto(server)
    vanta_klar(sida)
    # persons with an active placement on the extraction date whose latest anvisning is kommun's
    assert kpi(sida, "I vård nu") == fmt_antal(facit.i_vard(e2e_db, d, kommun))


def test_filter_hamnar_i_url_och_overlever_omladdning(server: str, sida: Page) -> None:
    sida.goto(f"{server}/belaggning")
    vanta_klar(sida)
    fore = kpi(sida, "Beläggning under perioden")
    valj_boendeform(sida, "HVB")
    expect(sida).to_have_url(re.compile(r"[?&]boendeform=HVB"))
    vanta_klar(sida)
    efter = kpi(sida, "Beläggning under perioden")
    assert "HVB" in parse_qs(urlparse(sida.url).query)["boendeform"]
    sida.reload()
    vanta_klar(sida)
    assert kpi(sida, "Beläggning under perioden") == efter
    assert "boendeform=HVB" in sida.url
    assert fore != "" and efter != ""
    sida.locator('[data-testid="stSidebarNav"]').get_by_text("Ekonomi", exact=True).click()
    expect(sida.get_by_role("heading", name="Ekonomi", exact=True)).to_be_visible()
    expect(sida).to_have_url(re.compile(r"/ekonomi\?.*boendeform=HVB"))


def valj_boendeform(page: Page, namn: str) -> None:
    falt = page.locator('[data-testid="stSidebar"] [data-testid="stMultiSelect"]').filter(
        has_text="Boendeform"
    )
    falt.locator("input").click()
    page.get_by_role("option", name=namn, exact=True).click()
    page.keyboard.press("Escape")


def test_csv_nedladdning_har_samma_tal_som_export_cli(
    server: str, sida: Page, e2e_db: Path
) -> None:
    # a period other than the default, so that the link carries it (a default is left out)
    fran, till = "2018-03-01", "2018-08-31"
    sida.goto(f"{server}/belaggning?fran={fran}&till={till}")
    vanta_klar(sida)
    expect(sida).to_have_url(re.compile(rf"[?&]fran={fran}"))
    knappar = sida.get_by_role("button", name="Ladda ner CSV")
    expect(knappar).to_have_count(3)
    with sida.expect_download() as nedladdning:
        knappar.first.click()
    assert nedladdning.value.suggested_filename == f"belaggning_boendeform_{fran}_{till}.csv"
    innehall = Path(nedladdning.value.path()).read_bytes()
    assert innehall.startswith("\ufeff".encode())
    # the CLI's csv-excel is the page's download, byte for byte
    assert innehall == export_cli(e2e_db, "belaggning_boendeform", fran, till)
    fran_sidan = pl.read_csv(io.BytesIO(innehall[3:]), separator=";", decimal_comma=True)
    assert fran_sidan.height > 0
    assert "Beläggning (%)" in fran_sidan.columns and "Boendeform (kod)" in fran_sidan.columns


def export_cli(db: Path, figur: str, fran: str, till: str) -> bytes:
    """The figure as `python -m queries export` writes it (the people's CSV on stdout)."""
    kommando = [
        sys.executable,
        "-m",
        "queries",
        "export",
        figur,
        "--db",
        str(db),
        "--from",
        fran,
        "--to",
        till,
        "--format",
        "csv-excel",
    ]
    svar = subprocess.run(kommando, cwd=ROT, capture_output=True, check=True)
    return svar.stdout


def test_klick_pa_stapel_filtrerar_resten_av_sidan(server: str, sida: Page) -> None:
    sida.goto(f"{server}/belaggning")
    vanta_klar(sida)
    # the tallest stack's top segment is the easiest target; a busy machine may still be
    # laying the chart out when the first click lands, so click again if nothing happened
    stapel = (
        sida.locator(".js-plotly-plot")
        .first.locator(".trace.bars")
        .last.locator(".point path")
        .first
    )
    besked = sida.get_by_text("Resten av sidan visar")
    for _ in range(3):
        stapel.click(force=True)
        try:
            expect(besked).to_be_visible(timeout=15_000)
            break
        except AssertionError:
            vanta_klar(sida)
    expect(besked).to_be_visible()
    vanta_klar(sida)
    assert sida.locator('[data-testid="stException"]').count() == 0
