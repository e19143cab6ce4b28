"""Every page's time until its charts are drawn in headless Chromium, against the framework floor.

A view is drawn when Streamlit's script is not running (`data-test-script-state`), the page
has its title, every plotly chart has drawn its `.main-svg`, and that has held for `TYST_MS`
(a rerun or a late chart resets it). The time is the browser's own `performance.now()` at
that moment, from the start of the navigation. Three ways to arrive, as a user does: a first
visit (a fresh browser context), a new tab in that context, and a reload of that tab. The
server's CPU time per view is read from /proc before and after. The trivial app
`bench/golv.py` is timed the same way in the same run, interleaved with the pages, so that
the machine's load weighs on both alike. The bytes the server sends over the websocket per
view are counted too (every frame Chromium receives): what the browser must decode and draw.
"""

from __future__ import annotations

import os
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from playwright.sync_api import Browser, Page

from bench.matning import sammanfatta

SATT = ("forsta_besok", "ny_flik", "omladdning")
TYST_MS = 500
GRANS_S = 300
GOLV = "golv"
RITAD_JS = """
([tyst]) => {
  const app = document.querySelector('[data-test-script-state]');
  const diagram = [...document.querySelectorAll('[data-testid="stPlotlyChart"]')];
  const klar = app !== null && app.getAttribute('data-test-script-state') === 'notRunning'
    && document.querySelector('h1') !== null
    && diagram.every((d) => d.querySelector('.main-svg') !== null);
  const nu = performance.now();
  if (!klar) { window.__ekbRitad = null; return false; }
  if (window.__ekbRitad == null) { window.__ekbRitad = nu; }
  return nu - window.__ekbRitad >= tyst ? window.__ekbRitad : false;
}
"""


STARTSIDA = "oversikt"
"""The name `--sida` gives the start page, whose url path is empty."""


def sidor(valda: list[str] | None = None) -> list[str]:
    """The url paths of the pages the default role sees, in menu order ("" = the start page);
    only those named in `valda` (url paths, `STARTSIDA` for the start page) when given."""
    from ui.navigering import BARA_ANALYTIKER, SIDOR

    stigar = [stig for fil, _titel, _ikon, stig in SIDOR if fil not in BARA_ANALYTIKER]
    if valda is None:
        return stigar
    okanda = set(valda) - {stig or STARTSIDA for stig in stigar}
    if okanda:
        raise SystemExit(f"okända sidor: {', '.join(sorted(okanda))}")
    return [stig for stig in stigar if (stig or STARTSIDA) in valda]


def cpu_s(pid: int) -> float:
    """User + system CPU seconds of process `pid` so far (/proc/<pid>/stat, fields 14 and 15)."""
    falt = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(falt[11]) + int(falt[12])) / os.sysconf("SC_CLK_TCK")


def rss_mb(pid: int) -> float:
    for rad in Path(f"/proc/{pid}/status").read_text().splitlines():
        if rad.startswith("VmRSS:"):
            return int(rad.split()[1]) / 1024
    raise RuntimeError(f"ingen VmRSS för process {pid}")


def ritad_ms(sida: Page) -> float:
    """Milliseconds from the navigation's start until the view is drawn; fails on an error."""
    svar = sida.wait_for_function(RITAD_JS, arg=[TYST_MS], polling=50, timeout=GRANS_S * 1000)
    if sida.locator('[data-testid="stException"]').count():
        raise RuntimeError(f"{sida.url}: sidan visar ett fel")
    return float(svar.json_value())


Vy = tuple[float, float, int]
"""One view: (ms until drawn, the server's CPU seconds meanwhile, websocket bytes received)."""


class Websocketbytes:
    """The bytes of every websocket frame a page receives, counted from when it is made."""

    def __init__(self, sida: Page) -> None:
        self.antal = 0
        sida.on("websocket", lambda ws: ws.on("framereceived", self._ram))

    def _ram(self, data: bytes | str) -> None:
        self.antal += len(data)


def _vy(pid: int, bytes_: Websocketbytes, gor: Callable[[], float]) -> Vy:
    """One view: its drawn time, the server's CPU seconds and the websocket bytes meanwhile."""
    fore, fore_bytes = cpu_s(pid), bytes_.antal
    ms = gor()
    return ms, cpu_s(pid) - fore, bytes_.antal - fore_bytes


def _besok(sida: Page, url: str) -> float:
    sida.goto(url, wait_until="commit")
    return ritad_ms(sida)


def _omladdning(sida: Page) -> float:
    sida.reload(wait_until="commit")
    return ritad_ms(sida)


def en_runda(browser: Browser, url: str, pid: int) -> dict[str, Vy]:
    """A first visit, a new tab and a reload of one page: (ms, server CPU s, bytes) for each."""
    kontext = browser.new_context(locale="sv-SE", viewport={"width": 1280, "height": 900})
    try:
        forsta_sida = kontext.new_page()
        forsta = _vy(pid, Websocketbytes(forsta_sida), lambda: _besok(forsta_sida, url))
        flik = kontext.new_page()
        flikbytes = Websocketbytes(flik)
        ny = _vy(pid, flikbytes, lambda: _besok(flik, url))
        om = _vy(pid, flikbytes, lambda: _omladdning(flik))
    finally:
        kontext.close()
    return {"forsta_besok": forsta, "ny_flik": ny, "omladdning": om}


def _sammanfatta(matt: list[dict[str, Vy]]) -> dict[str, dict[str, float]]:
    ut = {}
    for satt in SATT:
        ms = [m[satt][0] for m in matt]
        cpu = [m[satt][1] * 1000 for m in matt]
        kb = [m[satt][2] / 1024 for m in matt]
        ut[satt] = {
            **sammanfatta(ms),
            "server_cpu_ms_median": statistics.median(cpu),
            "websocket_kb_median": statistics.median(kb),
        }
    return ut


def mat_sidor(
    browser: Browser,
    app: tuple[str, int],
    golv: tuple[str, int],
    runs: int,
    valda: list[str] | None = None,
) -> dict[str, Any]:
    """Per page and the floor: median and p95 ms, server CPU and websocket bytes of each way
    to arrive, and each page's ratio of medians to the floor's. `app` and `golv` are
    (base URL, server pid); `valda` limits the pages (see `sidor`)."""
    stigar = sidor(valda)
    matt: dict[str, list[dict[str, Vy]]] = {GOLV: [], **{s: [] for s in stigar}}
    for runda in range(runs):
        matt[GOLV].append(en_runda(browser, golv[0], golv[1]))
        for stig in stigar:
            matt[stig].append(en_runda(browser, f"{app[0]}/{stig}", app[1]))
        # a county run takes many minutes on a busy machine: say how far it has come
        print(f"sidor: runda {runda + 1} av {runs} klar", file=sys.stderr, flush=True)
    tider = {namn: _sammanfatta(m) for namn, m in matt.items()}
    kvoter = {
        stig: {s: tider[stig][s]["median_ms"] / tider[GOLV][s]["median_ms"] for s in SATT}
        for stig in stigar
    }
    return {"tider": tider, "kvot_mot_golv": kvoter, "runs": runs}


def minne_efter_sessioner(browser: Browser, url: str, pid: int, antal: int) -> dict[str, float]:
    """The server's RSS before, with `antal` open sessions (one context each, pages in turn,
    each drawn), and a few seconds after they closed."""
    fore = rss_mb(pid)
    stigar, kontexter = sidor(), []
    try:
        for i in range(antal):
            kontext = browser.new_context(locale="sv-SE", viewport={"width": 1280, "height": 900})
            kontexter.append(kontext)
            _besok(kontext.new_page(), f"{url}/{stigar[i % len(stigar)]}")
        med = rss_mb(pid)
    finally:
        for kontext in kontexter:
            kontext.close()
    time.sleep(5)
    return {"sessioner": antal, "fore_mb": fore, "med_sessioner_mb": med, "efter_mb": rss_mb(pid)}


def kor_sidor(
    db: Path, tmp: Path, runs: int, sessioner: int, valda: list[str] | None = None
) -> dict[str, Any]:
    """Serve the dashboard on `db` and the floor app, time every page (or those in `valda`),
    then the sessions' memory (not with `sessioner` 0); the caches and their bounds as the
    code declares them."""
    from playwright.sync_api import sync_playwright

    from bench.cacher import cacher
    from bench.webblasare import CHROMIUM, CHROMIUM_ARGS, streamlit_process

    with (
        streamlit_process(db, tmp / "app.log") as (url, app),
        streamlit_process(db, tmp / "golv.log", "bench/golv.py") as (golv_url, golv),
        sync_playwright() as p,
    ):
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            res = mat_sidor(browser, (url, app.pid), (golv_url, golv.pid), runs, valda)
            if sessioner:
                res["minne"] = minne_efter_sessioner(browser, url, app.pid, sessioner)
        finally:
            browser.close()
    res["cacher"] = cacher()
    return res
