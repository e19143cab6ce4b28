"""Smaller quirks of real exports, each on top of the valid export."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import duckdb
import pytest
from openpyxl import Workbook

from ingest import ImportRefused, run_import
from tests.helpers.importera import write_export


def import_folder(folder: Path) -> Path:
    db_path = folder.parent / "ekb.duckdb"
    run_import(folder, db_path, uttagsdatum=date(2024, 6, 30))
    return db_path


def problems_of(folder: Path) -> list[tuple[str, int | None, str | None]]:
    with pytest.raises(ImportRefused) as refused:
        run_import(folder, folder.parent / "ekb.duckdb")
    return [(p.fil, p.rad, p.kolumn) for p in refused.value.problems]


def fetch(db_path: Path, sql: str) -> list[tuple[object, ...]]:
    with duckdb.connect(str(db_path), read_only=True) as con:
        return con.execute(sql).fetchall()


def test_excel_sep_line_and_trailing_separators(tmp_path: Path, valid_tables) -> None:
    folder = write_export(tmp_path / "export", valid_tables())
    (folder / "kontoplan.csv").write_text(
        "sep=;\nkonto;benamning;typ;kategori;\n4010;Köpt HVB;kostnad;HVB;\n"
        "3010;Statlig ersättning;intakt;statlig_ersattning;\n",
        encoding="utf-8",
    )
    db_path = import_folder(folder)
    assert fetch(db_path, "select konto, typ from kontoplan order by konto") == [
        ("3010", "intakt"),
        ("4010", "kostnad"),
    ]


def test_lines_after_a_quoted_line_break_keep_their_file_line(tmp_path: Path, valid_tables) -> None:
    folder = write_export(tmp_path / "export", valid_tables())
    (folder / "enheter.csv").write_text(
        "enhet_id;namn;boendeform;kommun\n"
        'E1;"Hemmet\nhus B";HVB;0182\n'  # lines 2-3
        "E2;Stödet;stodboende;0180\n"  # line 4
        "E3;Fel;HVB;0001\n",  # line 5: 0001 is no municipality
        encoding="utf-8",
    )
    assert problems_of(folder) == [("enheter.csv", 5, "kommun")]


def test_utf16_tab_text_from_excel(tmp_path: Path, valid_tables) -> None:
    folder = write_export(tmp_path / "export", valid_tables())
    (folder / "personer.csv").unlink()
    (folder / "personer.txt").write_text(
        "person_id\tfodelsedatum\tkon\nP1\t2006-05-10\tK\nP2\t2008-01-20\tM\nP3\t2009-11-02\t\n",
        encoding="utf-16",
    )
    db_path = import_folder(folder)
    assert fetch(db_path, "select person_id, kon from personer order by 1") == [
        ("P1", "K"),
        ("P2", "M"),
        ("P3", "X"),
    ]


def test_header_only_file_is_an_empty_table_and_empty_file_an_error(
    tmp_path: Path, valid_tables
) -> None:
    tables = valid_tables()
    tables["ersattningsansokningar"] = []
    folder = write_export(tmp_path / "export", tables)
    db_path = import_folder(folder)
    assert fetch(db_path, "select count(*) from ersattningsansokningar") == [(0,)]
    (folder / "ersattningsansokningar.csv").write_bytes(b"")
    assert problems_of(folder) == [("ersattningsansokningar.csv", None, None)]


def test_personnummer_in_an_ignored_column_is_still_refused(tmp_path: Path, valid_tables) -> None:
    tables = valid_tables()
    # Luhn over 091102123: 0+9+2+1+0+2+2+2+6 = 24 → check digit 6
    tables["personer"][2]["personnr"] = "20091102-1236"
    assert problems_of(write_export(tmp_path / "export", tables)) == [
        ("personer.csv", 4, "personnr")
    ]


def test_empty_rows_between_rows_are_counted_and_lines_still_match(
    tmp_path: Path, valid_tables
) -> None:
    folder = write_export(tmp_path / "export", valid_tables())
    (folder / "ekonomi.csv").write_text(
        "period;verksamhet;konto;belopp\n2024-01;EKB;4010;1\n;;;\n\n2024-02;EKB;4010;x\n",
        encoding="utf-8",
    )
    # the bad amount is on line 5, after two empty lines (3 and 4)
    assert problems_of(folder) == [("ekonomi.csv", 5, "belopp")]


def _sheet(path: Path, rows: list[list[object]], title: str = "Blad1") -> None:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = title
    for row in rows:
        sheet.append(row)
    workbook.save(path)


def test_sheet_rows_are_numbered_as_excel_shows_them(tmp_path: Path, valid_tables) -> None:
    folder = write_export(tmp_path / "export", valid_tables())
    (folder / "kontoplan.csv").unlink()
    _sheet(
        folder / "kontoplan.xlsx",
        [
            [None],  # row 1 empty: the header is the first non-empty row
            ["konto", "benamning", "typ", "kategori"],
            [4010, "Köpt HVB", "kostnad", "HVB"],
            [None, None, None, None],
            [3010, "Statlig ersättning", "inkomst", "statlig_ersattning"],  # row 5
            [3020, "Övrigt", "intakt", "ovrigt", "anteckning"],  # row 6: cell outside header
        ],
    )
    assert problems_of(folder) == [("kontoplan.xlsx", 5, "typ"), ("kontoplan.xlsx", 6, None)]


def test_excel_time_on_a_date_is_refused(tmp_path: Path, valid_tables) -> None:
    folder = write_export(tmp_path / "export", valid_tables())
    (folder / "aldersandringar.csv").unlink()
    _sheet(
        folder / "aldersandringar.xlsx",
        [
            ["person_id", "beslutsdatum", "tidigare_fodelsedatum"],
            ["P2", datetime(2023, 6, 1, 14, 30), date(2007, 1, 20)],
        ],
    )
    assert problems_of(folder) == [("aldersandringar.xlsx", 2, "beslutsdatum")]


def test_old_excel_format_named_as_a_table_is_refused(tmp_path: Path, valid_tables) -> None:
    folder = write_export(tmp_path / "export", valid_tables())
    (folder / "platser.csv").rename(folder / "platser.xls")
    assert problems_of(folder) == [("platser.xls", None, None)]
