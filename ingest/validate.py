"""Row validation: one raw table to typed columns plus every problem in it.

Each cell is checked on its own here (personnummer, blank required values,
type and spelling); checks that compare rows or tables live in
`ingest.checks`. Problems are collected, never raised, so that a folder's
every fault is reported in one run. Work is done column by column, on polars text
columns: a national export has 10 million cells but a column only thousands of distinct
values, so each distinct value is parsed (and searched for a personnummer) once in Python
and its typed value and problem are shared by every row that holds it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import polars as pl

from ingest.csv_columns import LINE, cell_column
from ingest.limits import Problems
from ingest.parse import fold, parser_for
from ingest.personnummer import (
    contains_personnummer,
    is_id_without_leading_zero,
)
from ingest.problems import Problem
from ingest.readers import RawTable, column_label
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
    if not raw.header:
        parsed = ParsedTable(
            spec, raw.fil, raw.sha256, [], {}, raw.rows_read, raw.empty_rows, False
        )
        parsed.values = {column.name: [] for column in spec.columns}
        message = "filen är tom (ingen rubrikrad, bara tomma rader eller avgränsare)"
        return parsed, [Problem(raw.fil, None, None, message)], []
    frame = raw.frame if raw.frame is not None else _frame_of_rows(raw)
    # the cells are now columns: let the reader's copy go (a third of a national file's cells)
    raw.rows, raw.frame = [], None
    lines = frame[LINE].to_list()
    parsed = ParsedTable(spec, raw.fil, raw.sha256, lines, {}, raw.rows_read, raw.empty_rows, True)
    positions, problems, extras = _map_header(raw, spec)
    notices = [f"{raw.fil}: extra kolumner ignoreras: {', '.join(extras)}"] if extras else []
    parsed.complete = all(c.name in positions for c in spec.columns if column_must_exist(spec, c))
    closed = {
        positions[c.name] for c in spec.columns if c.name in positions and c.kind in CLOSED_KINDS
    }
    flagged = _personnummer_cells(
        raw, lines, frame, positions, closed if parsed.complete else set(), problems
    )
    for column in spec.columns:
        if column.name not in positions or not parsed.complete:
            parsed.values[column.name] = [None] * len(lines)
            continue
        index = positions[column.name]
        cells = frame[cell_column(index)]
        parsed.values[column.name] = _parse_column(
            column, cells, parsed, flagged.get(index), kommuner, problems
        )
    return parsed, problems, notices


def _frame_of_rows(raw: RawTable) -> pl.DataFrame:
    """The row reader's rows (sheets, quoted CSV) as the text columns `csv_columns` reads."""
    columns = list(zip(*(cells for _, cells in raw.rows), strict=True)) or [()] * len(raw.header)
    return pl.DataFrame(
        [pl.Series(LINE, [line for line, _ in raw.rows], dtype=pl.Int64)]
        + [
            pl.Series(cell_column(index), column, dtype=pl.String)
            for index, column in enumerate(columns)
        ]
    )


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
    frame: pl.DataFrame,
    positions: dict[str, int],
    closed: set[int],
    problems: list[Problem],
) -> dict[int, pl.Series]:
    """Every cell that looks like a personnummer, as a mask per column (`closed` ones: later)."""
    names = {index: name for name, index in positions.items()}
    flagged: dict[int, pl.Series] = {}
    for index, title in enumerate(raw.header):
        column_name = names.get(index) or column_label(title, index)
        cells = frame[cell_column(index)]
        if title is None:
            message = "värde i en kolumn utan rubrik"
            rows = cells.is_not_null().arg_true().to_list()
            problems.extend(Problem(raw.fil, lines[row], column_name, message) for row in rows)
        if index in closed:
            continue  # searched where the parser refuses a value (_parse_column)
        mask = _personnummer_mask(cells, names.get(index) in ID_COLUMNS)
        if mask is None:
            continue
        flagged[index] = mask
        rows = mask.arg_true().to_list()
        problems.extend(Problem(raw.fil, lines[row], column_name, PERSONNUMMER) for row in rows)
    return flagged


def _personnummer_mask(cells: pl.Series, is_id: bool) -> pl.Series | None:
    """The cells holding a personnummer; None when there is none (the usual case).

    A personnummer has ten digits (a lost leading zero leaves nine in an id), so only the
    distinct values with that many are searched, each once.
    """
    digits = 9 if is_id else 10
    candidates = cells.filter(cells.str.count_matches(r"\d") >= digits).unique()
    found = [cell for cell in candidates.to_list() if _personnummer_cell(cell, is_id)]
    if not found:
        return None
    return cells.is_in(found).fill_null(False)


def _personnummer_cell(cell: str, is_id: bool) -> bool:
    return contains_personnummer(cell) or (is_id and is_id_without_leading_zero(cell))


BLANK, FLAGGED = 0, 1
"""Codes of a blank cell and of a cell refused as a personnummer; distinct values follow."""


def _parse_column(
    column: Column,
    cells: pl.Series,
    parsed: ParsedTable,
    flagged: pl.Series | None,
    kommuner: Mapping[str, str],
    problems: list[Problem],
) -> list[object]:
    """Each distinct value parsed once; the rows share its typed value and its problem."""
    if flagged is not None:
        cells = pl.select(pl.when(flagged).then(None).otherwise(cells)).to_series()
    distinct = cells.drop_nulls().unique()
    codes = cells.replace_strict(
        distinct,
        pl.int_range(2, distinct.len() + 2, eager=True),
        default=BLANK,
        return_dtype=pl.UInt32,
    ).fill_null(BLANK)
    if flagged is not None:
        codes = pl.select(pl.when(flagged).then(FLAGGED).otherwise(codes)).to_series()
    values, messages = _parse_distinct(column, distinct.to_list(), kommuner)
    blank = "X" if column.kind is Kind.KON else None
    values[:0] = [blank, blank]
    messages[:0] = ["värde saknas" if column.required else None, None]
    _report(column, codes, messages, parsed, problems)
    return list(map(values.__getitem__, codes.to_list()))


def _parse_distinct(
    column: Column, texts: list[str], kommuner: Mapping[str, str]
) -> tuple[list[object], list[str | None]]:
    """Each value's typed value and what is wrong with it (None when nothing)."""
    if column.kind is Kind.TEXT:
        return list(texts), [None] * len(texts)  # text is stored as written
    parser = parser_for(column, kommuner)
    values: list[object] = []
    messages: list[str | None] = []
    for text in texts:
        try:
            value, message = parser(text), None
        except ValueError as error:
            value = None
            message = PERSONNUMMER if contains_personnummer(text) else str(error)
        if column.non_negative and isinstance(value, int) and value < 0:
            message = "får inte vara negativt"
        values.append(value)
        messages.append(message)
    return values, messages


def _report(
    column: Column,
    codes: pl.Series,
    messages: list[str | None],
    parsed: ParsedTable,
    problems: list[Problem],
) -> None:
    """One problem per row whose value has one, in line order."""
    wrong = [code for code, message in enumerate(messages) if message is not None]
    if not wrong:
        return
    rows = codes.is_in(wrong).arg_true()
    for row, code in zip(rows.to_list(), codes.gather(rows).to_list(), strict=True):
        problems.append(Problem(parsed.fil, parsed.lines[row], column.name, messages[code]))
