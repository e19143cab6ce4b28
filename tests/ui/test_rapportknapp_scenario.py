"""The app's PDF button carries the scenario of the current link (`s_*`) into the report."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from streamlit.testing.v1 import AppTest

from tests.helpers.importera import import_tables
from tests.report.pdftext import en_rad, sidor
from tests.report.test_scenario_rapport import FALL, LANK


def test_the_pdf_button_carries_the_links_scenario(
    oppna: Callable[..., AppTest], nedladdningar: dict[str, Any], tmp_path: Path
) -> None:
    db = import_tables(tmp_path, FALL, "2024-03-31")
    query = {"datum": "2024-03-31", "fran": "2024-01-01", "till": "2024-03-31", "kommun": "0182"}
    at = oppna(db, query={**query, "s_pris_form": "HVB", "s_pris_procent": "10.0"})
    assert not at.exception
    # the masked version takes no scenario (docs/skydd.md rule 13); the internal one does
    texter = [c.value for c in at.caption]
    assert "Scenariot i länken tas bara med i den interna versionen." in texter, texter
    at.toggle(key="rapport_intern").set_value(True).run()
    texter = [c.value for c in at.caption]
    assert any(f"scenariot i länken ({LANK})" in t for t in texter), texter
    fil = tmp_path / "r.pdf"
    fil.write_bytes(nedladdningar["namndrapport_0182_2024-03-31_intern.pdf"]())
    # tests/report/test_scenario_rapport.py: −(31 + 29 + 31) × 2 000 × 10 % = −18 200 kr
    assert "försämrar balansen med 18 200 kr" in en_rad("\n".join(sidor(fil)))
