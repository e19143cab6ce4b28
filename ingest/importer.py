"""The import as one all-or-nothing step: folder in, validated snapshot out.

`run_import` reads every file, collects every problem, and only when there
are none builds and swaps in the new database. This is the single entry
point for the CLI, the demo generator and the tests, so all of them get the
same guarantees.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import polars as pl

from ingest.checks import check_tables
from ingest.folder import Found, discover, read_source
from ingest.frames import to_frame
from ingest.limits import Limits, Problems
from ingest.load import FileRecord, LogEntry, read_kommuner, write_database
from ingest.personnummer import contains_personnummer
from ingest.problems import ImportRefused, Problem
from ingest.rimlighet import check_plausibility, newest_event, stale_warning
from ingest.safe_files import DEFAULT_MAX_BYTES
from ingest.spec import NEEDS_KONTOPLAN, TABLES, TABLES_BY_NAME
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
    varningar: list[str] = field(default_factory=list)
    """Implausible values and stale data: printed and kept in import_log.varningar."""


def run_import(
    folder: Path,
    db_path: Path,
    *,
    uttagsdatum: date | None = None,
    demo: bool = False,
    kalla: str | None = None,
    max_filstorlek: int | None = None,
    tomma_tabeller: bool = False,
    importerad_av: str | None = None,
) -> ImportResult:
    """Import an export folder into `db_path`; raise `ImportRefused` if anything is wrong.

    `kalla` names the source in the import log; by default the folder's absolute path.
    `max_filstorlek` caps each file's size in bytes (default 2 GiB). `tomma_tabeller`
    lets a required table have no rows (for fixtures that test empty data); an export
    from a municipality never needs it. `importerad_av` names who imported, for the log.
    """
    folder, db_path = Path(folder), Path(db_path)
    kalla = kalla or str(folder.resolve())
    _refuse_personnummer_in_path([*folder.resolve().parts, kalla])
    limits = Limits(max_filstorlek or DEFAULT_MAX_BYTES)
    uttag = uttagsdatum or date.today()
    with _utan_gc():
        tables, notices, warnings = _validated(folder, uttag, limits, tomma_tabeller)
    newest = newest_event(tables)
    stale = None if uttagsdatum is not None else stale_warning(newest, uttag)
    warnings = warnings + ([stale] if stale else [])
    with _utan_gc():
        frames = _frames(tables)
    summaries = [
        TableSummary(name, p.fil, p.rows_read, frames[name].height, p.empty_rows)
        for name, p in tables.items()
    ]
    files = [
        FileRecord(s.tabell, s.fil, tables[s.tabell].sha256, s.rader_lasta, s.rader_lagrade)
        for s in summaries
    ]
    entry = LogEntry(uttag, kalla, demo, newest, tuple(warnings), _utan_personnummer(importerad_av))
    import_id = write_database(db_path, frames, files, entry)
    return ImportResult(import_id, db_path, uttag, summaries, notices, warnings)


@contextmanager
def _utan_gc() -> Iterator[None]:
    """Python's cycle collector paused while millions of cells are read and checked: they
    hold no reference cycles, and its full passes over them cost seconds of a national
    import (it runs again, and catches up, as soon as the block ends)."""
    var_pa = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if var_pa:
            gc.enable()


def _frames(tables: dict[str, ParsedTable]) -> dict[str, pl.DataFrame]:
    """Each table as a frame, its Python values let go as soon as it is converted: a national
    export's cells as Python objects are most of the import's memory, and only the frames
    are written."""
    frames = {}
    for name, parsed in tables.items():
        frames[name] = to_frame(parsed)
        parsed.values, parsed.lines = {}, []
    return frames


def validera(
    folder: Path,
    *,
    uttagsdatum: date | None = None,
    max_filstorlek: int | None = None,
    kalla: str | None = None,
) -> list[Problem]:
    """Every problem `run_import` would refuse `folder` for, without writing anything.

    The same checks in the same order as the import itself (also the folder's path), so an
    empty list means the export's content is clean; the models' data tests run only when
    `run_import` builds the new file.
    """
    try:
        _refuse_personnummer_in_path([*Path(folder).resolve().parts, kalla or ""])
        limits = Limits(max_filstorlek or DEFAULT_MAX_BYTES)
        _validated(Path(folder), uttagsdatum or date.today(), limits, tomma_tabeller=False)
    except ImportRefused as refused:
        return refused.problems
    return []


def _utan_personnummer(namn: str | None) -> str | None:
    """A user name is logged as given, unless it holds a personnummer (then it is hidden)."""
    if namn is None or not contains_personnummer(namn):
        return namn
    return "(dolt: namnet liknar ett personnummer)"


def _refuse_personnummer_in_path(names: list[str]) -> None:
    """Each folder name on its own: `2024-06-30/1234` is two folders, not a number."""
    if any(map(contains_personnummer, names)):
        message = (
            "mappens namn eller sökväg ser ut att innehålla ett personnummer; byt namn på "
            "mappen (sökvägen visas inte och lagras inte)"
        )
        raise ImportRefused([Problem("exportmappen", None, None, message)])


def _validated(
    folder: Path, uttagsdatum: date, limits: Limits, tomma_tabeller: bool
) -> tuple[dict[str, ParsedTable], list[str], list[str]]:
    if not folder.is_dir():
        raise ImportRefused([Problem(str(folder), None, None, "mappen finns inte")])
    try:
        found = discover(folder, limits)
    except OSError:
        raise ImportRefused([Problem(folder.name, None, None, "mappen kan inte läsas")]) from None
    problems, notices = Problems(found.problems), list(found.notices)
    problems.extend(_missing_tables(found, folder))
    tables = _parsed(found, problems, notices)
    problems.extend(check_tables(tables))
    if not tomma_tabeller:
        problems.extend(_empty_required(tables))
    findings = list(check_plausibility(tables, uttagsdatum))
    problems.extend(f.problem for f in findings if f.error)
    if problems:
        raise ImportRefused(problems.with_summaries(), problems.total)
    warnings = [str(f.problem) for f in findings if not f.error]
    notices.extend(_future_placements(tables, uttagsdatum))
    order = [table.name for table in TABLES]
    return dict(sorted(tables.items(), key=lambda item: order.index(item[0]))), notices, warnings


def _parsed(found: Found, problems: Problems, notices: list[str]) -> dict[str, ParsedTable]:
    kommuner = read_kommuner()
    tables: dict[str, ParsedTable] = {}
    for source in found.sources:
        raw, read_problems = read_source(source, found)
        problems += read_problems
        if any(problem.rad is None for problem in read_problems) or (
            read_problems and not raw.header
        ):
            continue  # the file could not be read at all
        parsed, parse_problems, parse_notices = parse_table(raw, kommuner)
        del raw  # before the next file is read, not after
        tables[source.table] = parsed
        problems += parse_problems
        notices += parse_notices
    return tables


def _empty_required(tables: dict[str, ParsedTable]) -> list[Problem]:
    """A header-only file for a required table would replace all its rows with none."""
    return [
        Problem(parsed.fil, None, None, f"tabellen {name} har inga rader (bara en rubrikrad)")
        for name, parsed in tables.items()
        if TABLES_BY_NAME[name].required
        and parsed.complete
        and not parsed.lines
        and parsed.rows_read == 0
    ]


def _missing_tables(found: Found, folder: Path) -> list[Problem]:
    given = {source.table for source in found.sources} | found.named
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
