"""The committee report from the overview: a PDF built on click, masked unless an analyst
asks for the internal version."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from streamlit.testing.v1 import AppTest

Oppna = Callable[..., AppTest]


def test_analytikern_far_intern_pdf_namnden_bara_den_maskade(
    oppna: Oppna,
    demo_db: Path,
    nedladdningar: dict[str, Any],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    at = oppna(demo_db, query={"datum": "2019-06-30", "kommun": "0182"})
    assert not at.exception
    assert at.toggle(key="rapport_intern").label.startswith("Intern version")
    pdf = nedladdningar["namndrapport_0182_2019-06-30.pdf"]
    assert callable(pdf)  # built on click, not on every rerun
    granskning = tmp_path / "granskning.duckdb"
    monkeypatch.setenv("EKB_GRANSKNING", str(granskning))
    assert pdf().startswith(b"%PDF")
    # the click is in the audit log: who, the role, the report, its parameters, never data
    import duckdb

    with duckdb.connect(str(granskning), read_only=True) as con:
        rader = con.execute(
            "select roll, handling, figur from granskning where handling = 'nedladdning_pdf'"
        ).fetchall()
    assert rader == [("analytiker", "nedladdning_pdf", "namndrapport")]
    monkeypatch.delenv("EKB_LOKAL_ANALYTIKER")
    namnd = oppna(demo_db, query={"datum": "2019-06-30", "kommun": "0182"})
    assert not namnd.exception
    assert not [t for t in namnd.toggle if t.key == "rapport_intern"]
