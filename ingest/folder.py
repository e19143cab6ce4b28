"""Finds which file (or workbook sheet) in an export folder holds which table.

Municipalities hand over folders in two shapes: one file per table, or one
workbook with a sheet per table, plus whatever else was in the folder. Names
match the contract's tables spelling-insensitively; unknown files are listed
as notices, and a table given twice is an error rather than a silent pick.
"""

from __future__ import annotations

import stat
from dataclasses import dataclass, field
from pathlib import Path

from ingest.limits import Limits
from ingest.parse import fold
from ingest.personnummer import contains_personnummer
from ingest.problems import Problem
from ingest.readers import RawTable, read_csv, read_sheet
from ingest.safe_files import FileFault, check_entry, read_regular
from ingest.sheets import SheetFault, sheet_names
from ingest.spec import table_for

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
    folder: Path
    limits: Limits
    workbooks: dict[Path, bytes] = field(default_factory=dict)
    """Workbooks already read for their sheet names, so each is read once."""
    named: set[str] = field(default_factory=set)
    """Tables a file is named after, also when that file is refused (so not 'missing')."""


NAME_WITH_PERSONNUMMER = (
    "namnet på post nr {number} i mappen (i bokstavsordning) ser ut att innehålla ett "
    "personnummer; byt namn på den (namnet visas inte här)"
)


def discover(folder: Path, limits: Limits) -> Found:
    """Map every file and sheet in `folder` to a contract table, or to a notice."""
    found = Found([], [], [], folder, limits)
    entries = sorted(folder.iterdir(), key=lambda p: p.name.casefold())
    for number, path in enumerate(entries, start=1):
        if contains_personnummer(path.name):
            message = NAME_WITH_PERSONNUMMER.format(number=number)
            found.problems.append(Problem("exportmappen", None, None, message))
        else:
            _classify(path, found)
    found.problems.extend(_duplicates(found.sources))
    return found


def _classify(path: Path, found: Found) -> None:
    table = table_for(fold(path.stem))
    suffix = path.suffix.lower()
    if path.name.startswith(("~$", ".")):
        found.notices.append(f"{path.name}: ignoreras (ingen exportfil)")
    elif (named := table or table_for(fold(path.name))) and _is_directory(path):
        found.named.add(named)
        found.problems.append(Problem(path.name, None, None, "är en mapp, inte en fil"))
    elif _is_directory(path):
        found.notices.append(f"{path.name}: ignoreras (en mapp)")
    elif suffix in TEXT_SUFFIXES + WORKBOOK_SUFFIXES and table is not None:
        found.named.add(table)
        if _readable(path, found):
            found.sources.append(Source(table, path, None))
    elif suffix in WORKBOOK_SUFFIXES:
        _classify_sheets(path, found)
    elif suffix in UNSUPPORTED_SUFFIXES and table is not None:
        message = f"filformatet {suffix} stöds inte; spara som .xlsx eller .csv"
        found.problems.append(Problem(path.name, None, None, message))
    else:
        found.notices.append(f"{path.name}: okänd fil, ignoreras")


def _is_directory(path: Path) -> bool:
    """A real directory (a link to one is judged as a link, by `check_entry`)."""
    try:
        return stat.S_ISDIR(path.lstat().st_mode)
    except OSError:
        return False


def _readable(path: Path, found: Found) -> bool:
    try:
        check_entry(path, found.folder)
    except FileFault as fault:
        found.problems.append(Problem(path.name, None, None, str(fault)))
        return False
    return True


def _classify_sheets(path: Path, found: Found) -> None:
    try:
        data = read_regular(path, found.folder, found.limits.max_bytes)
        names = sheet_names(data)
    except (FileFault, SheetFault) as fault:
        found.problems.append(Problem(path.name, None, None, str(fault)))
        return
    found.workbooks[path] = data
    matched = [name for name in names if table_for(fold(name))]
    found.sources.extend(Source(table_for(fold(name)) or "", path, name) for name in matched)
    for number, name in enumerate(names, start=1):
        if contains_personnummer(name):
            message = f"namnet på blad nr {number} ser ut att innehålla ett personnummer; byt namn"
            found.problems.append(Problem(path.name, None, None, message))
        elif name not in matched:
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


def read_source(source: Source, found: Found) -> tuple[RawTable, list[Problem]]:
    """Read one source into a raw table; a file that may not be read is one problem."""
    try:
        data = found.workbooks.get(source.path) or read_regular(
            source.path, found.folder, found.limits.max_bytes
        )
    except FileFault as fault:
        raw = RawTable(source.table, source.fil, "")
        return raw, [Problem(source.fil, None, None, str(fault))]
    if source.path.suffix.lower() in WORKBOOK_SUFFIXES:
        return read_sheet(source.table, data, source.sheet, source.fil, found.limits)
    return read_csv(source.table, data, source.fil, found.limits)
