"""Fixtures for the browser tests: the demo database, one server per session, Chromium.

Screenshots go to the session's temp dir, never into git.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, sync_playwright

from tests.helpers.demodb import bygg_demo_en_gang
from tests.helpers.webblasare import CHROMIUM, CHROMIUM_ARGS, streamlit_server


@pytest.fixture(scope="session")
def e2e_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return bygg_demo_en_gang(tmp_path_factory.getbasetemp())


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
