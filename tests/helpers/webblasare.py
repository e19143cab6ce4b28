"""The browser suites' helpers: the server and Chromium from `bench.webblasare` (shared with the
benchmark), the page list and Streamlit's "run finished" wait.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from playwright.sync_api import Page, expect

from bench.webblasare import CHROMIUM, CHROMIUM_ARGS, ROT, streamlit_process

__all__ = ["CHROMIUM", "CHROMIUM_ARGS", "ROT", "SIDOR", "streamlit_process", "streamlit_server"]


@contextmanager
def streamlit_server(db: Path, logg: Path) -> Iterator[str]:
    """A fresh `streamlit run dashboard.py` on `db`; yields its base URL, stops it after."""
    with streamlit_process(db, logg) as (url, _process):
        yield url


SIDOR = {
    "": "Översikt",
    "belaggning": "Beläggning",
    "alder_och_kon": "Ålder och kön",
    "kommunoverskridande": "Kommunöverskridande",
    "ekonomi": "Ekonomi",
    "data": "Data",
    "export": "Export",
}


def vanta_klar(page: Page) -> None:
    """Wait until the script run has finished (Streamlit's status widget is gone)."""
    page.wait_for_selector('[data-testid="stApp"]')
    # the status widget shows up only after a run has gone on for a moment: look twice
    for _ in range(2):
        page.wait_for_timeout(1000)
        expect(page.locator('[data-testid="stStatusWidget"]')).to_have_count(0, timeout=60_000)
