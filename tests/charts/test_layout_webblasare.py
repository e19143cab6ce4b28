"""The charts drawn by plotly.js in a real headless Chromium at phone width (390 px): the
legend clear of the toolbar and the axis labels, the Sankey's labels apart, the colour
bar's title clear of its ticks. Boxes are measured in the page, not guessed from the layout.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import plotly.graph_objects as go
import polars as pl
import pytest
from playwright.sync_api import Browser, Page, sync_playwright

from charts import alder, belaggning, ekonomi, kommun

pytestmark = pytest.mark.e2e

TELEFON = 390
Ruta = dict[str, float]


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with sync_playwright() as pw:
        webblasare = pw.chromium.launch(
            executable_path="/usr/bin/chromium", args=["--no-sandbox", "--disable-gpu"]
        )
        yield webblasare
        webblasare.close()


def _rita(browser: Browser, fig: go.Figure, mapp: Path) -> Page:
    """`fig` in its own page at phone width, toolbar always shown, as Streamlit shows it."""
    fil = mapp / "figur.html"
    fig.write_html(fil, include_plotlyjs=True, config={"displayModeBar": True})
    sida = browser.new_page(viewport={"width": TELEFON, "height": 900})
    sida.goto(fil.as_uri())
    sida.wait_for_selector(".main-svg")
    return sida


def _rutor(sida: Page, selektor: str) -> list[Ruta]:
    rutor = (e.bounding_box() for e in sida.query_selector_all(selektor))
    return [
        {"x": r["x"], "y": r["y"], "width": r["width"], "height": r["height"]} for r in rutor if r
    ]


def _overlappar(a: Ruta, b: Ruta) -> bool:
    return (
        a["x"] < b["x"] + b["width"]
        and b["x"] < a["x"] + a["width"]
        and a["y"] < b["y"] + b["height"]
        and b["y"] < a["y"] + a["height"]
    )


FORM = pl.DataFrame(
    {
        "boendeform": ["HVB", "stodboende", "traningslagenhet"] * 2,
        "manad": ["2024-01"] * 3 + ["2024-02"] * 3,
        "platsdygn": [310, 93, 31, 290, 87, 29],
        "vardygn": [300, 60, 31, 250, 87, 20],
        "belaggning": [300 / 310, 60 / 93, 1.0, 250 / 290, 1.0, 20 / 29],
        "lediga_platsdygn": [10, 33, 0, 40, 0, 9],
        "kostnad_lediga_kr": [20000.0, 29700.0, 0.0, 80000.0, 0.0, 9000.0],
    }
)
ENHET = FORM.with_columns(
    enhet_id=pl.col("boendeform"), enhet_namn=pl.col("boendeform") + " Skarpnäcks asyl-HVB"
)
KATEGORI = pl.DataFrame(
    {
        "typ": ["kostnad", "kostnad", "intakt"],
        "kategori": ["HVB", "familjehem", "statlig_ersattning"],
        "utfall_kr": [39_262_043.0, 17_170_770.0, 49_008_207.0],
        "budget_kr": [0.0, 0.0, 0.0],
        "avvikelse_kr": [-39_262_043.0, -17_170_770.0, 49_008_207.0],
    }
)
PYRAMID = pl.DataFrame({"alder": [16, 17, 18], "kon": ["K", "M", "M"], "antal": [9, 54, 76]})

MED_TECKENFORKLARING = {
    "vardygn_mot_platser": lambda: belaggning.vardygn_mot_platser(FORM),
    "lediga_platsdygn": lambda: belaggning.lediga_platsdygn(ENHET),
    "vattenfall": lambda: ekonomi.vattenfall(KATEGORI),
    "alderspyramid": lambda: alder.alderspyramid(PYRAMID),
}


@pytest.mark.parametrize("namn", sorted(MED_TECKENFORKLARING))
def test_teckenforklaringen_fri_fran_verktygsfaltet_och_axlarna(
    namn: str, browser: Browser, tmp_path: Path
) -> None:
    sida = _rita(browser, MED_TECKENFORKLARING[namn](), tmp_path)
    legend = _rutor(sida, ".legend")
    verktyg = _rutor(sida, ".modebar")
    axlar = _rutor(sida, ".xtick text, .ytick text, .xtitle, .ytitle, .nsewdrag")
    assert legend and verktyg and axlar
    assert [r for r in verktyg + axlar if _overlappar(legend[0], r)] == []


@pytest.mark.parametrize("namn", ["vardygn_mot_platser", "lediga_platsdygn"])
def test_noteringen_fri_fran_verktygsfaltet_och_diagrammet(
    namn: str, browser: Browser, tmp_path: Path
) -> None:
    sida = _rita(browser, MED_TECKENFORKLARING[namn](), tmp_path)
    noter = _rutor(sida, ".gtitle")
    andra = _rutor(sida, ".modebar, .nsewdrag, .ytick text")
    assert noter and andra
    assert [r for r in andra if _overlappar(noter[0], r)] == []


def test_sankey_etiketter_overlappar_inte(browser: Browser, tmp_path: Path) -> None:
    # 14 municipalities place 1–14 children in Nacka: a long tail of thin nodes on the left
    namn = [f"Kommun {chr(65 + i)}" for i in range(14)]
    df = pl.DataFrame(
        {
            "ansvarig_kommun": [f"01{i:02d}" for i in range(14)],
            "ansvarig_namn": namn,
            "vistelsekommun": ["0182"] * 14,
            "vistelse_namn": ["Nacka"] * 14,
            "antal": list(range(14, 0, -1)),
        }
    )
    sida = _rita(browser, kommun.flode(df), tmp_path)
    etiketter = _rutor(sida, ".sankey .node-label")
    assert len(etiketter) == 15
    krockar = [
        (i, j)
        for i, a in enumerate(etiketter)
        for j, b in enumerate(etiketter)
        if i < j and _overlappar(a, b)
    ]
    assert krockar == []


def test_fargskalans_rubrik_krockar_inte_med_100_procent(browser: Browser, tmp_path: Path) -> None:
    sida = _rita(browser, belaggning.varmekarta(ENHET), tmp_path)
    rubrik = _rutor(sida, ".colorbar .cbtitle text")
    skala = _rutor(sida, ".colorbar .cbaxis text")
    assert rubrik and len(skala) == 3
    assert [r for r in skala if _overlappar(rubrik[0], r)] == []
