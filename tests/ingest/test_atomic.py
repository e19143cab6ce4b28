"""The database is replaced whole or not at all, and every import is logged.

Readers are the running dashboard: they must see the old complete snapshot
or the new complete one, never a mix, and a refused import must leave the
file byte for byte as it was.
"""

from __future__ import annotations

import hashlib
import subprocess
import sys
import threading
from datetime import date
from pathlib import Path

import duckdb
import pytest

from ingest import ImportRefused, run_import
from tests.helpers.importera import write_export

UTTAG = date(2024, 6, 30)
CONTENT_TABLES = ("personer", "anvisningar", "enheter", "platser", "placeringar", "budget")


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def snapshot(db_path: Path) -> dict[str, list[tuple[object, ...]]]:
    with duckdb.connect(str(db_path), read_only=True) as con:
        return {
            table: sorted(con.execute(f"select * from {table}").fetchall(), key=repr)  # noqa: S608
            for table in CONTENT_TABLES
        }


def test_refused_import_leaves_the_database_byte_identical(tmp_path: Path, valid_tables) -> None:
    db_path = tmp_path / "ekb.duckdb"
    run_import(write_export(tmp_path / "good", valid_tables()), db_path, uttagsdatum=UTTAG)
    before = sha256(db_path)
    bad = valid_tables()
    bad["placeringar"][0]["startdatum"] = "igår"
    with pytest.raises(ImportRefused):
        run_import(write_export(tmp_path / "bad", bad), db_path, uttagsdatum=UTTAG)
    assert sha256(db_path) == before
    # no staging file is left behind either: only the database and its lock
    assert sorted(p.name for p in tmp_path.glob("ekb.duckdb*")) == [
        "ekb.duckdb",
        "ekb.duckdb.tmp.lock",
    ]


def test_reimport_gives_the_same_contents_and_one_more_log_row(
    tmp_path: Path, valid_tables
) -> None:
    db_path = tmp_path / "ekb.duckdb"
    folder = write_export(tmp_path / "export", valid_tables())
    first = run_import(folder, db_path, uttagsdatum=UTTAG)
    contents = snapshot(db_path)
    second = run_import(folder, db_path, uttagsdatum=date(2024, 7, 31))
    assert snapshot(db_path) == contents
    # 3 persons, 4 placements in the valid export, not doubled
    assert len(contents["personer"]) == 3 and len(contents["placeringar"]) == 4
    assert (first.import_id, second.import_id) == (1, 2)
    with duckdb.connect(str(db_path), read_only=True) as con:
        log = con.execute("select import_id, uttagsdatum, kalla, demo from import_log").fetchall()
        per_import = con.execute(
            "select import_id, count(*) from import_fil group by import_id order by import_id"
        ).fetchall()
    kalla = str(folder.resolve())
    assert sorted(log) == [(1, UTTAG, kalla, False), (2, date(2024, 7, 31), kalla, False)]
    # the valid export has 10 tables, logged once per import
    assert per_import == [(1, 10), (2, 10)]


def test_import_fil_has_the_files_checksums_and_counts(tmp_path: Path, valid_tables) -> None:
    db_path = tmp_path / "ekb.duckdb"
    folder = write_export(tmp_path / "export", valid_tables())
    run_import(folder, db_path, uttagsdatum=UTTAG, demo=True)
    with duckdb.connect(str(db_path), read_only=True) as con:
        files = con.execute(
            "select tabell, fil, sha256, rader_lasta, rader_lagrade from import_fil"
        ).fetchall()
        demo = con.execute("select demo from import_log").fetchall()
    assert demo == [(True,)]
    by_table = {row[0]: row[1:] for row in files}
    assert by_table["personer"] == ("personer.csv", sha256(folder / "personer.csv"), 3, 3)
    assert by_table["placeringar"] == ("placeringar.csv", sha256(folder / "placeringar.csv"), 4, 4)
    assert by_table["budget"] == ("budget.csv", sha256(folder / "budget.csv"), 1, 1)


def small_and_large(tmp_path: Path, valid_tables) -> tuple[Path, Path]:
    """Two exports: the valid one (3 persons, 4 placements) and one with 20 more of each."""
    large = valid_tables()
    for number in range(20):
        person = f"Q{number}"
        large["personer"].append({"person_id": person, "fodelsedatum": "2007-01-01", "kon": "M"})
        large["placeringar"].append(
            {
                "placering_id": f"QL{number}",
                "person_id": person,
                "enhet_id": "E1",
                "startdatum": "2023-01-01",
            }
        )
    return write_export(tmp_path / "small", valid_tables()), write_export(tmp_path / "large", large)


def imported_small(tmp_path: Path, valid_tables) -> tuple[Path, Path, Path]:
    """Both exports, and a database holding the small one."""
    small, large = small_and_large(tmp_path, valid_tables)
    db_path = tmp_path / "ekb.duckdb"
    run_import(small, db_path, uttagsdatum=UTTAG)
    return small, large, db_path


READER = """
import sys, time, duckdb
path, seconds = sys.argv[1], float(sys.argv[2])
end = time.time() + seconds
while time.time() < end:
    with duckdb.connect(path, read_only=True) as con:
        con.execute("begin transaction")
        people = con.execute("select count(*) from personer").fetchone()[0]
        placed = con.execute("select count(*) from placering_perioder").fetchone()[0]
        logged = con.execute("select count(*) from import_log").fetchone()[0]
        print(people, placed, logged, flush=True)
"""


def test_a_reader_during_imports_sees_old_or_new_complete_data(
    tmp_path: Path, valid_tables
) -> None:
    small, large, db_path = imported_small(tmp_path, valid_tables)
    reader = subprocess.Popen(
        [sys.executable, "-c", READER, str(db_path), "8"], stdout=subprocess.PIPE, text=True
    )
    for number in range(2, 10):
        run_import(large if number % 2 == 0 else small, db_path, uttagsdatum=UTTAG)
    output, _ = reader.communicate(timeout=60)
    assert reader.returncode == 0
    seen = {tuple(map(int, line.split()[:2])) for line in output.splitlines()}
    # small: 3 persons, 4 placements; large: 3 + 20 persons, 4 + 20 placements
    assert seen and seen <= {(3, 4), (23, 24)}


def test_an_open_reader_keeps_its_snapshot_while_a_new_one_sees_the_new(
    tmp_path: Path, valid_tables
) -> None:
    _, large, db_path = imported_small(tmp_path, valid_tables)
    with duckdb.connect(str(db_path), read_only=True) as old:
        run_import(large, db_path, uttagsdatum=UTTAG)
        assert old.execute("select count(*) from personer").fetchone() == (3,)
        # a new process opens the file now at db_path: 3 + 20 persons
        fresh = subprocess.run(
            [sys.executable, "-c", READER, str(db_path), "0.01"],
            capture_output=True,
            text=True,
            check=True,
        )
    assert fresh.stdout.split()[:3] == ["23", "24", "2"]


def test_concurrent_imports_are_serialised(tmp_path: Path, valid_tables) -> None:
    small, large = small_and_large(tmp_path, valid_tables)
    db_path = tmp_path / "ekb.duckdb"
    ids: list[int] = []
    threads = [
        threading.Thread(target=lambda f=folder: ids.append(run_import(f, db_path).import_id))
        for folder in (small, large, small, large)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(ids) == [1, 2, 3, 4]
    with duckdb.connect(str(db_path), read_only=True) as con:
        logged = con.execute("select import_id from import_log order by 1").fetchall()
        files = con.execute("select count(*) from import_fil").fetchone()
    # four imports of 10 tables each
    assert logged == [(1,), (2,), (3,), (4,)] and files == (40,)


def test_a_file_that_is_no_database_is_not_overwritten(tmp_path: Path, valid_tables) -> None:
    db_path = tmp_path / "ekb.duckdb"
    db_path.write_bytes(b"an unrelated file")
    with pytest.raises(ImportRefused) as refused:
        run_import(write_export(tmp_path / "export", valid_tables()), db_path)
    assert [(p.fil, p.rad) for p in refused.value.problems] == [("ekb.duckdb", None)]
    assert db_path.read_bytes() == b"an unrelated file"
