"""Finds which file (or workbook sheet) in an export folder holds which table.

Municipalities hand over folders in two shapes: one file per table, or one
workbook with a sheet per table, plus whatever else was in the folder. Names
match the contract's tables spelling-insensitively; unknown files are listed
as notices, and a table given twice is an error rather than a silent pick.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ingest.parse import fold
from ingest.problems import Problem
from ingest.readers import RawTable, read_csv, read_sheet
from ingest.spec import TABLES_BY_NAME

TEXT_SUFFIXES = (".csv", ".tsv", ".txt")
WORKBOOK_SUFFIXES = (".xlsx", ".xlsm")
UNSUPPORTED_SUFFIXES = (".xls", ".ods", ".numbers", ".xlsb")


@dataclass(frozen=True)
class Source:
    """Where one table is read from."""

    table: str
    path: Path
    sheet: str | None
    """The sheet of a workbook; None for a CSV file or a workbook's first sheet."""

    @property
    def fil(self) -> str:
        return self.path.name if self.sheet is None else f"{self.path.name}[{self.sheet}]"


@dataclass
class Found:
    """What a folder holds: its sources, what was ignored, what is wrong."""

    sources: list[Source]
    notices: list[str]
    problems: list[Problem]


def discover(folder: Path) -> Found:
    """Map every file and sheet in `folder` to a contract table, or to a notice."""
    found = Found([], [], [])
    for path in sorted(folder.iterdir(), key=lambda p: p.name.casefold()):
        _classify(path, found)
    found.problems.extend(_duplicates(found.sources))
    return found


def _classify(path: Path, found: Found) -> None:
    table = fold(path.stem)
    suffix = path.suffix.lower()
    if path.is_dir() or path.name.startswith(("~$", ".")):
        found.notices.append(f"{path.name}: ignoreras (ingen exportfil)")
    elif suffix in TEXT_SUFFIXES and table in TABLES_BY_NAME:
        found.sources.append(Source(table, path, None))
    elif suffix in WORKBOOK_SUFFIXES and table in TABLES_BY_NAME:
        found.sources.append(Source(table, path, None))
    elif suffix in WORKBOOK_SUFFIXES:
        _classify_sheets(path, found)
    elif suffix in UNSUPPORTED_SUFFIXES and table in TABLES_BY_NAME:
        message = f"filformatet {suffix} stöds inte; spara som .xlsx eller .csv"
        found.problems.append(Problem(path.name, None, None, message))
    else:
        found.notices.append(f"{path.name}: okänd fil, ignoreras")


def _classify_sheets(path: Path, found: Found) -> None:
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except Exception:  # openpyxl raises many types for a damaged file
        message = "filen kan inte läsas som Excel-arbetsbok (.xlsx)"
        found.problems.append(Problem(path.name, None, None, message))
        return
    names = list(workbook.sheetnames)
    workbook.close()
    matched = [name for name in names if fold(name) in TABLES_BY_NAME]
    found.sources.extend(Source(fold(name), path, name) for name in matched)
    for name in names:
        if name not in matched:
            found.notices.append(f"{path.name}[{name}]: okänt blad, ignoreras")


def _duplicates(sources: list[Source]) -> list[Problem]:
    by_table: dict[str, list[Source]] = {}
    for source in sources:
        by_table.setdefault(source.table, []).append(source)
    problems = []
    for table, given in by_table.items():
        for extra in given[1:]:
            message = f"tabellen {table} finns redan i {given[0].fil}; ange den bara en gång"
            problems.append(Problem(extra.fil, None, None, message))
    return problems


def read_source(source: Source) -> tuple[RawTable, list[Problem]]:
    """Read one source into a raw table."""
    if source.path.suffix.lower() in WORKBOOK_SUFFIXES:
        return read_sheet(source.table, source.path, source.sheet, source.fil)
    return read_csv(source.table, source.path)
