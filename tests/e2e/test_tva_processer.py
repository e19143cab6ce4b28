"""Two app processes on one database file while an import replaces it (README "Beyond one
machine"): several `streamlit run` processes behind a proxy share nothing but the read-only
file, so each must keep answering through an import and show the new data afterwards.

Both servers get the same file; Chromium keeps a page open on each and reloads them while
`python -m ingest` builds and swaps in a second import from another folder with another
extraction date. The figures asserted are worked out from the two folders' own names and
extraction dates, not from the app.
"""

from __future__ import annotations

import subprocess
import sys
import threading
import time
import urllib.request
from contextlib import ExitStack
from datetime import date, timedelta
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from charts.format import fmt_datum
from data.demo import UTTAGSDATUM, generate
from ingest import run_import
from tests.helpers.webblasare import ROT, streamlit_server, vanta_klar

pytestmark = pytest.mark.e2e

FORSTA = UTTAGSDATUM
ANDRA = UTTAGSDATUM + timedelta(days=30)
"""The second import's extraction date, so that the overview's "uttagsdatum" (and every
figure of care up to it) shows which import a page reads."""


def _halsa(url: str) -> bool:
    try:
        with urllib.request.urlopen(f"{url}/_stcore/health", timeout=5) as svar:  # noqa: S310
            return bool(svar.read() == b"ok")
    except OSError:
        return False


def _inga_fel(sida: Page) -> None:
    expect(sida.locator('[data-testid="stException"]')).to_have_count(0)
    expect(sida.get_by_text("Något oväntat gick fel")).to_have_count(0)
    expect(sida.get_by_text("går inte att läsa som en EKB-databas")).to_have_count(0)


def _visar(sida: Page, uttag: date, mapp: str) -> None:
    # two busy cores and two servers: the overview's last section may come a while after
    # the status widget has gone
    # the "Inläst data" line (the first screen's line also says "importerad")
    inlast = sida.locator("p").filter(has_text="importerad").filter(has_text="Data från")
    expect(inlast).to_contain_text(f"uttagsdatum {fmt_datum(uttag)}", timeout=60_000)
    expect(inlast).to_contain_text(mapp)


def test_tva_processer_svarar_medan_en_import_ersatter_filen(tmp_path: Path, sida: Page) -> None:
    forsta, andra = tmp_path / "exportforsta", tmp_path / "exportandra"
    generate(forsta, seed=2017)
    generate(andra, seed=2017)
    db = tmp_path / "ekb.duckdb"
    run_import(forsta, db, uttagsdatum=FORSTA, demo=True)
    with ExitStack() as stack:
        urls = [
            stack.enter_context(streamlit_server(db, tmp_path / f"streamlit{n}.log"))
            for n in (1, 2)
        ]
        sidor = [sida, sida.context.new_page()]
        for s, url in zip(sidor, urls, strict=True):
            s.goto(url)
            vanta_klar(s)
            _visar(s, FORSTA, forsta.name)

        tystnad: list[str] = []
        klar = threading.Event()

        def vakta() -> None:  # every 0.2 s both servers must answer their health check
            while not klar.is_set():
                tystnad.extend(url for url in urls if not _halsa(url))
                time.sleep(0.2)

        vakt = threading.Thread(target=vakta)
        vakt.start()
        kommando = [sys.executable, "-m", "ingest", str(andra), "--db", str(db), "--demo",
                    "--uttagsdatum", ANDRA.isoformat()]  # fmt: skip
        importen = subprocess.Popen(
            kommando, cwd=ROT, stdout=subprocess.PIPE, stderr=subprocess.PIPE
        )
        laddningar = 0
        try:
            while importen.poll() is None:  # real page loads on both while the file is swapped
                for s in sidor:
                    s.reload()
                    vanta_klar(s)
                    _inga_fel(s)
                    laddningar += 1
        finally:
            klar.set()
            vakt.join()
        ut, fel = importen.communicate()
        assert importen.returncode == 0, fel.decode()
        assert "Import 2 klar" in ut.decode()

        for s in sidor:  # reruns of the open session, then a fresh one: both read import 2
            for lank in ("Data", "Översikt"):
                s.get_by_role("link", name=lank, exact=True).first.click()
                vanta_klar(s)
            _inga_fel(s)
            _visar(s, ANDRA, andra.name)
            s.reload()
            vanta_klar(s)
            _visar(s, ANDRA, andra.name)
        assert tystnad == []
        assert laddningar >= 2
