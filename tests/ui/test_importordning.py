"""Every page imports `ui` before any other module of the project.

`ui/__init__.py` imports the whole project once, so that twenty sessions starting together
never see a half-imported module ("cannot import name 'FileRecord' from partially initialized
module 'ingest.load'"). A link straight to a page on a fresh server runs the page file before
dashboard.py (Streamlit's legacy pages mode), so each page must import `ui` first itself: the
load test failed this way when the pages imported `charts` first (alphabetical order).
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROT = Path(__file__).resolve().parents[2]
PROJEKT = {"ui", "charts", "queries", "report", "ingest", "data", "pages"}


def _forsta_projektimport(fil: Path) -> str | None:
    for nod in ast.parse(fil.read_text(encoding="utf-8")).body:
        if isinstance(nod, ast.Import):
            namn = [a.name.split(".")[0] for a in nod.names]
        elif isinstance(nod, ast.ImportFrom) and nod.level == 0 and nod.module:
            namn = [nod.module.split(".")[0]]
        else:
            continue
        for n in namn:
            if n in PROJEKT:
                return n
    return None


@pytest.mark.parametrize(
    "fil", sorted((ROT / "pages").glob("[!_]*.py")) + [ROT / "dashboard.py"], ids=lambda f: f.name
)
def test_ui_is_the_first_project_import(fil: Path) -> None:
    assert _forsta_projektimport(fil) == "ui"
