"""An export folder written the way a municipality's own systems write one.

The acceptance tests must not share the project's test helpers: this folder
is built from DATA_CONTRACT.md alone, with the quirks real exports have
(Windows-1252 from Excel, BOMs, tabs, YYYYMMDD, numeric codes in a workbook,
odd headers, extra columns, trailing empty lines). Every answer the tests
expect is worked out by hand from the rows below.

Perspective municipality: Uppsala (0380, Uppsala län 03). Enköping (0381)
lies in the same län, Stockholm (0180) in another. Extraction date
2025-03-20.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime
from pathlib import Path

from openpyxl import Workbook

NBSP = "\xa0"
Rows = list[tuple[object, ...]]
UTTAGSDATUM = "2025-03-20"

PERSONER = [
    " Person_ID ;Födelsedatum;Kön;Medborgarskap;Handläggare",
    "EKB001;20070315;M;AFG;Åsa Öberg",  # 18 on 2025-03-15 exactly
    "EKB002;2009-06-01;flicka;Somalia;Åsa Öberg",
    "EKB003;20060101;pojke;ERI;",  # revised 2025-03-01 from 2008-01-01
    "EKB004;2008-08-08;M;SYR;",
    "EKB005;20120229;K;AFG;",
    "EKB006;2003-01-10;;;",
    "EKB007;20050505;Pojke;AFG;",  # revised 2025-03-18 from 2011-05-05
    "EKB008;2008-03-16;kvinna;Etiopien;",
    ";;;;",
    ";;;;",
]

ALDERSANDRINGAR = [
    "Person id\tBeslutsdatum\tTidigare födelsedatum\tKommentar",
    "EKB003\t20250301\t20080101\tåldersbedömning",
    "EKB007\t2025-03-18\t2011-05-05\t",
    "",
]

ANVISNINGAR = [
    "Anvisning_ID;Person-ID;Anvisningsdatum;ANVISNINGSKOMMUN;Ankomstkommun;"
    "Uppehållstillstånd;Uppehållstillstånd datum;Avslutsdatum;Avslutsorsak",
    "A1;EKB001;20241020;0380;Malmö;PUT;20250110;;",
    "A2;EKB002;2025-01-10;Uppsala;;Asylsökande;;;",
    "A3;EKB003;20241115;380;;;;;",
    "A4;EKB004;20250118;0380;;;;20250301;egen_forsorjning",
    "A5;EKB005;20240520;0380;;PUT;20240901;;",
    "A6;EKB006;20241220;0380;;TUT;20241220;;",
    "A7;EKB007;20250125;0180;;asylsokande;;;",
    "A8;EKB008;20240901;0381;;;;20250316;overflyttad",
    "A9;EKB008;20250316;0380;;;;;",  # överflyttning from Enköping
    "",
]

ENHETER = [
    "enhet_id;Namn;Boendeform;Kommun;Regi;Dygnspris;Kontaktperson",
    f"E1;HVB Ängen;Hem för vård eller boende;0380;Egen regi;2{NBSP}000,00;",
    'E2;"Stödboende Björken; Centrum";Stödboende;0380;entreprenad;1 000;',
    f"E3;Familjehem Syd;familjehem;Enköping;Konsulentstödd;1{NBSP}500,50;",
    "E4;EBO Uppsala;EBO;0380;;;",
    ";;;;;;",
]

PLACERINGAR = [
    "Placering_ID;Person_ID;Enhet_ID;Startdatum;Slutdatum;Dygnskostnad;Vistelsekommun",
    "P1;EKB001;E1;20241101;20250210;;",
    f"P2;EKB001;E2;2025-02-10;;1{NBSP}800,00;",  # moves in on P1's move-out day
    "P3;EKB002;E1;20250115;;;",
    "P4;EKB003;E1;20241201;20250331;;",  # move-out after the extraction date
    "P5;EKB004;E2;20250120;20250301;;",
    "P6;EKB005;E3;20240601;;;",
    "P7;EKB006;E4;20250101;;;0180",  # EBO in Stockholm
    "P8;EKB007;E1;20250201;;;",
    "P9;EKB008;E2;20250105;;;",
    "",
]

KONTOPLAN: Rows = [
    ("Konto", "Benämning", "Typ", "Kategori"),
    (4610, "Köp av HVB", "Kostnad", "HVB"),
    (5010, "Löner", "kostnad", "personal"),
    (3010, "Statsbidrag", "Intäkt", "statlig_ersattning"),
]

EKONOMI: Rows = [
    ("Period", "Verksamhet", "Konto", "Belopp", "Verifikation"),
    (202501, "EKB asyl", 4610, 100000, "V1"),
    (202501, "EKB asyl", 5010, 50000.0, "V2"),
    (202501, "EKB asyl", 3010, -80000, "V3"),
    (202502, "EKB asyl", 4610, f"120{NBSP}000,50", "V4"),
    (202502, "EKB asyl", 4610, -20000, "V5"),  # correction of a cost
    (202502, "EKB asyl", 3010, -90000, "V6"),
    (202502, "EKB asyl", 3010, 5000, "V7"),  # correction of a revenue
    (202502, "EKB PUT", 5010, 30000, "V8"),
    (202503, "EKB PUT", 4610, 10000, "V9"),
]

BUDGET: Rows = [
    ("PERIOD ", " verksamhet", "konto", "Belopp"),
    (2025, "EKB asyl", 4610, 1200000),
    (2025, "EKB asyl", 5010, 600000),
    (2025, "EKB asyl", 3010, -1000000),
    (datetime(2025, 3, 1), "EKB PUT", 5010, 30000),
]

PLATSER: Rows = [
    ("Enhet ID", "Giltig från", "Giltig till", "Antal platser", "Platstyp", "Ålder från"),
    ("E1", datetime(2024, 1, 1), datetime(2025, 2, 14), 4, "asyl", 14),
    ("E1", datetime(2025, 2, 15), None, 6, "asyl", 14),
    ("E2", datetime(2025, 1, 1), None, 3, "PUT", None),
]


def write_text(path: Path, lines: list[str], encoding: str) -> Path:
    """Write lines with CRLF as Excel and most Windows systems do."""
    path.write_bytes("\r\n".join(lines).encode(encoding))
    return path


def write_workbook(path: Path, sheets: Mapping[str, Sequence[tuple[object, ...]]]) -> Path:
    """One workbook, one sheet per table, cells typed as Excel stores them."""
    book = Workbook()
    book.active.title = "Instruktioner"
    book.active.append(("Exporterad från ekonomisystemet",))
    for name, rows in sheets.items():
        sheet = book.create_sheet(name)
        for row in rows:
            sheet.append(row)
    book.save(path)
    return path


def write_folder(
    folder: Path,
    *,
    with_platser: bool = True,
    with_ekonomi: bool = True,
    override: dict[str, list[str]] | None = None,
    sheet_override: Mapping[str, Rows] | None = None,
) -> Path:
    """Write the whole export folder; the overrides replace a table's lines or sheet."""
    folder.mkdir(parents=True, exist_ok=True)
    text = {
        "personer": PERSONER,
        "anvisningar": ANVISNINGAR,
        "enheter": ENHETER,
        "placeringar": PLACERINGAR,
        "aldersandringar": ALDERSANDRINGAR,
        **(override or {}),
    }
    write_text(folder / "personer.csv", text["personer"], "cp1252")
    write_text(folder / "Anvisningar.CSV", text["anvisningar"], "utf-8-sig")
    write_text(folder / "enheter.csv", text["enheter"], "cp1252")
    write_text(folder / "placeringar.csv", text["placeringar"], "cp1252")
    write_text(folder / "Åldersändringar.txt", text["aldersandringar"], "utf-8-sig")
    (folder / "läsmig.txt").write_text("Uttag från verksamhetssystemet\n", encoding="utf-8")
    sheets: dict[str, Rows] = {}
    if with_platser:
        sheets["Platser"] = PLATSER
    if with_ekonomi:
        sheets.update({"Kontoplan": KONTOPLAN, "Ekonomi": EKONOMI, "Budget": BUDGET})
    sheets.update(sheet_override or {})
    if sheets:
        write_workbook(folder / "Ekonomi 2025.xlsx", sheets)
    return folder
