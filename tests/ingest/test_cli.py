"""`python -m ingest` as IT staff run it: Swedish output and honest exit codes."""

from __future__ import annotations

import argparse
import hashlib
import subprocess
import sys
from pathlib import Path

import duckdb

from tests.helpers.importera import write_export

ROOT = Path(__file__).resolve().parents[2]


def cli(*args: str | Path) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "ingest", *map(str, args)]
    return subprocess.run(command, capture_output=True, text=True, cwd=ROOT, check=False)


def test_success_prints_counts_per_table_and_the_import_id(tmp_path: Path, valid_tables) -> None:
    tables = valid_tables()
    tables["ekonomi"] = tables["ekonomi"] * 700  # 2 rows * 700 = 1 400 rows
    folder = write_export(tmp_path / "export", tables)
    with (folder / "enheter.csv").open("a", encoding="utf-8") as handle:
        handle.write(";;;;;\n;;;;;\n")
    db_path = tmp_path / "ekb.duckdb"
    done = cli(folder, "--db", db_path, "--uttagsdatum", "2024-06-30")
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0] == f"Import 1 klar: {db_path} (uttagsdatum 2024-06-30)"
    assert "  ekonomi (ekonomi.csv): 1 400 rader lästa, 1 400 lagrade" in lines
    assert "  enheter (enheter.csv): 2 rader lästa, 2 lagrade, 2 tomma rader hoppades över" in lines
    with duckdb.connect(str(db_path), read_only=True) as con:
        assert con.execute("select uttagsdatum::varchar from import_log").fetchall() == [
            ("2024-06-30",)
        ]


def test_refusal_lists_every_problem_and_exits_1(tmp_path: Path, valid_tables) -> None:
    tables = valid_tables()
    tables["personer"][0]["fodelsedatum"] = "31/12/2006"
    tables["placeringar"][1]["enhet_id"] = "E5"
    folder = write_export(tmp_path / "export", tables)
    db_path = tmp_path / "ekb.duckdb"
    db_path.write_bytes(b"not touched")
    done = cli(folder, "--db", db_path)
    assert done.returncode == 1
    assert done.stderr.splitlines() == [
        "personer.csv:2: fodelsedatum: ogiltigt datum '31/12/2006' (skriv ÅÅÅÅ-MM-DD eller ÅÅÅÅMMDD)",
        "placeringar.csv:3: enhet_id: 'E5' finns inte i enheter (enheter.csv)",
        "Importen avbröts: 2 fel. Databasen är oförändrad.",
    ]
    assert (
        hashlib.sha256(db_path.read_bytes()).hexdigest()
        == hashlib.sha256(b"not touched").hexdigest()
    )


def test_usage_errors_exit_2_in_swedish(tmp_path: Path) -> None:
    missing_db = cli(tmp_path)
    bad_date = cli(tmp_path, "--db", tmp_path / "x.duckdb", "--uttagsdatum", "30/6")
    no_folder = cli(tmp_path / "saknas", "--db", tmp_path / "x.duckdb")
    assert (missing_db.returncode, bad_date.returncode, no_folder.returncode) == (2, 2, 2)
    assert "--db FIL saknas" in missing_db.stderr
    assert "ogiltigt uttagsdatum '30/6'" in bad_date.stderr
    assert f"mappen {tmp_path / 'saknas'} finns inte" in no_folder.stderr
    assert not (tmp_path / "x.duckdb").exists()


def test_demo_flag_is_logged(tmp_path: Path, valid_tables) -> None:
    db_path = tmp_path / "ekb.duckdb"
    done = cli(write_export(tmp_path / "export", valid_tables()), "--demo", f"--db={db_path}")
    assert done.returncode == 0, done.stderr
    with duckdb.connect(str(db_path), read_only=True) as con:
        assert con.execute("select demo from import_log").fetchall() == [(True,)]


def test_ingest_never_imports_streamlit() -> None:
    code = "import sys, ingest, ingest.__main__; print('streamlit' in sys.modules)"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert done.stdout.strip() == "False"


def test_argparse_with_swedish_help_and_errors() -> None:
    from ingest.__main__ import parser

    assert isinstance(parser(), argparse.ArgumentParser)
    helped = cli("--help")
    assert helped.returncode == 0
    assert helped.stdout.startswith("användning: python -m ingest --db FIL")
    for flag in ("--uttagsdatum DATUM", "--demo", "--max-filstorlek MB", "--debug"):
        assert flag in helped.stdout
    unknown = cli(ROOT, "--db", "x.duckdb", "--okand")
    assert unknown.returncode == 2
    assert unknown.stderr.splitlines()[-1] == "fel: okänt argument: --okand"
    no_value = cli(ROOT, "--db")
    assert (no_value.returncode, no_value.stderr.splitlines()[-1]) == (
        2,
        "fel: --db: kräver ett värde",
    )


def test_ingest_names_no_path_outside_the_repository() -> None:
    # the contract is cited as the repository's own docs/import-format.md
    for path in (ROOT / "ingest").glob("*.py"):
        text = path.read_text(encoding="utf-8")
        assert "/work/" not in text and "shared/" not in text, path.name
    assert "docs/import-format.md" in (ROOT / "ingest" / "spec.py").read_text(encoding="utf-8")
