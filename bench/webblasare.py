"""A real `streamlit run` and Debian's headless Chromium, for the benchmark and the browser tests.

The server is started on a free loopback port and stopped through its own process handle;
Chromium runs with the flags this closed network needs (no background requests). The test
suites use this module through `tests/helpers/webblasare.py` (the benchmark may not import
from tests/).
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

ROT = Path(__file__).resolve().parents[1]
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


def ledig_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def vanta_pa(url: str, process: subprocess.Popen[bytes], sekunder: float = 60) -> None:
    """Wait until the server answers its health check; fail if it exits or stays silent."""
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
def streamlit_process(
    db: Path, logg: Path, skript: str = "dashboard.py"
) -> Iterator[tuple[str, subprocess.Popen[bytes]]]:
    """`streamlit run skript` (relative to the repository) on `db`; yields its base URL and
    process (for its memory and CPU), stops it after."""
    port = ledig_port()
    kommando = [sys.executable, "-m", "streamlit", "run", skript, "--server.headless", "true",
                "--server.port", str(port), "--server.address", "127.0.0.1",
                "--server.fileWatcherType", "none"]  # fmt: skip
    with logg.open("wb") as ut:
        process = subprocess.Popen(
            kommando,
            cwd=ROT,
            env={**os.environ, "EKB_DB": str(db)},
            stdout=ut,
            stderr=subprocess.STDOUT,
        )
        url = f"http://127.0.0.1:{port}"
        try:
            vanta_pa(url, process)
            yield url, process
        finally:
            process.terminate()
            process.wait(timeout=20)
