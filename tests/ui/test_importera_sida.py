"""The Importera data page: an analyst's upload goes through the real importer onto the running
database only when clean; anything else leaves the file byte for byte as it was."""

from __future__ import annotations

import copy
import io
import json
import zipfile
from collections.abc import Callable
from datetime import date
from pathlib import Path

import duckdb
import pytest
from streamlit.testing.v1 import AppTest

from tests.helpers.importera import write_export
from tests.ingest.conftest import VALID

Oppna = Callable[..., AppTest]


@pytest.fixture
def granskning(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    fil = tmp_path / "granskning" / "audit.duckdb"
    monkeypatch.setenv("EKB_GRANSKNING", str(fil))
    return fil


def _filer(mapp: Path) -> list[tuple[str, bytes, str]]:
    return [(f.name, f.read_bytes(), "text/csv") for f in sorted(mapp.iterdir())]


def _knapp(at: AppTest) -> list[object]:
    return [b for b in at.button if b.key == "import_kor"]


def _ladda_upp(at: AppTest, filer: list[tuple[str, bytes, str]], uttag: str) -> AppTest:
    at.file_uploader(key="import_filer").set_value(filer)
    if uttag:
        at.date_input(key="import_uttagsdatum").set_value(date.fromisoformat(uttag))
    return at.run()


def test_analyst_imports_a_clean_export(
    oppna: Oppna, tom_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("EKB_ROLL", "analytiker")
    monkeypatch.delenv("EKB_GRANSKNING", raising=False)
    export = write_export(tmp_path / "upp", VALID)
    at = oppna(tom_db, "importera")
    assert not at.exception
    at = _ladda_upp(at, _filer(export), "2024-06-30")
    assert not at.exception
    assert not [d for d in at.dataframe if "Problem" in d.value.columns]
    _knapp(at)[0].click()  # type: ignore[attr-defined]
    at.run()
    assert not at.exception
    assert any("klar" in s.value for s in at.success)
    with duckdb.connect(str(tom_db), read_only=True) as con:
        # the fixture's personer has the three persons P1, P2, P3; the database had none
        assert con.execute("select count(*) from personer").fetchone() == (3,)
        # the first import (tom_db) is 1, the upload is import 2, made by the local analyst
        assert con.execute(
            "select import_id, importerad_av, uttagsdatum::varchar from import_log "
            "order by import_id desc limit 1"
        ).fetchone() == (2, "lokal analytiker", "2024-06-30")
    # the audit file is beside the database by default, and holds the import without data
    audit = tom_db.with_name("ekb.duckdb.granskning.duckdb")
    with duckdb.connect(str(audit), read_only=True) as con:
        rader = con.execute(
            "select anvandare, roll, handling, figur, parametrar from granskning"
        ).fetchall()
    assert len(rader) == 1
    anv, roll, handling, figur, params = rader[0]
    assert (anv, roll, handling, figur) == ("lokal analytiker", "analytiker", "import", None)
    p = json.loads(params)
    assert p["resultat"] == "klar" and p["import_id"] == 2 and p["uttagsdatum"] == "2024-06-30"
    assert "P1" not in params and "2006-05-10" not in params  # a person_id, a birthday


def test_broken_export_lists_problems_and_leaves_the_database(
    oppna: Oppna, tom_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, granskning: Path
) -> None:
    monkeypatch.setenv("EKB_ROLL", "analytiker")
    fel = copy.deepcopy(VALID)
    fel["personer"][1]["fodelsedatum"] = "2008-13-45"  # row 1 of personer: line 3 (header = 1)
    export = write_export(tmp_path / "upp", fel)
    fore = tom_db.read_bytes()
    at = _ladda_upp(oppna(tom_db, "importera"), _filer(export), "2024-06-30")
    assert not at.exception
    problem = next(d.value for d in at.dataframe if "Problem" in d.value.columns)
    assert list(problem.columns) == ["Fil", "Rad", "Kolumn", "Problem"]
    rader = {(r.Fil, r.Rad, r.Kolumn) for r in problem.itertuples()}
    assert ("personer.csv", 3, "fodelsedatum") in rader
    assert not _knapp(at)  # nothing to apply
    assert tom_db.read_bytes() == fore
    assert not granskning.exists()


def test_namnd_sees_only_a_refusal(
    oppna: Oppna, tom_db: Path, monkeypatch: pytest.MonkeyPatch, granskning: Path
) -> None:
    monkeypatch.setenv("EKB_ROLL", "namnd")
    fore = tom_db.read_bytes()
    at = oppna(tom_db, "importera")
    assert not at.exception
    assert [e.value for e in at.error] and "bara för analytiker" in at.error[0].value
    assert not at.file_uploader and not at.button and not at.dataframe
    assert tom_db.read_bytes() == fore
    assert not granskning.exists()


def test_zip_slip_is_refused(
    oppna: Oppna, tom_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, granskning: Path
) -> None:
    monkeypatch.setenv("EKB_ROLL", "analytiker")
    # temporary folders of this test in tmp_path/tmp: an escaped file would land in tmp_path
    (tmp_path / "tmp").mkdir()
    monkeypatch.setattr("tempfile.tempdir", str(tmp_path / "tmp"))
    export = write_export(tmp_path / "upp", VALID)
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        for fil in sorted(export.iterdir()):
            zf.writestr(f"export/{fil.name}", fil.read_bytes())
        zf.writestr("export/../../../../flykt.csv", b"a;b\n1;2\n")
    fore = tom_db.read_bytes()
    at = _ladda_upp(
        oppna(tom_db, "importera"), [("export.zip", buf.getvalue(), "application/zip")], ""
    )
    assert not at.exception
    problem = next(d.value for d in at.dataframe if "Problem" in d.value.columns)
    assert problem["Fil"].tolist() == ["export.zip"]
    assert "utanför exportmappen" in problem["Problem"][0]
    assert not _knapp(at)
    assert not list(tmp_path.rglob("flykt.csv"))
    assert tom_db.read_bytes() == fore


def test_a_zipped_export_folder_is_clean(
    oppna: Oppna, tom_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, granskning: Path
) -> None:
    monkeypatch.setenv("EKB_ROLL", "analytiker")
    export = write_export(tmp_path / "upp", VALID)
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        for fil in sorted(export.iterdir()):
            zf.writestr(f"2024-06-30/{fil.name}", fil.read_bytes())
        zf.writestr("__MACOSX/2024-06-30/._personer.csv", b"\x00\x05\x16\x07")
    at = _ladda_upp(
        oppna(tom_db, "importera"), [("uttag.zip", buf.getvalue(), "application/zip")], "2024-06-30"
    )
    assert not at.exception
    assert not [d for d in at.dataframe if "Problem" in d.value.columns]
    assert len(_knapp(at)) == 1
