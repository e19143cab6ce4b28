"""The page Ersättning och prognos in a real headless Chromium against a real `streamlit run`.

A scenario is shared as a link: opened in a browser, the link's scenario is computed, and
it is still in the address after the filters have written theirs and after a reload.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import pytest
from playwright.sync_api import Page, expect

from tests.helpers.importera import import_tables
from tests.helpers.webblasare import streamlit_server
from tests.queries.test_scenario import FALL

pytestmark = pytest.mark.e2e
expect.set_options(timeout=45_000)

ROT = Path(__file__).resolve().parents[2]
NBSP = "\u00a0"


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    mapp = tmp_path_factory.mktemp("ersattning_e2e")
    db = import_tables(mapp, FALL, "2017-08-31")
    with streamlit_server(db, mapp / "streamlit.log") as url:
        yield url


def _effekt(page: Page) -> str:
    tile = page.locator('[data-testid="stMetric"]').filter(has_text="Scenariots effekt").first
    return tile.locator('[data-testid="stMetricValue"]').inner_text().strip()


def test_scenario_link_survives_filters_and_reload(server: str, sida: Page) -> None:
    lank = "fran=2017-05-01&till=2017-08-31&kommun=0182&s_antal=1&s_fran=2017-06-16"
    sida.goto(f"{server}/ersattning?{lank}")
    expect(sida.get_by_role("heading", name="Ersättning och prognos", exact=True)).to_be_visible()
    # tests/queries/test_scenario.py: one youth HVB -> stödboende from 16 June:
    # 4 500 + 37 200 + 37 200 = 78 900 kr over May-August
    expect(
        sida.locator('[data-testid="stMetric"]').filter(has_text="Scenariots effekt")
    ).to_be_visible()
    assert _effekt(sida) == f"78{NBSP}900{NBSP}kr"
    fragor = parse_qs(urlparse(sida.url).query)
    assert fragor["s_antal"] == ["1"] and fragor["s_fran"] == ["2017-06-16"]
    assert fragor["kommun"] == ["0182"]
    sida.reload()
    expect(
        sida.locator('[data-testid="stMetric"]').filter(has_text="Scenariots effekt")
    ).to_be_visible()
    assert _effekt(sida) == f"78{NBSP}900{NBSP}kr"
