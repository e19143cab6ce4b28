"""A messy export, written the way real systems write them, imports exactly.

Every format rule of the contract appears at least once: Windows-1252 with
`;`, decimal comma and NBSP thousands; UTF-8 with BOM and `,`; tab; headers
in mixed case with spaces and å/ä/ö; YYYYMMDD, YYYYMM and midnight
timestamps; a workbook with a sheet per table; an xlsx with Excel date
cells and numbers for codes and ids; empty trailing rows; extra files and
columns. The expected values are written out by hand below.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

import duckdb
import pytest
from openpyxl import Workbook

from ingest import ImportResult, TableSummary, run_import

UTTAG = date(2024, 6, 30)


def write_messy_export(folder: Path) -> Path:
    folder.mkdir()
    (folder / "personer.csv").write_bytes(
        "\ufeff Person_ID ,Födelsedatum, KÖN ,Medborgarskap,AnkomstDatum\r\n"
        'P1,20060510,flicka,"Afghanistan, Islamiska republiken",2022-02-20\r\n'
        "P2,2008-01-20,Pojke,SOM,\r\n"
        "P3,20091102,,,\r\n"
        "P4,2010-07-07,okänd,,\r\n"
        ",,,,\r\n".encode()
    )
    (folder / "Anvisningar.CSV").write_text(
        "anvisning_id\tperson_id\tanvisningsdatum\tanvisningskommun\tankomstkommun"
        "\tUppehållstillstånd\tHandläggare\n"
        "A1\tP1\t2022-03-01\t182\tStockholm\tput\tX\n"
        "A2\tP2\t20220401\t0180\t\tAsylsökande\tY\n"
        "A3\tP3\t2023-01-15\tnacka\t\tTUT\tZ\n"
        "A4\tP4\t2023-05-01\t1480\t0182\tavslag\t\n",
        encoding="utf-8",
    )
    (folder / "enheter.csv").write_bytes(
        "Enhet_id;Namn;Boendeform;Kommun;Regi;Dygnspris\r\n"
        "E1;Björkhemmet;hvb;0182;Egen;1\u00a0350,50\r\n"
        "E2;Stödboendet Ek;Stödboende;180;upphandlad;900\r\n"
        'E3;"Familjehem; Syd";familjehem;0180;konsulentstödd;2 100,00\r\n'
        ";;;;;\r\n;;;;;\r\n".encode("cp1252")
    )
    (folder / "ekonomi.csv").write_text(
        "Period;Verksamhet;Konto;Belopp\n"
        "202401;EKB asyl;3010;\u22121\u202f200,50\n"
        "2024-01;EKB asyl;4010;1\u00a0350,00\n"
        "2024-02;EKB PUT;4010;-300\n"
        "202402;EKB PUT;4010;2 500.75\n",
        encoding="utf-8",
    )
    (folder / "platser.csv").write_text(
        "enhet_id;giltig_fran;giltig_till;antal_platser;platstyp;alder_fran;alder_till\n"
        "E1;2022-01-01;2023-12-31;6;ASYL;14;17\n"
        "E1;20240101;;6,0;asyl;14;17\n"
        "E2;2022-01-01;;8.0;Övrig;;\n"
        "E3;2022-01-01;;1;;0;13\n",
        encoding="utf-8",
    )
    (folder / "aldersandringar.csv").write_text(
        "person_id;beslutsdatum;tidigare_fodelsedatum\nP2;2023-06-01 00:00:00;2007-01-20\n",
        encoding="utf-8",
    )
    (folder / "ersattningsansokningar.csv").write_text(
        "period;ersattningstyp;sokt_belopp;beviljat_belopp\n"
        "2024-03-01;schablon;12 000,00;\n"
        "202404;dygnsersattning;500;450,5\n",
        encoding="utf-8",
    )
    (folder / "readme.txt").write_text("Export från verksamhetssystemet\n", encoding="utf-8")
    _placeringar_xlsx(folder / "placeringar.xlsx")
    _economy_workbook(folder / "ekonomi_export.xlsx")
    return folder


def _placeringar_xlsx(path: Path) -> None:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Blad1"
    sheet.append(
        [
            "Placering_id",
            "Person_id",
            "Enhet_id",
            "Startdatum",
            "Slutdatum",
            "Dygnskostnad",
            "Vistelsekommun",
        ]
    )
    sheet.append([1001.0, "P1", "E1", datetime(2022, 3, 1), datetime(2023, 3, 1), 1800.5, 182])
    sheet.append([1002, "P1", "E2", datetime(2023, 3, 1), None, None, None])
    sheet.append([1003, "P2", "E1", date(2022, 4, 1), None, None, None])
    sheet.append([1004, "P3", "E3", "2023-01-15", "20230831", None, 180])
    sheet.append([1005, "P4", "E3", datetime(2024, 9, 1), None, None, None])
    workbook.save(path)


def _economy_workbook(path: Path) -> None:
    workbook = Workbook()
    notes = workbook.active
    notes.title = "Anteckningar"
    notes.append(["Budget 2024 enligt beslut i nämnden"])
    kontoplan = workbook.create_sheet("Kontoplan")
    kontoplan.append(["konto", "benämning", "typ", "kategori"])
    kontoplan.append([4010, "Köpt HVB", "Kostnad", "HVB"])
    kontoplan.append([3010.0, "Statlig ersättning", "Intäkt", "statlig_ersattning"])
    budget = workbook.create_sheet("BUDGET")
    budget.append(["period", "verksamhet", "konto", "belopp"])
    budget.append([2024, "EKB asyl", 4010, 120000.0])
    budget.append([datetime(2024, 1, 1), "EKB PUT", 3010, -500.25])
    budget.append(["202402", "EKB PUT", "3010", "-1 000,50"])
    workbook.save(path)


@pytest.fixture(scope="module")
def imported(tmp_path_factory: pytest.TempPathFactory) -> tuple[ImportResult, Path]:
    base = tmp_path_factory.mktemp("messy")
    folder = write_messy_export(base / "export")
    result = run_import(folder, base / "ekb.duckdb", uttagsdatum=UTTAG)
    return result, base / "ekb.duckdb"


def rows(db_path: Path, sql: str) -> list[tuple[object, ...]]:
    with duckdb.connect(str(db_path), read_only=True) as con:
        return con.execute(sql).fetchall()


def test_personer(imported: tuple[ImportResult, Path]) -> None:
    assert rows(imported[1], "select * from personer order by person_id") == [
        ("P1", date(2006, 5, 10), "K", "Afghanistan, Islamiska republiken", date(2022, 2, 20)),
        ("P2", date(2008, 1, 20), "M", "SOM", None),
        ("P3", date(2009, 11, 2), "X", None, None),
        ("P4", date(2010, 7, 7), "X", None, None),
    ]


def test_anvisningar_with_codes_names_and_spellings(imported: tuple[ImportResult, Path]) -> None:
    sql = """select anvisning_id, anvisningsdatum, anvisningskommun, ankomstkommun,
             uppehallstillstand from anvisningar order by anvisning_id"""
    assert rows(imported[1], sql) == [
        ("A1", date(2022, 3, 1), "0182", "0180", "PUT"),
        ("A2", date(2022, 4, 1), "0180", None, "asylsokande"),
        ("A3", date(2023, 1, 15), "0182", None, "TUT"),
        ("A4", date(2023, 5, 1), "1480", "0182", "avslag"),
    ]


def test_enheter_from_windows_1252_with_decimal_comma(imported: tuple[ImportResult, Path]) -> None:
    assert rows(imported[1], "select * from enheter order by enhet_id") == [
        ("E1", "Björkhemmet", "HVB", "0182", "egen", Decimal("1350.50")),
        ("E2", "Stödboendet Ek", "stodboende", "0180", "upphandlad", Decimal("900.00")),
        ("E3", "Familjehem; Syd", "familjehem", "0180", "konsulentstodd", Decimal("2100.00")),
    ]


def test_placeringar_from_excel_cells(imported: tuple[ImportResult, Path]) -> None:
    assert rows(imported[1], "select * from placeringar order by placering_id") == [
        ("1001", "P1", "E1", date(2022, 3, 1), date(2023, 3, 1), Decimal("1800.50"), "0182"),
        ("1002", "P1", "E2", date(2023, 3, 1), None, None, None),
        ("1003", "P2", "E1", date(2022, 4, 1), None, None, None),
        ("1004", "P3", "E3", date(2023, 1, 15), date(2023, 8, 31), None, "0180"),
        ("1005", "P4", "E3", date(2024, 9, 1), None, None, None),
    ]


def test_platser_integers_and_types(imported: tuple[ImportResult, Path]) -> None:
    sql = "select * from platser order by enhet_id, giltig_fran"
    assert rows(imported[1], sql) == [
        ("E1", date(2022, 1, 1), date(2023, 12, 31), 6, "asyl", 14, 17),
        ("E1", date(2024, 1, 1), None, 6, "asyl", 14, 17),
        ("E2", date(2022, 1, 1), None, 8, "ovrig", None, None),
        ("E3", date(2022, 1, 1), None, 1, None, 0, 13),
    ]


def test_ekonomi_months_and_amounts(imported: tuple[ImportResult, Path]) -> None:
    sql = "select * from ekonomi order by period, verksamhet, konto, belopp"
    assert rows(imported[1], sql) == [
        (date(2024, 1, 1), "EKB asyl", "3010", Decimal("-1200.50")),
        (date(2024, 1, 1), "EKB asyl", "4010", Decimal("1350.00")),
        (date(2024, 2, 1), "EKB PUT", "4010", Decimal("-300.00")),
        (date(2024, 2, 1), "EKB PUT", "4010", Decimal("2500.75")),
    ]


def test_workbook_sheets_and_yearly_budget(imported: tuple[ImportResult, Path]) -> None:
    assert rows(imported[1], "select * from kontoplan order by konto") == [
        ("3010", "Statlig ersättning", "intakt", "statlig_ersattning"),
        ("4010", "Köpt HVB", "kostnad", "HVB"),
    ]
    # 120 000,00 kr a year = 12 000 000 öre / 12 = 1 000 000 öre = 10 000,00 kr a month
    asyl = rows(imported[1], "select period, belopp from budget where verksamhet = 'EKB asyl'")
    assert sorted(asyl) == [(date(2024, month, 1), Decimal("10000.00")) for month in range(1, 13)]
    put = rows(imported[1], "select * from budget where verksamhet = 'EKB PUT' order by period")
    assert put == [
        (date(2024, 1, 1), "EKB PUT", "3010", Decimal("-500.25")),
        (date(2024, 2, 1), "EKB PUT", "3010", Decimal("-1000.50")),
    ]


def test_aldersandringar_and_ersattningar(imported: tuple[ImportResult, Path]) -> None:
    assert rows(imported[1], "select * from aldersandringar") == [
        ("P2", date(2023, 6, 1), date(2007, 1, 20))
    ]
    assert rows(imported[1], "select * from ersattningsansokningar order by period") == [
        (date(2024, 3, 1), "schablon", Decimal("12000.00"), None),
        (date(2024, 4, 1), "dygnsersattning", Decimal("500.00"), Decimal("450.50")),
    ]


def test_counts_and_notices(imported: tuple[ImportResult, Path]) -> None:
    result = imported[0]
    assert result.tabeller == [
        TableSummary("personer", "personer.csv", 4, 4, 1),
        TableSummary("aldersandringar", "aldersandringar.csv", 1, 1, 0),
        TableSummary("anvisningar", "Anvisningar.CSV", 4, 4, 0),
        TableSummary("enheter", "enheter.csv", 3, 3, 2),
        TableSummary("platser", "platser.csv", 4, 4, 0),
        TableSummary("placeringar", "placeringar.xlsx", 5, 5, 0),
        TableSummary("kontoplan", "ekonomi_export.xlsx[Kontoplan]", 2, 2, 0),
        TableSummary("ekonomi", "ekonomi.csv", 4, 4, 0),
        # one yearly row became 12 monthly rows: 1 * 12 + 2 = 14
        TableSummary("budget", "ekonomi_export.xlsx[BUDGET]", 3, 14, 0),
        TableSummary("ersattningsansokningar", "ersattningsansokningar.csv", 2, 2, 0),
    ]
    notices = "\n".join(result.notiser)
    assert "readme.txt" in notices
    assert "ekonomi_export.xlsx[Anteckningar]" in notices
    assert "Handläggare" in notices
    # placement 1005 starts 2024-09-01, after the extraction date; it is row 6 of the sheet
    assert "1 placeringar börjar efter uttagsdatum 2024-06-30 (rad 6)" in notices
