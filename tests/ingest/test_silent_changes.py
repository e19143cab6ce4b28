"""Imports that used to succeed while changing data without a word.

Each case starts from the valid export (row i on line i + 2) and changes one
thing; the expected lines and messages are worked out by hand.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import duckdb
import pytest
from openpyxl import Workbook

from ingest import ImportRefused, run_import
from ingest.__main__ import main
from tests.helpers.importera import write_export

UTTAG = date(2024, 6, 30)


def problems(folder: Path, **options: object) -> list[str]:
    with pytest.raises(ImportRefused) as refused:
        run_import(folder, folder.parent / "ekb.duckdb", uttagsdatum=UTTAG, **options)  # type: ignore[arg-type]
    assert not (folder.parent / "ekb.duckdb").exists()
    return [str(problem) for problem in refused.value.problems]


def test_a_windows_1252_line_in_a_utf8_file_is_named(tmp_path: Path, valid_tables) -> None:
    folder = write_export(tmp_path / "e", valid_tables())
    lines = [
        b"enhet_id;namn;boendeform;kommun",
        "E1;Björkhemmet;HVB;0182".encode(),  # line 2: UTF-8
        "E2;Stödboendet Ek;stodboende;0180".encode("cp1252"),  # line 3: Windows-1252
    ]
    (folder / "enheter.csv").write_bytes(b"\n".join(lines) + b"\n")
    assert problems(folder) == [
        "enheter.csv:3: raden är inte UTF-8 som resten av filen (troligen Windows-1252); "
        "filen har blandad teckenkodning: spara hela filen som UTF-8"
    ]
    # the same names in a file that is Windows-1252 throughout import as written
    pure = write_export(tmp_path / "cp1252", valid_tables(), encoding="cp1252")
    result = run_import(pure, tmp_path / "ok.duckdb", uttagsdatum=UTTAG)
    with duckdb.connect(str(result.db_path), read_only=True) as con:
        names = con.execute("select namn from enheter order by 1").fetchall()
    assert names == [("Hemmet",), ("Stödet",)]


def test_formulas_without_stored_values_are_named_by_cell(tmp_path: Path, valid_tables) -> None:
    folder = write_export(tmp_path / "e", valid_tables())
    (folder / "ekonomi.csv").unlink()
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["period", "verksamhet", "konto", "belopp"])
    sheet.append(["2024-01", "EKB asyl", "4010", 1000])
    sheet.append(["2024-01", "EKB asyl", "3010", "=-D2/2"])  # openpyxl stores no value: D3
    sheet.append(["2024-02", "EKB asyl", "=C2", 5])  # C4
    workbook.save(folder / "ekonomi.xlsx")
    assert problems(folder) == [
        "ekonomi.xlsx:3: cell D3: formeln har inget sparat värde; öppna filen i Excel och spara den",
        "ekonomi.xlsx:3: belopp: värde saknas",
        "ekonomi.xlsx:4: cell C4: formeln har inget sparat värde; öppna filen i Excel och spara den",
        "ekonomi.xlsx:4: konto: värde saknas",
    ]


def test_a_header_only_required_table_is_refused(tmp_path: Path, valid_tables) -> None:
    tables = valid_tables()
    tables["placeringar"] = []
    folder = write_export(tmp_path / "e", tables)
    assert problems(folder) == [
        "placeringar.csv: tabellen placeringar har inga rader (bara en rubrikrad)"
    ]
    # a fixture that means to test empty data may say so
    run_import(folder, tmp_path / "tom.duckdb", uttagsdatum=UTTAG, tomma_tabeller=True)


# (table, row, column, value, expected message) -> refused
IMPLAUSIBLE = [
    ("personer", 0, "fodelsedatum", "9999-12-31", "datumet 9999-12-31 är orimligt"),
    ("personer", 1, "fodelsedatum", "1899-12-31", "födelsedatum 1899-12-31 ligger före 1900-01-01"),
    ("personer", 2, "fodelsedatum", "2024-07-01", "ligger efter uttagsdatum 2024-06-30"),
    ("placeringar", 0, "startdatum", "0001-01-01", "datumet 0001-01-01 ligger före 1990-01-01"),
    ("placeringar", 3, "slutdatum", "9999-12-31", "datumet 9999-12-31 är orimligt"),
    ("enheter", 1, "dygnspris", "-900", "ett dygnspris får inte vara negativt"),
    ("placeringar", 2, "dygnskostnad", "-1", "ett dygnspris får inte vara negativt"),
    ("platser", 2, "antal_platser", "2147483647", "2147483647 platser är orimligt många"),
    ("platser", 0, "antal_platser", "10001", "10001 platser är orimligt många (högst 10 000)"),
    ("budget", 0, "period", "1989", "datumet 1989-01-01 ligger före 1990-01-01"),
]


@pytest.mark.parametrize(("table", "row", "column", "value", "message"), IMPLAUSIBLE)
def test_impossible_values_are_refused(
    tmp_path: Path, valid_tables, table: str, row: int, column: str, value: str, message: str
) -> None:
    tables = valid_tables()
    tables[table][row][column] = value
    found = problems(write_export(tmp_path / "e", tables))
    assert len(found) == 1 and found[0].startswith(f"{table}.csv:{row + 2}: {column}: ")
    assert message in found[0]


def test_unlikely_values_are_warnings_printed_and_logged(
    tmp_path: Path, valid_tables, capsys: pytest.CaptureFixture[str]
) -> None:
    tables = valid_tables()
    tables["enheter"][0]["dygnspris"] = "75000"  # line 2
    tables["platser"][0]["alder_till"] = "30"  # line 2
    tables["ersattningsansokningar"][0]["beviljat_belopp"] = "-400"  # line 2
    # 2024-06-30 + 366 days = 2025-07-01; 2025-07-02 is more than a year after it
    tables["anvisningar"][2]["anvisningsdatum"] = "2025-07-02"  # line 4
    db_path = tmp_path / "ekb.duckdb"
    folder = write_export(tmp_path / "e", tables)
    assert main([str(folder), "--db", str(db_path), "--uttagsdatum", "2024-06-30"]) == 0
    expected = [
        "anvisningar.csv:4: anvisningsdatum: datumet 2025-07-02 ligger mer än ett år efter "
        "uttagsdatum 2024-06-30",
        "enheter.csv:2: dygnspris: dygnspriset är över 50 000 kr",
        "ersattningsansokningar.csv:2: beviljat_belopp: beloppet är negativt",
        "platser.csv:2: alder_till: åldern 30 är ovanligt hög för en plats för barn och unga",
    ]
    printed = [
        line.removeprefix("Varning: ")
        for line in capsys.readouterr().out.splitlines()
        if line.startswith("Varning: ")
    ]
    assert sorted(printed) == expected
    with duckdb.connect(str(db_path), read_only=True) as con:
        logged = con.execute("select varningar from import_log").fetchone()
    assert logged is not None and sorted(logged[0]) == expected


def test_stale_data_without_an_extraction_date_is_warned_and_logged(
    tmp_path: Path, valid_tables, capsys: pytest.CaptureFixture[str]
) -> None:
    # newest event of the valid export: ledger period 2024-01 (placements end 2023-08-31,
    # the last anvisning is 2023-01-15, the last start 2023-03-01)
    folder = write_export(tmp_path / "e", valid_tables())
    db_path = tmp_path / "ekb.duckdb"
    assert main([str(folder), "--db", str(db_path)]) == 0
    days = (date.today() - date(2024, 1, 1)).days
    assert days > 90  # the test runs long after 2024
    warning = next(
        line for line in capsys.readouterr().out.splitlines() if line.startswith("Varning: ")
    )
    shown_days = f"{days:,}".replace(",", " ")  # Swedish thousands: 1 065
    assert warning.startswith(
        f"Varning: den senaste händelsen i exporten är 2024-01-01, {shown_days} dagar före "
        f"uttagsdatum {date.today().isoformat()}"
    )
    with duckdb.connect(str(db_path), read_only=True) as con:
        row = con.execute("select senaste_handelse, varningar from import_log").fetchone()
    assert row is not None and row[0] == date(2024, 1, 1)
    assert [f"Varning: {text}" for text in row[1]] == [warning]
    # 2025-12-31 is 730 days after the newest event too, but given on purpose: an
    # export may describe a period that ended long ago
    given = ["--uttagsdatum", "2025-12-31"]
    assert main([str(folder), "--db", str(tmp_path / "b.duckdb"), *given]) == 0
    assert "Varning:" not in capsys.readouterr().out
