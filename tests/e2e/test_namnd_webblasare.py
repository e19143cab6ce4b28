"""The committee's protected view in a real browser, on a database full of small groups:
no count of 1–4 in a tile, in the data of a chart, or in a downloaded file.
"""

from __future__ import annotations

import csv
import io
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.helpers.importera import Tables, import_tables
from tests.helpers.webblasare import streamlit_server, vanta_klar

pytestmark = pytest.mark.e2e
expect.set_options(timeout=45_000)

D = "2024-03-31"
KOMMUNER = ("0182", "0180", "0120", "0184")
# 11 persons in care on D, responsible municipalities 0182 ×5, 0180 ×3, 0120 ×2, 0184 ×1, all
# living in Nacka (0182), both sexes, ages 14–17: nearly every group is smaller than 5
FOLK = [
    (f"P{i}", KOMMUNER[k], "K" if i % 3 == 0 else "M", f"20{7 + i % 4:02d}-0{1 + i % 9}-15")
    for i, k in enumerate([0, 0, 0, 0, 0, 1, 1, 1, 2, 2, 3])
]
SMA: Tables = {
    "personer": [{"person_id": p, "fodelsedatum": f, "kon": s} for p, _, s, f in FOLK],
    "anvisningar": [
        {"anvisning_id": f"A{p}", "person_id": p, "anvisningsdatum": "2023-01-10",
         "anvisningskommun": k}
        for p, k, _, _ in FOLK
    ],
    "enheter": [{"enhet_id": "E1", "namn": "Eken", "boendeform": "HVB", "kommun": "0182"}],
    "placeringar": [
        {"placering_id": f"L{p}", "person_id": p, "enhet_id": "E1", "startdatum": "2023-01-10"}
        for p, _, _, _ in FOLK
    ],
}  # fmt: skip
SMA_TAL = {"1", "2", "3", "4"}


@pytest.fixture(scope="module")
def namnd_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    mapp = tmp_path_factory.mktemp("namnd")
    db = import_tables(mapp, SMA, D)
    analytiker = os.environ.pop("EKB_LOKAL_ANALYTIKER", None)
    try:
        with streamlit_server(db, mapp / "streamlit.log") as url:
            yield url
    finally:
        if analytiker is not None:
            os.environ["EKB_LOKAL_ANALYTIKER"] = analytiker


def diagramdata(sida: Page) -> list[float]:
    """Every number in the x and y data of every plotly trace on the page."""
    # plotly's full data holds the decoded arrays (plain or typed) the chart was drawn from
    varden: list[float] = sida.evaluate(
        """() => {
            const lista = v => v == null ? [] : Array.isArray(v) ? v.flat(2)
                : ArrayBuffer.isView(v) ? Array.from(v) : [];
            return [...document.querySelectorAll('.js-plotly-plot')].flatMap(el =>
                (el._fullData || []).flatMap(t => [...lista(t.x), ...lista(t.y), ...lista(t.z)]))
                .filter(v => typeof v === 'number');
        }"""
    )
    return varden


@pytest.mark.parametrize("stig", ["", "alder_och_kon", "kommunoverskridande"])
def test_inga_sma_antal_i_rutor_eller_diagram(namnd_server: str, sida: Page, stig: str) -> None:
    sida.goto(f"{namnd_server}/{stig}?datum={D}")
    vanta_klar(sida)
    expect(sida.get_by_text("Roll: Nämnd (skyddad vy)")).to_be_visible()
    expect(sida.locator('[data-testid="stMetricValue"]').first).to_be_visible()
    if stig:
        expect(sida.locator(".js-plotly-plot .main-svg").first).to_be_attached()
    vanta_klar(sida)
    rutor = [t.strip() for t in sida.locator('[data-testid="stMetricValue"]').all_inner_texts()]
    assert rutor and not SMA_TAL & set(rutor)
    # ages are 14–17 and months are text: any 1–4 in a chart's data would be a count
    assert not [v for v in diagramdata(sida) if v in (1, 2, 3, 4)]
    assert sida.locator('[data-testid="stException"]').count() == 0


def test_nedladdningen_har_inga_sma_antal(namnd_server: str, sida: Page) -> None:
    sida.goto(f"{namnd_server}/kommunoverskridande?datum={D}")
    knapp = sida.get_by_role("button", name="Ladda ner CSV").first
    expect(knapp).to_be_visible()
    with sida.expect_download() as nedladdning:
        knapp.click()
    text = Path(nedladdning.value.path()).read_bytes().decode("utf-8-sig")
    rader = list(csv.DictReader(io.StringIO(text), delimiter=";"))
    antal = [r[k] for r in rader for k in r if k.startswith("Antal")]
    # placed here by others: 0180 ×3, 0120 ×2, 0184 ×1 — every one of them is <5
    assert antal and set(antal) == {"<5"}
