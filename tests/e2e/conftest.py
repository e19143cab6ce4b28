"""A real `streamlit run dashboard.py` on the demo database, and a headless Debian Chromium.

The server is started once per session on a free port and stopped through its own
process handle; screenshots go to the session's temp dir, never into git.
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

import pytest
from playwright.sync_api import Browser, Page, sync_playwright

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "ui"))
from demodb import bygg_demo_en_gang  # noqa: E402

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


@pytest.fixture(scope="session")
def e2e_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return bygg_demo_en_gang(tmp_path_factory.getbasetemp())


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


@pytest.fixture(scope="session")
def server(e2e_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The base URL of a running dashboard on the demo database."""
    with streamlit_server(e2e_db, tmp_path_factory.getbasetemp() / "streamlit.log") as url:
        yield url


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    # module scope: Playwright's sync API allows one instance per thread, and the acceptance
    # tests start their own; a session-wide one here made theirs fail in the same xdist worker
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield b
        b.close()


@pytest.fixture
def sida(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(
        accept_downloads=True, locale="sv-SE", viewport={"width": 1400, "height": 2600}
    )
    page = context.new_page()
    page.set_default_timeout(60_000)
    yield page
    context.close()


@pytest.fixture(scope="session")
def bilder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Where screenshots go (outside the repository)."""
    return tmp_path_factory.mktemp("skarmbilder")
