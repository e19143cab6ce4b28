"""The import as one all-or-nothing step: folder in, validated snapshot out.

`run_import` reads every file, collects every problem, and only when there
are none builds and swaps in the new database. This is the single entry
point for the CLI, the demo generator and the tests, so all of them get the
same guarantees.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from ingest.checks import check_tables
from ingest.folder import Found, discover, read_source
from ingest.frames import to_frame
from ingest.load import FileRecord, LogEntry, read_kommuner, write_database
from ingest.problems import ImportRefused, Problem
from ingest.spec import NEEDS_KONTOPLAN, TABLES
from ingest.validate import ParsedTable, parse_table


@dataclass(frozen=True)
class TableSummary:
    """What one table contributed to an import."""

    tabell: str
    fil: str
    rader_lasta: int
    """Non-empty data rows read."""
    rader_lagrade: int
    """Rows stored (more than read when a yearly budget is spread over months)."""
    tomma_rader: int
    """Completely empty rows skipped."""


@dataclass(frozen=True)
class ImportResult:
    """A successful import."""

    import_id: int
    db_path: Path
    uttagsdatum: date
    tabeller: list[TableSummary] = field(default_factory=list)
    notiser: list[str] = field(default_factory=list)
    """Things worth knowing that did not stop the import (ignored files, columns)."""


def run_import(
    folder: Path,
    db_path: Path,
    *,
    uttagsdatum: date | None = None,
    demo: bool = False,
    kalla: str | None = None,
) -> ImportResult:
    """Import an export folder into `db_path`; raise `ImportRefused` if anything is wrong.

    `kalla` names the source in the import log; by default the folder's absolute path.
    """
    folder, db_path = Path(folder), Path(db_path)
    uttag = uttagsdatum or date.today()
    tables, notices = _validated(folder, uttag)
    frames = {name: to_frame(parsed) for name, parsed in tables.items()}
    summaries = [
        TableSummary(name, p.fil, p.rows_read, frames[name].height, p.empty_rows)
        for name, p in tables.items()
    ]
    files = [
        FileRecord(s.tabell, s.fil, tables[s.tabell].sha256, s.rader_lasta, s.rader_lagrade)
        for s in summaries
    ]
    entry = LogEntry(uttag, kalla or str(folder.resolve()), demo)
    import_id = write_database(db_path, frames, files, entry)
    return ImportResult(import_id, db_path, uttag, summaries, notices)


def _validated(folder: Path, uttagsdatum: date) -> tuple[dict[str, ParsedTable], list[str]]:
    if not folder.is_dir():
        raise ImportRefused([Problem(str(folder), None, None, "mappen finns inte")])
    found = discover(folder)
    problems, notices = list(found.problems), list(found.notices)
    problems.extend(_missing_tables(found, folder))
    kommuner = read_kommuner()
    tables: dict[str, ParsedTable] = {}
    for source in found.sources:
        raw, read_problems = read_source(source)
        problems += read_problems
        if any(problem.rad is None for problem in read_problems):
            continue  # the file could not be read at all
        parsed, parse_problems, parse_notices = parse_table(raw, kommuner)
        tables[source.table] = parsed
        problems += parse_problems
        notices += parse_notices
    problems.extend(check_tables(tables))
    if problems:
        raise ImportRefused(problems)
    notices.extend(_future_placements(tables, uttagsdatum))
    order = [table.name for table in TABLES]
    return dict(sorted(tables.items(), key=lambda item: order.index(item[0]))), notices


def _missing_tables(found: Found, folder: Path) -> list[Problem]:
    given = {source.table for source in found.sources}
    needed = [table.name for table in TABLES if table.required]
    if given & set(NEEDS_KONTOPLAN):
        needed.append("kontoplan")
    return [
        Problem(
            folder.name,
            None,
            None,
            f"tabellen {name} saknas ({name}.csv, .xlsx eller ett blad {name})",
        )
        for name in needed
        if name not in given
    ]


def _future_placements(tables: dict[str, ParsedTable], uttagsdatum: date) -> list[str]:
    placeringar = tables.get("placeringar")
    if placeringar is None:
        return []
    later = [
        placeringar.line_of(row)
        for row, start in enumerate(placeringar.values["startdatum"])
        if isinstance(start, date) and start > uttagsdatum
    ]
    if not later:
        return []
    lines = ", ".join(str(line) for line in later[:10]) + (" …" if len(later) > 10 else "")
    return [
        f"{placeringar.fil}: {len(later)} placeringar börjar efter uttagsdatum "
        f"{uttagsdatum.isoformat()} (rad {lines}); de räknas inte förrän de har börjat"
    ]
