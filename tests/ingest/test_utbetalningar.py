"""Migrationsverket's payment file (`utbetalningar`, docs/import-format.md "Payment file").

Written by hand as the file arrives: `;` or tab separated, decimal comma, header spellings
of the file rather than the contract's, under the name `utbetalda_schabloner`.
"""

from __future__ import annotations

import hashlib
from decimal import Decimal
from pathlib import Path

import duckdb
import pytest

from ingest import ImportRefused, run_import
from tests.helpers.importera import write_export


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _folder(tmp_path: Path, valid_tables, name: str, text: str) -> Path:
    folder = write_export(tmp_path / name, valid_tables())
    (folder / "utbetalda_schabloner.csv").write_text(text, encoding="utf-8")
    return folder


GOOD_SEMICOLON = (
    "PersonID;Periodstart;Periodslut;Utbetalt belopp;Ärende\n"
    "P1;2023-01-01;2023-01-31;40 500,00;MV-1\n"
    "P1;2023-02-01;2023-04-30;121 500,50;MV-1\n"
    "P2;20230101;20230331;-1 350,00;\n"
)


def test_a_semicolon_file_with_decimal_commas_is_stored_row_for_row(
    tmp_path: Path, valid_tables
) -> None:
    folder = _folder(tmp_path, valid_tables, "export", GOOD_SEMICOLON)
    db = tmp_path / "ekb.duckdb"
    run_import(folder, db)
    with duckdb.connect(str(db), read_only=True) as con:
        rows = con.execute(
            "select person_id, period_fran::varchar, period_till::varchar, belopp, arende "
            "from utbetalningar order by period_fran, person_id, belopp"
        ).fetchall()
        counts = con.execute(
            "select rader_lasta, rader_lagrade from import_fil where tabell = 'utbetalningar'"
        ).fetchone()
    # three lines in, three rows stored; "40 500,00" is 40 500 kr, a reclaim keeps its sign
    assert rows == [
        ("P1", "2023-01-01", "2023-01-31", Decimal("40500.00"), "MV-1"),
        ("P2", "2023-01-01", "2023-03-31", Decimal("-1350.00"), None),
        ("P1", "2023-02-01", "2023-04-30", Decimal("121500.50"), "MV-1"),
    ]
    assert counts == (3, 3)


def test_a_tab_separated_file_is_read_too(tmp_path: Path, valid_tables) -> None:
    text = "person_id\tfrom\ttom\tbelopp\nP3\t2023-02-01\t2023-02-28\t37 800,00\n"
    folder = _folder(tmp_path, valid_tables, "export", text)
    db = tmp_path / "ekb.duckdb"
    run_import(folder, db)
    with duckdb.connect(str(db), read_only=True) as con:
        total = con.execute("select sum(belopp) from utbetalningar").fetchone()
    # 28 days x 1 350 = 37 800
    assert total == (Decimal("37800.00"),)


def test_a_bad_file_names_line_and_column_and_leaves_the_database_unchanged(
    tmp_path: Path, valid_tables
) -> None:
    db = tmp_path / "ekb.duckdb"
    run_import(write_export(tmp_path / "first", valid_tables()), db)
    before = _sha256(db)
    bad = (
        "person_id;period_fran;period_till;belopp;arende\n"
        "P1;2023-01-01;2023-01-31;40 500,00;\n"  # line 2: fine
        "P9;2023-01-01;2023-01-31;100;\n"  # line 3: unknown person
        "P1;2023-03-31;2023-03-01;100;\n"  # line 4: ends before it starts
        "P1;2023-01-01;2023-01-31;12 kr;\n"  # line 5: not an amount
        "P2;2023-01-01;2023-01-31;100;050101-1233\n"  # line 6: a personnummer
    )
    folder = _folder(tmp_path, valid_tables, "second", bad)
    with pytest.raises(ImportRefused) as refused:
        run_import(folder, db)
    where = {(p.fil, p.rad, p.kolumn) for p in refused.value.problems}
    assert ("utbetalda_schabloner.csv", 3, "person_id") in where
    assert ("utbetalda_schabloner.csv", 4, "period_till") in where
    assert ("utbetalda_schabloner.csv", 5, "belopp") in where
    assert ("utbetalda_schabloner.csv", 6, "arende") in where
    assert not any("050101" in str(p) for p in refused.value.problems)
    assert _sha256(db) == before


def test_a_column_given_under_two_spellings_is_refused(tmp_path: Path, valid_tables) -> None:
    text = "person_id;personid;period_fran;period_till;belopp\nP1;P1;2023-01-01;2023-01-31;1\n"
    folder = _folder(tmp_path, valid_tables, "export", text)
    with pytest.raises(ImportRefused) as refused:
        run_import(folder, tmp_path / "ekb.duckdb")
    assert [(p.rad, p.kolumn, p.meddelande) for p in refused.value.problems] == [
        (1, "person_id", "kolumnen finns två gånger")
    ]
    assert not (tmp_path / "ekb.duckdb").exists()
