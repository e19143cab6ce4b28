"""The build stamp: a database file built by another version of the code is recognised,
by the library check and by the export command line, with a Swedish request to re-import."""

from __future__ import annotations

import shutil
from pathlib import Path

import duckdb
import pytest

from queries import stamp
from queries.__main__ import main

REIMPORT = "python -m ingest MAPP --db FIL"


def _copy(db: Path, tmp_path: Path) -> Path:
    kopia = tmp_path / "kopia.duckdb"
    shutil.copyfile(db, kopia)
    return kopia


def test_the_hash_follows_the_models_not_their_comments(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ingest import modeller

    fore = modeller.kod_hash()
    kopia = tmp_path / "models"
    shutil.copytree(modeller.MODELS_DIR, kopia)
    monkeypatch.setattr(modeller, "MODELS_DIR", kopia)
    fil = kopia / "060_aldersgrupp_for.sql"
    fil.write_text(fil.read_text(encoding="utf-8") + "\n-- a comment needs no re-import\n")
    modeller.modeller.cache_clear()
    modeller.kod_hash.cache_clear()
    assert modeller.kod_hash() == fore
    fil.write_text(fil.read_text(encoding="utf-8").replace("18", "19", 1))
    modeller.modeller.cache_clear()
    modeller.kod_hash.cache_clear()
    assert modeller.kod_hash() != fore
    modeller.modeller.cache_clear()
    modeller.kod_hash.cache_clear()


def test_a_fresh_import_matches_the_code(personfall: Path) -> None:
    with duckdb.connect(str(personfall), read_only=True) as con:
        assert stamp.check(con) is None


def test_an_altered_stamp_asks_for_a_reimport(personfall: Path, tmp_path: Path) -> None:
    db = _copy(personfall, tmp_path)
    with duckdb.connect(str(db)) as con:
        con.execute("update bygge set kod_hash = 'annan-version'")
        meddelande = stamp.check(con)
    assert meddelande is not None
    assert "annan version" in meddelande and REIMPORT in meddelande


def test_a_file_from_before_the_stamp_asks_for_a_reimport(personfall: Path, tmp_path: Path) -> None:
    db = _copy(personfall, tmp_path)
    with duckdb.connect(str(db)) as con:
        con.execute("drop table bygge")
        meddelande = stamp.check(con)
    assert meddelande is not None
    assert "äldre version" in meddelande and REIMPORT in meddelande


def test_the_export_cli_refuses_another_version(
    personfall: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = _copy(personfall, tmp_path)
    with duckdb.connect(str(db)) as con:
        con.execute("update bygge set schemaversion = schemaversion - 1")
    assert main(["export", "dataomfang", "--db", str(db)]) == 2
    fel = capsys.readouterr().err
    assert "annan version" in fel and REIMPORT in fel
    # the untouched file exports as before
    assert main(["export", "dataomfang", "--db", str(personfall)]) == 0
