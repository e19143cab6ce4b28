"""A real `streamlit run dashboard.py` and Debian's headless Chromium, for the browser suites.

The server is started on a free loopback port and stopped through its own process handle;
Chromium runs with the flags this closed network needs (no background requests).
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from playwright.sync_api import Page, expect

ROT = Path(__file__).resolve().parents[2]
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def _ledig_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _vanta_pa(url: str, process: subprocess.Popen[bytes], sekunder: float = 60) -> None:
    slut = time.monotonic() + sekunder
    while time.monotonic() < slut:
        if process.poll() is not None:
            raise RuntimeError(f"streamlit avslutades med kod {process.returncode}")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as svar:  # noqa: S310
                if svar.read() == b"ok":
                    return
        except OSError:
            time.sleep(0.3)
    raise TimeoutError(f"{url} svarade inte inom {sekunder} s")


@contextmanager
def streamlit_server(db: Path, logg: Path) -> Iterator[str]:
    """A fresh `streamlit run dashboard.py` on `db`; yields its base URL, stops it after."""
    with streamlit_process(db, logg) as (url, _process):
        yield url


@contextmanager
def streamlit_process(db: Path, logg: Path) -> Iterator[tuple[str, subprocess.Popen[bytes]]]:
    """As `streamlit_server`, also yielding the server process (for its memory)."""
    port = _ledig_port()
    with logg.open("wb") as ut:
        process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "streamlit",
                "run",
                "dashboard.py",
                "--server.headless",
                "true",
                "--server.port",
                str(port),
                "--server.address",
                "127.0.0.1",
                "--server.fileWatcherType",
                "none",
            ],
            cwd=ROT,
            env={**os.environ, "EKB_DB": str(db)},
            stdout=ut,
            stderr=subprocess.STDOUT,
        )
        url = f"http://127.0.0.1:{port}"
        try:
            _vanta_pa(url, process)
            yield url, process
        finally:
            process.terminate()
            process.wait(timeout=20)


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
