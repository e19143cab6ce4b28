"""Every chart of every page has a text alternative: an accessible name (`alt`) that is its
heading, which names the period, and a table view of the same figure."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

SIDOR_MED_DIAGRAM = ["belaggning", "alder_och_kon", "kommunoverskridande", "ekonomi", "ersattning"]
SLUT = ". Siffrorna finns som tabell under fliken Tabell."


def _rubriker(at: AppTest) -> list[str]:
    """The level-4 headings a chart's title is written as, with Markdown's escapes undone."""
    return [
        re.sub(r"\\(.)", r"\1", m.value[5:]) for m in at.markdown if m.value.startswith("#### ")
    ]


@pytest.mark.parametrize("sida", SIDOR_MED_DIAGRAM)
def test_varje_diagram_har_namn_och_tabell(
    oppna: Callable[..., AppTest], demo_db: Path, sida: str
) -> None:
    at = oppna(demo_db, sida)
    alt = [d.proto.alt for d in at.get("plotly_chart")]
    assert alt and all(a.startswith("Diagram: ") and a.endswith(SLUT) for a in alt)
    rubriker = _rubriker(at)
    # each name is the heading of its chart, in page order (a heading without a chart is a
    # figure too small to show)
    namn = [a.removeprefix("Diagram: ").removesuffix(SLUT) for a in alt]
    assert [r for r in rubriker if r in namn] == namn
    # every chart's tabs: Diagram, Tabell, Definition
    assert [t.label for t in at.tabs].count("Tabell") == len(alt)
