"""Every chart every page draws, as the real app sends it to the browser: Swedish plotly
(locale, separators), the PNG named after the chart and its period, and the title, period
and demo label inside the figure (so inside the exported image).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from streamlit.testing.v1 import AppTest

Oppna = Callable[..., AppTest]

SIDOR_MED_DIAGRAM = ["belaggning", "alder_och_kon", "kommunoverskridande", "ekonomi", "ersattning"]
PERIOD = {"fran": "2018-01-01", "till": "2018-06-30", "datum": "2018-06-30"}
# the period in words and in the file name, worked out by hand from PERIOD: a chart over a
# period says both dates, a chart on a date (the reporting date) says that one
I_ORD = {"_2018-01-01_2018-06-30": "1 jan 2018–30 jun 2018", "_2018-06-30": "30 jun 2018"}
NBSP = "\u00a0"


def _diagram(at: AppTest) -> list[tuple[str, dict[str, Any], dict[str, Any]]]:
    """(key, config, figure) of every plotly chart on the page."""
    ut = []
    for element in at.get("plotly_chart"):
        # a keyed element's id ends with its key: $$ID-<hash>-<key>
        nyckel = element.proto.id.split("-", 2)[2]
        ut.append((nyckel, json.loads(element.proto.config), json.loads(element.proto.spec)))
    return ut


def _rubrik(figur: dict[str, Any]) -> str:
    return str(figur["layout"]["title"]["text"]).replace(NBSP, " ")


@pytest.mark.parametrize("sida", SIDOR_MED_DIAGRAM)
def test_varje_diagram_ar_svenskt_och_bar_titel_period_och_demo(
    oppna: Oppna, demo_db: Path, sida: str
) -> None:
    at = oppna(demo_db, sida, query=PERIOD)
    diagram = _diagram(at)
    assert len(diagram) >= 2, f"{sida}: för få diagram ({len(diagram)})"
    rubriker = [r.value.removeprefix("#### ") for r in at.markdown if r.value.startswith("####")]
    for nyckel, konfig, figur in diagram:
        assert konfig["locale"] == "sv", nyckel
        assert konfig["locales"]["sv"]["dictionary"]["Zoom"] == "Zooma", nyckel
        assert figur["layout"]["separators"] == "," + NBSP, nyckel
        filnamn = konfig["toImageButtonOptions"]["filename"]
        assert filnamn.startswith(nyckel), nyckel
        suffix = filnamn.removeprefix(nyckel)
        assert suffix in I_ORD, f"{nyckel}: {filnamn}"
        rubrik = _rubrik(figur)
        assert I_ORD[suffix] in rubrik, nyckel
        assert "Demodata – påhittade siffror" in rubrik, nyckel
        # the title inside the chart is one of the page's chart headings (markdown-escaped there)
        forsta_rad = rubrik.split("<br>")[0].split("<b>")[1].split("</b>")[0]
        assert any(forsta_rad.replace("&amp;", "&") in r.replace("\\", "") for r in rubriker), (
            f"{nyckel}: {forsta_rad!r} inte bland {rubriker}"
        )


def test_egna_data_far_ingen_demomarkering(
    oppna: Oppna, tmp_path: Path, import_tables: Callable[..., Path]
) -> None:
    # a municipality's own ledger and budget for 2024 (not demo data): the Ekonomi charts
    # carry the title and the period, and no demo label
    ekonomi = [
        {"period": f"2024-{m:02d}", "verksamhet": "EKB", "konto": k, "belopp": b}
        for m in (1, 2, 3)
        for k, b in (("4010", "100000"), ("3010", "-80000"))
    ]
    budget = [{**rad, "belopp": "90000" if rad["konto"] == "4010" else "-90000"} for rad in ekonomi]
    kontoplan = [
        {"konto": "4010", "benamning": "HVB", "typ": "kostnad", "kategori": "HVB"},
        {"konto": "3010", "benamning": "Ers", "typ": "intakt", "kategori": "schablon"},
    ]
    tabeller = {"kontoplan": kontoplan, "ekonomi": ekonomi, "budget": budget}
    db = import_tables(tmp_path, tabeller, "2024-03-31")
    at = oppna(db, "ekonomi", query={"fran": "2024-01-01", "till": "2024-12-31"})
    diagram = _diagram(at)
    assert [n for n, _, _ in diagram][:2] == ["ekonomi_ack", "ekonomi_manad"]
    for nyckel, konfig, figur in diagram:
        assert konfig["toImageButtonOptions"]["filename"] == f"{nyckel}_2024-01-01_2024-12-31"
        assert "1 jan 2024–31 dec 2024" in _rubrik(figur), nyckel
        assert "Demodata" not in _rubrik(figur), nyckel
