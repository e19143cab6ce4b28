"""Who imported is in the import log, and `validera` reports what the import would refuse."""

from __future__ import annotations

import copy
import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import duckdb
import pytest

from ingest import ImportRefused, run_import, validera
from tests.helpers.importera import write_export
from tests.ingest.conftest import VALID

ROOT = Path(__file__).resolve().parents[2]


def _importerad_av(db: Path) -> list[tuple[object, ...]]:
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute("select importerad_av from import_log order by import_id").fetchall()


def test_the_command_line_logs_the_os_user(tmp_path: Path) -> None:
    folder = write_export(tmp_path / "export", VALID)
    db = tmp_path / "ekb.duckdb"
    # getpass.getuser() reads LOGNAME first
    miljo = {**os.environ, "LOGNAME": "it-driften"}
    command = [
        sys.executable,
        "-m",
        "ingest",
        str(folder),
        "--db",
        str(db),
        "--uttagsdatum",
        "2024-06-30",
    ]
    done = subprocess.run(command, capture_output=True, text=True, cwd=ROOT, env=miljo, check=False)
    assert done.returncode == 0, done.stderr
    assert _importerad_av(db) == [("it-driften",)]


def test_a_user_name_with_a_personnummer_is_not_stored(tmp_path: Path) -> None:
    folder = write_export(tmp_path / "export", VALID)
    db = tmp_path / "ekb.duckdb"
    # 050101-1233 is a valid personnummer (Luhn check digit 3), see docs/privacy.md
    run_import(folder, db, uttagsdatum=date(2024, 6, 30), importerad_av="050101-1233")
    (namn,) = _importerad_av(db)[0]
    assert isinstance(namn, str) and "1233" not in namn


def test_validera_reports_what_the_import_refuses(tmp_path: Path) -> None:
    assert validera(write_export(tmp_path / "bra", VALID), uttagsdatum=date(2024, 6, 30)) == []
    fel = copy.deepcopy(VALID)
    fel["enheter"][0]["dygnspris"] = "mycket"  # enheter row 0: line 2
    del fel["placeringar"]
    folder = write_export(tmp_path / "fel", fel)
    problem = validera(folder, uttagsdatum=date(2024, 6, 30))
    saknas = [
        p for p in problem if p.kolumn is None and "tabellen placeringar saknas" in p.meddelande
    ]
    assert len(saknas) == 1
    assert ("enheter.csv", 2, "dygnspris") in {(p.fil, p.rad, p.kolumn) for p in problem}
    db = tmp_path / "ekb.duckdb"
    with pytest.raises(ImportRefused) as refused:
        run_import(folder, db, uttagsdatum=date(2024, 6, 30))
    assert refused.value.problems == problem
    assert not db.exists()  # validera wrote nothing, the refused import neither
