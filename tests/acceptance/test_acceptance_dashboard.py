"""The dashboard on the quirky folder, in headless Chromium, as a new user sees it.

The server runs on a database the demo never produced: Uppsala as perspective,
a unit without contracted places, an EBO placement elsewhere, and a second
database without platser and ekonomi. The figures are the hand computations
of `test_acceptance_exports.py`, over the dashboard's default period
(2024-04-01 to the extraction date 2025-03-20) and reporting date 2025-03-20.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect, sync_playwright

from tests.acceptance.acceptans_cli import REPO, import_folder
from tests.acceptance.kommunexport import write_folder

pytestmark = pytest.mark.e2e

# This suite keeps its own server and browser helpers on purpose, apart from
# tests/helpers/webblasare.py: it was written from the import contract by an independent
# tester, and checks the product without sharing code with the tests written beside it.

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
PAGES = ["", "belaggning", "alder_och_kon", "kommunoverskridande", "ekonomi", "data", "export"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def wait_healthy(url: str, process: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        assert process.poll() is None, "streamlit avslutades"
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as answer:  # noqa: S310
                if answer.read() == b"ok":
                    return
        except OSError:
            time.sleep(0.3)
    raise TimeoutError(url)


def serve(db: Path, log: Path) -> Iterator[str]:
    """Run `streamlit run dashboard.py` on `db` and stop it through its own handle."""
    port = free_port()
    with log.open("wb") as out:
        process = subprocess.Popen(
            [sys.executable, "-m", "streamlit", "run", "dashboard.py"]
            + ["--server.headless", "true", "--server.port", str(port)]
            + ["--server.address", "127.0.0.1", "--server.fileWatcherType", "none"],
            cwd=REPO,
            env={**os.environ, "EKB_DB": str(db)},
            stdout=out,
            stderr=subprocess.STDOUT,
        )
        try:
            url = f"http://127.0.0.1:{port}"
            wait_healthy(url, process)
            yield url
        finally:
            process.terminate()
            process.wait(timeout=20)


@pytest.fixture(scope="module")
def server(acceptance_db: Path) -> Iterator[str]:
    yield from serve(acceptance_db, acceptance_db.with_name("streamlit.log"))


@pytest.fixture(scope="module")
def bare_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    base = tmp_path_factory.mktemp("bare")
    db = base / "ekb.duckdb"
    folder = write_folder(base / "export", with_platser=False, with_ekonomi=False)
    assert import_folder(folder, db).returncode == 0
    yield from serve(db, base / "streamlit.log")


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(locale="sv-SE", viewport={"width": 1400, "height": 2000})
    tab = context.new_page()
    tab.set_default_timeout(60_000)
    yield tab
    context.close()


def open_page(tab: Page, url: str) -> Page:
    """Open `url` and wait until Streamlit's script run has finished."""
    tab.goto(url)
    tab.wait_for_selector('[data-testid="stApp"]')
    # a cold server shows an empty main area first: wait for the page's own heading
    tab.locator('[data-testid="stMain"] h1').first.wait_for()
    for _ in range(2):
        tab.wait_for_timeout(1000)
        expect(tab.locator('[data-testid="stStatusWidget"]')).to_have_count(0, timeout=60_000)
    return tab


def kpi(tab: Page, label: str) -> str:
    tile = tab.locator('[data-testid="stMetric"]').filter(has_text=label).first
    return tile.locator('[data-testid="stMetricValue"]').inner_text().strip().replace("\xa0", " ")


def assert_no_exception(tab: Page) -> None:
    assert tab.locator('[data-testid="stException"]').count() == 0
    assert "Traceback" not in tab.locator('[data-testid="stMain"]').inner_text()


@pytest.mark.parametrize("path", PAGES)
def test_every_page_opens_without_exception(server: str, page: Page, path: str) -> None:
    assert_no_exception(open_page(page, f"{server}/{path}"))


def test_oversikt_figures(server: str, page: Page) -> None:
    open_page(page, server)
    main = page.locator('[data-testid="stMain"]').inner_text()
    assert "Uppsala (0380)" in main  # the perspective: most anvisningar (7 of 9)
    # Uppsala responsible on 03-20: EKB001, 002, 003, 005, 006 and EKB008 (since 03-16) = 6
    assert kpi(page, "I vård nu") == "6"
    # March to the extraction date: (E1 60 + E2 40) / (120 + 60) = 100/180 = 55,6 %
    assert kpi(page, "Beläggning denna månad") == "55,6 %"
    # living in Uppsala on 03-20: EKB001, 002, 003, 007, 008; EKB007 by Stockholm: 1/5
    assert kpi(page, "Placerade här av andra") == "20,0 %"
    # budget to date: -66 666,67 * 2 - 96 666,67 = -230 000,01
    open_page(page, f"{server}/ekonomi")
    assert kpi(page, "Budget hittills i år") == "−230 000 kr"


def test_belaggning_figures(server: str, page: Page) -> None:
    open_page(page, f"{server}/belaggning")
    # 2024-04-01..2025-03-20. E1 places: 320 days * 4 + 14 * 6 + 20 * 6 = 1 484;
    # E2 93 + 84 + 60 = 237; together 1 721. Care: E1 101 + 110 + 65 + 48 = 324, E2 154:
    # 478 / 1 721 = 27,8 %; vacant 1 721 - 478 = 1 243 (no overfull day);
    # cost 1 160 * 2 000 + 83 * 1 000 = 2 403 000 kr.
    assert kpi(page, "Beläggning under perioden") == "27,8 %"
    assert kpi(page, "Lediga platsdygn") == "1 243"
    assert kpi(page, "Kostnad för lediga platser") == "2 403 000 kr"


def test_another_perspective_and_date_from_the_link(server: str, page: Page) -> None:
    open_page(page, f"{server}/kommunoverskridande?datum=2025-03-15&kommun=0381")
    # Enköping on 03-15: EKB005 (Uppsala's) lives in Enköping; EKB008 (Enköping's until the
    # transfer on 03-16) lives in Uppsala. Both in Uppsala län.
    main = page.locator('[data-testid="stMain"]').inner_text()
    assert "Enköping (0381)" in main
    assert kpi(page, "Placerade här av andra kommuner") == "1"
    assert kpi(page, "Våra placerade i andra kommuner") == "1"


def test_alder_och_kon_figures(server: str, page: Page) -> None:
    open_page(page, f"{server}/alder_och_kon?datum=2025-03-15")
    # Uppsala responsible on 03-15: K = EKB002, EKB005; M = EKB001, EKB003; X = EKB006
    assert kpi(page, "I vård") == "5"
    assert kpi(page, "Flickor/kvinnor") == "2"
    assert kpi(page, "Pojkar/män") == "2"
    assert kpi(page, "Okänt") == "1"


@pytest.mark.parametrize("path", PAGES)
def test_without_platser_and_ekonomi(bare_server: str, page: Page, path: str) -> None:
    assert_no_exception(open_page(page, f"{bare_server}/{path}"))
    if path == "":
        assert kpi(page, "I vård nu") == "6"  # as above; persons do not need places


def test_reporting_date_after_extraction_same_count_everywhere(server: str, page: Page) -> None:
    # The date pickers allow any date up to 2099. On 2025-12-31 nobody is in care: ongoing
    # placements are never counted past the extraction date 2025-03-20 (METRICS.md, Time;
    # DATA_CONTRACT.md). Ålder och kön says 0; the overview must not say 6 for the same date.
    open_page(page, f"{server}/alder_och_kon?datum=2025-12-31")
    assert kpi(page, "I vård") == "0"
    open_page(page, f"{server}/?datum=2025-12-31")
    assert "31 dec 2025" in page.locator('[data-testid="stMain"]').inner_text()
    assert kpi(page, "I vård nu") == "0"


def test_same_year_to_date_on_overview_and_ekonomi(server: str, page: Page) -> None:
    # A whole year as the period, reporting date 2025-02-15: "hittills i år" is Jan–Feb 2025
    # on both pages, not through the period's end. Ledger (test_acceptance_exports):
    # Jan -70 000 + Feb -45 000,50 = -115 000,50 -> "−115 001 kr";
    # budget Jan + Feb = -66 666,67 x 2 = -133 333,34 -> "−133 333 kr"
    lank = "?datum=2025-02-15&fran=2025-01-01&till=2025-12-31"
    open_page(page, f"{server}/{lank}")
    assert kpi(page, "Balans hittills i år") == "−115 001 kr"
    open_page(page, f"{server}/ekonomi{lank}")
    assert kpi(page, "Balans hittills i år") == "−115 001 kr"
    assert kpi(page, "Budget hittills i år") == "−133 333 kr"


def test_another_perspective_gets_no_owner_figures(server: str, page: Page) -> None:
    # the data are Uppsala's (most anvisningar); from Enköping (0381) occupancy and money
    # are not Enköping's: no figure under its name (Uppsala's March occupancy is 55,6 %)
    open_page(page, f"{server}/?kommun=0381")
    assert kpi(page, "Beläggning denna månad") == "–"
    assert kpi(page, "Balans hittills i år") == "–"
    main = page.locator('[data-testid="stMain"]').inner_text()
    assert "55,6" not in main
    assert "Finns inte för Enköping (0381)" in main and "Uppsala" in main
