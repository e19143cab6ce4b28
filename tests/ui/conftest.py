"""Fixtures for the page tests: the demo database (built once per session through the real
importer), an empty database, and a helper that opens one page of the real app.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from streamlit.delta_generator import DeltaGenerator
from streamlit.testing.v1 import AppTest

from tests.helpers.demodb import bygg_demo_en_gang

ROT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return bygg_demo_en_gang(tmp_path_factory.getbasetemp())


@pytest.fixture
def tom_db(tmp_path: Path, import_tables: Callable[..., Path]) -> Path:
    """A database imported from an export with every required table but no rows."""
    return import_tables(tmp_path, {}, uttagsdatum="2024-06-30")


@pytest.fixture
def oppna(monkeypatch: pytest.MonkeyPatch) -> Callable[..., AppTest]:
    """`oppna(db, sida)` runs the real dashboard on `db` and switches to `sida` (a file in pages/)."""

    def _oppna(db: Path, sida: str = "oversikt", query: dict[str, str] | None = None) -> AppTest:
        monkeypatch.setenv("EKB_DB", str(db))
        at = AppTest.from_file(str(ROT / "dashboard.py"), default_timeout=120)
        for nyckel, varde in (query or {}).items():
            at.query_params[nyckel] = varde
        if sida != "oversikt":
            at.switch_page(f"pages/{sida}.py")
        return at.run()

    return _oppna


@pytest.fixture
def nedladdningar(monkeypatch: pytest.MonkeyPatch) -> Iterator[dict[str, Any]]:
    """What each download button of a run would send: file name -> the `data` it was given."""
    fangade: dict[str, Any] = {}
    original = DeltaGenerator.download_button

    def fanga(self: DeltaGenerator, label: str, data: Any, *args: Any, **kwargs: Any) -> bool:
        fangade[kwargs["file_name"]] = data
        return original(self, label, data, *args, **kwargs)

    monkeypatch.setattr(DeltaGenerator, "download_button", fanga)
    yield fangade
