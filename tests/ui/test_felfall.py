"""Bad states: a missing or unreadable database file and a re-import while the app runs.

The user must get a Swedish message that says how to fix it, never a traceback.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

import ui.db

Oppna = Callable[..., AppTest]
ROT = Path(__file__).resolve().parents[2]


def test_saknad_databas_ger_rad_om_import(oppna: Oppna, tmp_path: Path) -> None:
    saknas = tmp_path / "finns_inte.duckdb"
    at = oppna(saknas)
    assert not at.exception
    fel = " ".join(e.value for e in at.error)
    assert "finns inte" in fel and "python -m ingest" in fel and str(saknas) in fel
    assert not saknas.exists(), "en vald men saknad databas ska inte skapas som demo"


def test_olasbar_databas_ger_rad_om_import(oppna: Oppna, tmp_path: Path) -> None:
    trasig = tmp_path / "trasig.duckdb"
    trasig.write_bytes(b"det har ar ingen duckdb-fil\n" * 100)
    at = oppna(trasig)
    assert not at.exception
    fel = " ".join(e.value for e in at.error)
    assert "går inte att läsa" in fel and "python -m ingest" in fel


def test_annan_duckdb_fil_ger_rad_om_import(oppna: Oppna, tmp_path: Path) -> None:
    import duckdb

    annan = tmp_path / "annan.duckdb"
    with duckdb.connect(str(annan)) as con:
        con.execute("create table x as select 1 as y")
    at = oppna(annan)
    assert not at.exception
    assert any("går inte att läsa" in e.value for e in at.error)


def test_ny_import_syns_utan_omstart(
    oppna: Oppna, tmp_path: Path, import_tables: Callable[..., Path]
) -> None:
    en_person = {
        "personer": [{"person_id": "p1", "fodelsedatum": "2008-01-01", "kon": "K"}],
        "anvisningar": [
            {
                "anvisning_id": "a1",
                "person_id": "p1",
                "anvisningsdatum": "2024-01-01",
                "anvisningskommun": "0182",
            }
        ],
        "enheter": [{"enhet_id": "e1", "namn": "Eken", "boendeform": "HVB", "kommun": "0182"}],
        "placeringar": [
            {"placering_id": "pl1", "person_id": "p1", "enhet_id": "e1", "startdatum": "2024-02-01"}
        ],
    }
    db = import_tables(tmp_path / "a", en_person, uttagsdatum="2024-06-30")
    at = oppna(db)
    # one person, placed 2024-02-01 and still there on 2024-06-30
    assert [m.value for m in at.metric if m.label == "I vård nu"] == ["1"]
    ny = import_tables(tmp_path / "b", {**en_person, "placeringar": []}, uttagsdatum="2024-06-30")
    os.replace(ny, db)
    at.run()
    # the new snapshot has no placements: nobody in care, picked up by the same session
    assert not at.exception
    assert [m.value for m in at.metric if m.label == "I vård nu"] == ["0"]


def test_forsta_start_bygger_demodatabasen(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    standard = tmp_path / "data" / "ekb.duckdb"
    monkeypatch.setattr(ui.db, "STANDARD_DB", standard)
    monkeypatch.delenv("EKB_DB", raising=False)
    at = AppTest.from_file(str(ROT / "dashboard.py"), default_timeout=300).run()
    assert not at.exception
    assert standard.exists(), "demodatabasen byggdes inte på standardsökvägen"
    assert any("Demodata" in w.value for w in at.warning)
    assert [t.value for t in at.title] == ["Översikt"]


def test_importens_varningar_visas_pa_datasidan(
    oppna: Oppna, tmp_path: Path, import_tables: Callable[..., Path]
) -> None:
    # imported without an extraction date (today, 2026 or later) on a placement that ended in
    # 2017: the newest event lies years before the extraction date, which the import warns of
    tabeller = {
        "personer": [{"person_id": "P1", "fodelsedatum": "2001-03-01", "kon": "M"}],
        "anvisningar": [
            {
                "anvisning_id": "A1",
                "person_id": "P1",
                "anvisningsdatum": "2016-01-10",
                "anvisningskommun": "0182",
            }
        ],
        "enheter": [{"enhet_id": "E1", "namn": "Eken", "boendeform": "HVB", "kommun": "0182"}],
        "placeringar": [
            {
                "placering_id": "L1",
                "person_id": "P1",
                "enhet_id": "E1",
                "startdatum": "2016-01-10",
                "slutdatum": "2017-11-30",
            }
        ],
    }
    dbfil = import_tables(tmp_path, tabeller)
    at = oppna(dbfil, "data")
    assert not at.exception
    # the Markdown source escapes the data's text; read it as the user sees it
    varningar = [
        w.value.replace("\\", "") for w in at.warning if w.value.startswith("Vid importen")
    ]
    assert len(varningar) == 1
    assert "2017-11-30" in varningar[0]
