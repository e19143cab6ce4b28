"""Re-imports do not leak: a replaced snapshot is closed once no render uses it, and one
render reads one snapshot from start to end.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from datetime import date
from pathlib import Path

from streamlit.testing.v1 import AppTest

from ui import db
from ui.figurer import hamta

Oppna = Callable[..., AppTest]


def borttagna_filer_oppna() -> int:
    """Open file descriptors of this process on files that no longer exist."""
    antal = 0
    for fd in os.listdir("/proc/self/fd"):
        try:
            mal = os.readlink(f"/proc/self/fd/{fd}")
        except OSError:
            continue
        antal += mal.endswith("(deleted)") and ".duckdb" in mal
    return antal


def test_femton_importer_lamnar_en_oppen_version(
    oppna: Oppna, tmp_path: Path, import_tables: Callable[..., Path]
) -> None:
    fore = borttagna_filer_oppna()
    for i in range(15):
        dbfil = import_tables(tmp_path, {}, uttagsdatum=date(2024, 1, 1 + i))
        at = oppna(dbfil)
        assert not at.exception
        # the page shows the snapshot just imported: its extraction date is the default
        assert f"{1 + i} jan 2024" in at.caption[0].value
    # only the newest snapshot of this file is open; nothing replaced is held open
    with db.ogonblick() as ob:
        assert ob.version == db.filversion(dbfil)
    assert borttagna_filer_oppna() == fore


def test_en_rendering_laser_en_version(
    tmp_path: Path, import_tables: Callable[..., Path], monkeypatch
) -> None:
    dbfil = import_tables(tmp_path, {}, uttagsdatum="2024-03-31")
    monkeypatch.setenv("EKB_DB", str(dbfil))
    with db.ogonblick() as ob:
        fore = hamta("dataomfang")["uttagsdatum"][0]
        import_tables(tmp_path, {}, uttagsdatum="2024-04-30")
        # the render keeps reading the snapshot it started with, though the file was replaced
        assert hamta("dataomfang")["uttagsdatum"][0] == fore == date(2024, 3, 31)
        assert ob.oppen
    # the next render gets the new import; the old snapshot was closed when let go
    assert hamta("dataomfang")["uttagsdatum"][0] == date(2024, 4, 30)
    assert not ob.oppen


def test_databas_fran_annan_version_ger_svenskt_besked(
    oppna: Oppna, tmp_path: Path, import_tables: Callable[..., Path]
) -> None:
    import duckdb

    dbfil = import_tables(tmp_path, {}, uttagsdatum="2024-03-31")
    with duckdb.connect(str(dbfil)) as con:
        con.execute("update bygge set kod_hash = 'aaaaaaaaaaaaaaaa'")
    at = oppna(dbfil)
    assert not at.exception
    assert "python -m ingest" in at.error[0].value
    assert "importera på nytt" in at.error[0].value.lower()
