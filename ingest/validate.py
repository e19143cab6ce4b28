"""Row validation: one raw table to typed columns plus every problem in it.

Each cell is checked on its own here (personnummer, blank required values,
type and spelling); checks that compare rows or tables live in
`ingest.checks`. Problems are collected, never raised, so that a folder's
every fault is reported in one run. Work is done column by column because a
national export has millions of rows and the cached parsers then hit.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from ingest.limits import Problems
from ingest.parse import fold, parser_for
from ingest.personnummer import (
    column_has_personnummer,
    contains_personnummer,
    is_id_without_leading_zero,
)
from ingest.problems import Problem
from ingest.readers import Cell, RawTable, column_label
from ingest.spec import TABLES_BY_NAME, Column, Kind, Table, column_must_exist

PERSONNUMMER = "värdet ser ut som ett personnummer; personnummer får aldrig importeras"
PERSONNUMMER_HEADER = (
    "kolumnrubriken ser ut som ett personnummer; personnummer får aldrig importeras"
)
# id columns where a number that lost its leading zero is also checked
ID_COLUMNS = frozenset({"person_id"})
# A value these parsers accept (a date, a month, a fixed word, a kommun) has no room
# for a personnummer, so in a complete table only the cells they refuse are searched:
# a national export is mostly dates, and this keeps the search off them.
CLOSED_KINDS = frozenset({Kind.DATE, Kind.MONTH, Kind.KON, Kind.ENUM, Kind.KOMMUN})


@dataclass
class ParsedTable:
    """A table's typed values, column by column, aligned with `lines`."""

    spec: Table
    fil: str
    sha256: str
    lines: list[int]
    values: dict[str, list[object]]
    """Column name to typed values; None where blank, missing or refused."""
    rows_read: int
    empty_rows: int
    complete: bool
    """False when a required column is missing (rows were then not checked)."""

    def line_of(self, index: int) -> int:
        return self.lines[index]


def parse_table(
    raw: RawTable, kommuner: Mapping[str, str]
) -> tuple[ParsedTable, list[Problem], list[str]]:
    """Type every cell of `raw`; return the table, its problems and its notices."""
    spec = TABLES_BY_NAME[raw.table]
    lines = [line for line, _ in raw.rows]
    parsed = ParsedTable(spec, raw.fil, raw.sha256, lines, {}, raw.rows_read, raw.empty_rows, True)
    if not raw.header:
        parsed.complete = False
        parsed.values = {column.name: [] for column in spec.columns}
        message = "filen är tom (ingen rubrikrad, bara tomma rader eller avgränsare)"
        return parsed, [Problem(raw.fil, None, None, message)], []
    positions, problems, extras = _map_header(raw, spec)
    notices = [f"{raw.fil}: extra kolumner ignoreras: {', '.join(extras)}"] if extras else []
    columns = _transpose(raw)
    # the rows are now the columns: let the row lists go (a third of a national file's cells)
    raw.rows = []
    parsed.complete = all(c.name in positions for c in spec.columns if column_must_exist(spec, c))
    closed = {
        positions[c.name] for c in spec.columns if c.name in positions and c.kind in CLOSED_KINDS
    }
    flagged = _personnummer_cells(
        raw, lines, columns, positions, closed if parsed.complete else set(), problems
    )
    for column in spec.columns:
        if column.name not in positions or not parsed.complete:
            parsed.values[column.name] = [None] * len(lines)
            continue
        index = positions[column.name]
        parsed.values[column.name] = _parse_column(
            column, columns[index], parsed, flagged.get(index, set()), kommuner, problems
        )
    return parsed, problems, notices


def _transpose(raw: RawTable) -> list[list[Cell]]:
    """The rows' cells column by column."""
    if not raw.rows:
        return [[] for _ in raw.header]
    return [list(column) for column in zip(*(cells for _, cells in raw.rows), strict=True)]


def _map_header(raw: RawTable, spec: Table) -> tuple[dict[str, int], list[Problem], list[str]]:
    positions: dict[str, int] = {}
    problems = Problems()
    extras: list[str] = []
    for index, title in enumerate(raw.header):
        key = fold(title) if title is not None else ""
        key = dict(spec.alias).get(key, key)
        if title is not None and contains_personnummer(title):
            problems.append(
                Problem(raw.fil, raw.header_line, f"kolumn {index + 1}", PERSONNUMMER_HEADER)
            )
        elif key in spec.column_names and key in positions:
            problems.append(Problem(raw.fil, raw.header_line, key, "kolumnen finns två gånger"))
        elif key in spec.column_names:
            positions[key] = index
        elif title is not None:
            extras.append(column_label(title, index))
    for column in spec.columns:
        if column.name not in positions and column_must_exist(spec, column):
            message = "kolumnen saknas i rubrikraden"
            problems.append(Problem(raw.fil, raw.header_line, column.name, message))
    return positions, problems, extras


def _personnummer_cells(
    raw: RawTable,
    lines: list[int],
    columns: list[list[Cell]],
    positions: dict[str, int],
    closed: set[int],
    problems: list[Problem],
) -> dict[int, set[int]]:
    """Every cell that looks like a personnummer, by column index (`closed` ones: later)."""
    names = {index: name for name, index in positions.items()}
    flagged: dict[int, set[int]] = {}
    for index, title in enumerate(raw.header):
        column_name = names.get(index) or column_label(title, index)
        cells = columns[index]
        if title is None:
            message = "värde i en kolumn utan rubrik"
            problems.extend(
                Problem(raw.fil, lines[row], column_name, message)
                for row, cell in enumerate(cells)
                if cell is not None
            )
        is_id = names.get(index) in ID_COLUMNS
        if index in closed:
            continue  # searched cell by cell where the parser refuses (_parse_column)
        # one scan of the whole column first: a clean column is the usual case
        if not column_has_personnummer(cells) and not (is_id and _any_id_hit(cells)):
            continue
        for row, cell in enumerate(cells):
            if cell is not None and _personnummer_cell(cell, is_id):
                flagged.setdefault(index, set()).add(row)
                problems.append(Problem(raw.fil, lines[row], column_name, PERSONNUMMER))
    return flagged


def _any_id_hit(cells: list[Cell]) -> bool:
    return any(is_id_without_leading_zero(cell) for cell in cells if cell is not None)


def _personnummer_cell(cell: str, is_id: bool) -> bool:
    return contains_personnummer(cell) or (is_id and is_id_without_leading_zero(cell))


def _parse_column(
    column: Column,
    cells: list[Cell],
    parsed: ParsedTable,
    flagged: set[int],
    kommuner: Mapping[str, str],
    problems: list[Problem],
) -> list[object]:
    if column.kind is Kind.TEXT:
        return _text_column(column, cells, parsed, flagged, problems)
    parser = parser_for(column, kommuner)
    blank = "X" if column.kind is Kind.KON else None
    values: list[object] = []
    for row, cell in enumerate(cells):
        value: object = blank
        if cell is None and column.required:
            problems.append(_problem(parsed, row, column, "värde saknas"))
        elif cell is not None and row not in flagged:
            try:
                value = parser(cell)
            except ValueError as error:
                message = PERSONNUMMER if contains_personnummer(cell) else str(error)
                problems.append(_problem(parsed, row, column, message))
                value = None
        if column.non_negative and isinstance(value, int) and value < 0:
            problems.append(_problem(parsed, row, column, "får inte vara negativt"))
        values.append(value)
    return values


def _text_column(
    column: Column,
    cells: list[Cell],
    parsed: ParsedTable,
    flagged: set[int],
    problems: list[Problem],
) -> list[object]:
    """Text is stored as written; only blanks and personnummer need a look."""
    if column.required:
        blank = (row for row, cell in enumerate(cells) if cell is None)
        problems.extend(_problem(parsed, row, column, "värde saknas") for row in blank)
    values: list[object] = list(cells)
    for row in flagged:
        values[row] = None
    return values


def _problem(parsed: ParsedTable, row: int, column: Column, message: str) -> Problem:
    return Problem(parsed.fil, parsed.lines[row], column.name, message)
