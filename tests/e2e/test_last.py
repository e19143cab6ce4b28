"""A bounded load test on loopback: 20 browser sessions for 60 s while an import replaces the
database twice. No session may see an error, the server must keep answering its health
check, and the page times and the server's memory are reported.

Bounded in count (20 sessions) and time (60 s of load); every request goes to 127.0.0.1.
"""

from __future__ import annotations

import asyncio
import os
import statistics
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

import pytest
from playwright.async_api import Page, async_playwright

from tests.helpers.webblasare import CHROMIUM, CHROMIUM_ARGS, ROT, streamlit_process

# a suite of its own (`-m last`): `./ekb check` runs it after the rest, alone on the machine
pytestmark = [pytest.mark.e2e, pytest.mark.last]

SESSIONER = 20
FRYST_S = 30.0
"""A server that does not answer its health check for this long counts as frozen: two
busy cores make it slow under twenty browsers, a deadlock makes it silent for good."""
LASTTID_S = 60.0
SIDOR = ["", "alder_och_kon", "belaggning", "kommunoverskridande", "ekonomi", "data"]


def rss_mb(pid: int) -> float:
    for rad in Path(f"/proc/{pid}/status").read_text().splitlines():
        if rad.startswith("VmRSS:"):
            return int(rad.split()[1]) / 1024
    raise AssertionError("no VmRSS")


async def klar(page: Page) -> None:
    await page.wait_for_selector('[data-testid="stApp"]')
    await page.wait_for_selector("h1", timeout=180_000)
    for _ in range(2):
        await page.wait_for_timeout(300)
        await page.wait_for_selector(
            '[data-testid="stStatusWidget"]', state="detached", timeout=180_000
        )


async def session(url: str, browser, nr: int, slut: float, tider: list, fel: list) -> None:
    context = await browser.new_context(locale="sv-SE", viewport={"width": 1280, "height": 900})
    page = await context.new_page()
    # two cores, twenty Chromium tabs and a server: waiting is expected, an error is not
    page.set_default_timeout(180_000)
    page.on("pageerror", lambda e: fel.append(f"session {nr}: {e}"))
    i = nr
    while time.monotonic() < slut:
        stig = SIDOR[i % len(SIDOR)]
        start = time.monotonic()
        await page.goto(f"{url}/{stig}", wait_until="commit")
        await klar(page)
        tider.append(time.monotonic() - start)
        if await page.locator('[data-testid="stException"]').count():
            fel.append(f"session {nr}: exception on /{stig}")
        if await page.get_by_text("Något oväntat gick fel").count():
            fel.append(f"session {nr}: unexpected-fault message on /{stig}")
        i += 1
    await context.close()


async def last(url: str, slut: float, tider: list, fel: list) -> None:
    async with async_playwright() as p:
        browser = await p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        await asyncio.gather(
            *(session(url, browser, nr, slut, tider, fel) for nr in range(SESSIONER))
        )
        await browser.close()


def fraga_halsa(url: str, grans_s: float) -> float:
    """Seconds until the health endpoint answers, or infinity when it does not within `grans_s`."""
    start = time.monotonic()
    try:
        with urllib.request.urlopen(f"{url}/_stcore/health", timeout=grans_s) as svar:  # noqa: S310
            svar.read()
    except OSError:
        return float("inf")
    return time.monotonic() - start


def halsa(url: str, slut: float, svarstider: list[float]) -> None:
    """Ask the health endpoint every second; a frozen server never answers again."""
    while time.monotonic() < slut:
        svarstider.append(fraga_halsa(url, FRYST_S))
        time.sleep(1)


def test_tjugo_sessioner_under_import(
    e2e_db: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    tmp = tmp_path_factory.mktemp("last")
    db = tmp / "ekb.duckdb"
    db.write_bytes(e2e_db.read_bytes())
    export = tmp / "export"
    subprocess.run([sys.executable, "-m", "data.demo", "--out", str(export)], cwd=ROT, check=True)
    with streamlit_process(db, tmp / "streamlit.log") as (url, process):
        pid = process.pid
        fore_mb = rss_mb(pid)
        slut = time.monotonic() + LASTTID_S
        tider: list[float] = []
        fel: list[str] = []
        svarstider: list[float] = []
        vakt = threading.Thread(target=halsa, args=(url, slut, svarstider))
        vakt.start()
        importer = []
        for vanta in (15, 25):  # two imports replace the file while the sessions read it
            importer.append(
                threading.Timer(
                    vanta,
                    lambda: subprocess.run(
                        [sys.executable, "-m", "ingest", str(export), "--db", str(db)]
                        + ["--uttagsdatum", "2019-12-31", "--demo"],
                        cwd=ROT,
                        check=True,
                        capture_output=True,
                        env={**os.environ},
                    ),
                )
            )
        for t in importer:
            t.start()
        asyncio.run(last(url, slut, tider, fel))
        vakt.join()
        for t in importer:
            t.join()
        efter_mb = rss_mb(pid)
        efterat = fraga_halsa(url, 5.0)
    p95 = statistics.quantiles(tider, n=20)[-1]
    print(
        f"\nlast: {SESSIONER} sessioner, {len(tider)} sidvisningar på {LASTTID_S:.0f} s; "
        f"sidtid median {statistics.median(tider):.2f} s, p95 {p95:.2f} s, max {max(tider):.2f} s; "
        f"hälsokontroll max {max(svarstider):.2f} s; serverminne {fore_mb:.0f} → {efter_mb:.0f} MB"
    )
    assert fel == []
    assert len(tider) >= SESSIONER  # every session finished at least one view
    assert max(svarstider) < FRYST_S  # the server never stopped answering
    assert efterat < 2.0  # and it is quick again once the load is over
