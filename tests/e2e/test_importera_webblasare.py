"""Importera data in a real Chromium against a real `streamlit run`: an analyst uploads the
export's files, the import replaces the running database, and a real download (whose bytes
Streamlit builds outside the session) lands in the audit log."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest
from playwright.sync_api import Page, expect

from tests.helpers.importera import import_tables, write_export
from tests.helpers.webblasare import streamlit_server, vanta_klar
from tests.ingest.conftest import VALID

pytestmark = pytest.mark.e2e
expect.set_options(timeout=45_000)

Server = tuple[str, Path, Path]


@pytest.fixture
def analytiker_server(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Server]:
    """(url, database, audit file) of a dashboard started for a local analyst."""
    monkeypatch.setenv("EKB_ROLL", "analytiker")
    audit = tmp_path / "granskning" / "audit.duckdb"
    monkeypatch.setenv("EKB_GRANSKNING", str(audit))
    db = import_tables(tmp_path / "db", {}, uttagsdatum="2024-06-30")
    with streamlit_server(db, tmp_path / "streamlit.log") as url:
        yield url, db, audit


def test_analytiker_importerar_och_laddar_ner(
    analytiker_server: Server, sida: Page, tmp_path: Path
) -> None:
    url, db, audit = analytiker_server
    export = write_export(tmp_path / "upp", VALID)
    sida.goto(f"{url}/importera")
    expect(sida.get_by_role("heading", name="Importera data", exact=True)).to_be_visible()
    sida.locator('input[type="file"]').set_input_files(sorted(export.iterdir()))
    expect(sida.get_by_text("Exporten är felfri", exact=False)).to_be_visible()
    sida.get_by_role("button", name="Importera till databasen").click()
    # tom database is import 1, the upload import 2
    expect(sida.get_by_text("Import 2 klar", exact=False)).to_be_visible()
    with duckdb.connect(str(db), read_only=True) as con:
        assert con.execute("select count(*) from personer").fetchone() == (3,)  # P1, P2, P3
        assert con.execute(
            "select max(import_id), arg_max(importerad_av, import_id) from import_log"
        ).fetchone() == (2, "lokal analytiker")
    sida.goto(f"{url}/data")
    vanta_klar(sida)
    with sida.expect_download():
        # the first download on the Data page is the data quality table's (pages/data.py)
        sida.get_by_role("button", name="Ladda ner CSV").first.click()
    with duckdb.connect(str(audit), read_only=True) as con:
        rader = con.execute(
            "select handling, anvandare, roll, figur, parametrar from granskning order by tid"
        ).fetchall()
    assert [r[:4] for r in rader] == [
        ("import", "lokal analytiker", "analytiker", None),
        ("nedladdning_csv", "lokal analytiker", "analytiker", "datakvalitet"),
    ]
    assert json.loads(rader[0][4])["import_id"] == 2
