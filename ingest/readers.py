"""Readers: the files of an export folder to raw text rows with line numbers.

Municipalities export from Excel and from case systems that each write CSV
their own way (encoding, separator, BOM, trailing empty lines). Everything
format-specific ends here: the rest of the importer sees one `RawTable` per
contract table, whose cells are stripped text or None, and whose rows carry
the line (CSV) or row (sheet) a person would look for.
"""

from __future__ import annotations

import csv
import hashlib
import io
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, time

import polars as pl

from ingest.csv_columns import read_columns
from ingest.decoding import decode as decode
from ingest.decoding import decode_file
from ingest.limits import Limits, Problems
from ingest.personnummer import contains_personnummer
from ingest.problems import Problem
from ingest.sheets import SheetFault, sheet_rows, uncalculated_formulas

Cell = str | None
SEPARATORS = (";", ",", "\t")
_SEPARATOR_HINT = re.compile(r"sep=([;,\t])\r?\n")


@dataclass
class RawTable:
    """One contract table as read from one file or sheet."""

    table: str
    fil: str
    """Display name used in problems and the import log."""
    sha256: str
    """Checksum of the bytes read (the whole workbook for a sheet)."""
    header: list[Cell] = field(default_factory=list)
    header_line: int = 1
    rows: list[tuple[int, list[Cell]]] = field(default_factory=list)
    """(line, cells) for every non-empty row with the header's number of fields."""
    rows_read: int = 0
    """Non-empty data rows, including ones refused for their field count."""
    empty_rows: int = 0
    """Completely empty rows that were skipped."""
    frame: pl.DataFrame | None = None
    """The rows as text columns (`ingest.csv_columns`) instead of `rows`, when so read."""


def clean(value: object) -> Cell:
    """One cell as stripped text; numbers and Excel dates as the contract writes them."""
    if value is None:
        return None
    if isinstance(value, datetime):
        text = value.date().isoformat() if value.time() == time() else value.isoformat(" ")
    elif isinstance(value, date):
        text = value.isoformat()
    elif isinstance(value, float):
        # Excel stores 1001 and 0182 as 1001.0 and 182.0
        text = str(int(value)) if value.is_integer() else format(value, ".15g")
    else:
        text = str(value)
    text = text.strip()
    return text or None


def read_csv(table: str, data: bytes, fil: str, limits: Limits) -> tuple[RawTable, Problems]:
    """Read one CSV file's bytes, detecting encoding and separator."""
    raw = RawTable(table, fil, hashlib.sha256(data).hexdigest())
    text, problems = decode_file(data, fil)
    if text is None:
        return raw, Problems(problems)
    separator, first_line = detect_separator(text), 1
    hint = _SEPARATOR_HINT.match(text)
    if hint is not None:
        # Excel writes and honours a first line `sep=;`
        separator, first_line, text = hint[1], 2, text[hint.end() :]
    fast = read_columns(raw, text, separator, first_line, limits.max_cell_chars)
    if fast is not None:
        return raw, fast
    reader = csv.reader(_lines(text), delimiter=separator)
    return raw, _fill(raw, _csv_rows(reader, raw.fil, first_line), limits, check_width=True)


def _lines(text: str) -> io.TextIOWrapper:
    """The text's lines for `csv.reader`, split as `StringIO(text, newline="")` splits them.

    A StringIO holds its whole text as four bytes per character (356 MB for a national
    placements file); this reads UTF-8 bytes (one per character, shared by the BytesIO)
    a chunk at a time.
    """
    return io.TextIOWrapper(io.BytesIO(text.encode("utf-8")), encoding="utf-8", newline="")


def detect_separator(text: str) -> str:
    """The separator that occurs most often outside quotes on the header line."""
    counts = dict.fromkeys(SEPARATORS, 0)
    quoted = False
    for char in text:
        if char == '"':
            quoted = not quoted
        elif char in "\r\n" and not quoted:
            break
        elif char in counts and not quoted:
            counts[char] += 1
    return max(SEPARATORS, key=lambda sep: counts[sep])


def _csv_rows(
    reader: Iterator[list[str]], fil: str, first_line: int
) -> Iterator[tuple[int, list[Cell]] | Problem]:
    line = first_line
    samma = Upprepade()
    try:
        for row in reader:
            yield line, samma.celler(row)
            line = first_line + reader.line_num  # type: ignore[attr-defined]
    except csv.Error as error:
        reason = "ett fält är för långt" if "field limit" in str(error) else str(error)
        yield Problem(fil, line, None, f"filen kan inte läsas som CSV ({reason})")


class Upprepade:
    """One string object per distinct value, for the cells of one file.

    A national export's 10 million cells are mostly repeats (dates, units, municipality
    codes, amounts); kept as one object each they were most of the import's memory.
    """

    def __init__(self) -> None:
        self.varden: dict[str, str] = {}

    def celler(self, row: list[str]) -> list[Cell]:
        """The row's cells stripped, blanks as None, repeats as the first such string."""
        samma = self.varden.setdefault
        return [samma(text, text) if (text := cell.strip()) else None for cell in row]


def read_sheet(
    table: str, data: bytes, sheet: str | None, fil: str, limits: Limits
) -> tuple[RawTable, Problems]:
    """Read one sheet (the first when `sheet` is None) of a workbook's bytes."""
    raw = RawTable(table, fil, hashlib.sha256(data).hexdigest())
    formulas = uncalculated_formulas(data, sheet, fil)
    try:
        rows = (
            (number, [clean(cell) for cell in values]) for number, values in sheet_rows(data, sheet)
        )
        problems = _fill(raw, rows, limits, check_width=False)
    except SheetFault as fault:
        return raw, Problems([Problem(fil, None, None, str(fault))])
    problems.extend(formulas)
    return raw, problems


def _fill(
    raw: RawTable,
    rows: Iterable[tuple[int, list[Cell]] | Problem],
    limits: Limits,
    *,
    check_width: bool,
) -> Problems:
    problems = Problems()
    have_header = False
    for item in rows:
        if isinstance(item, Problem):
            problems.append(item)
            continue
        line, cells = item
        if max(map(len, filter(None, cells)), default=0) > limits.max_cell_chars:
            _cap_cells(raw, line, cells, limits.max_cell_chars, problems)
        if not any(cells):  # cells are None or non-empty text
            raw.empty_rows += have_header
        elif not have_header:
            raw.header, raw.header_line, have_header = _trim(cells, check_width), line, True
        else:
            raw.rows_read += 1
            problem = _fit(raw, line, cells, check_width)
            if problem is None:
                raw.rows.append((line, cells))
            else:
                problems.append(problem)
    return problems


def _cap_cells(raw: RawTable, line: int, cells: list[Cell], limit: int, problems: Problems) -> None:
    """Report cells longer than `limit` and cut them there, so later checks stay cheap."""
    for index, cell in enumerate(cells):
        if cell is not None and len(cell) > limit:
            cells[index] = cell[:limit]
            size, cap = (f"{number:,}".replace(",", " ") for number in (len(cell), limit))
            message = f"värdet har {size} tecken, fler än gränsen {cap}"
            problems.append(Problem(raw.fil, line, _column_label(raw, index), message))


def _column_label(raw: RawTable, index: int) -> str:
    title = raw.header[index] if index < len(raw.header) else None
    return column_label(title, index)


def column_label(title: Cell, index: int) -> str:
    """A column as a message names it: its header, or `kolumn N` when that cannot be shown."""
    if title is None or len(title) > 64 or contains_personnummer(title):
        return f"kolumn {index + 1}"
    return title


def _trim(cells: list[Cell], check_width: bool) -> list[Cell]:
    """Drop a sheet's trailing blank header cells (Excel's used range is often wider)."""
    if check_width:
        return cells
    while cells and cells[-1] is None:
        cells = cells[:-1]
    return cells


def _fit(raw: RawTable, line: int, cells: list[Cell], check_width: bool) -> Problem | None:
    width = len(raw.header)
    if len(cells) == width:
        return None
    if check_width:
        message = f"raden har {len(cells)} fält men rubrikraden har {width}"
        return Problem(raw.fil, line, None, message)
    if any(cell is not None for cell in cells[width:]):
        return Problem(raw.fil, line, None, "värde i en kolumn utan rubrik")
    cells[width:] = []
    cells.extend([None] * (width - len(cells)))
    return None
