"""Readers: the files of an export folder to raw text rows with line numbers.

Municipalities export from Excel and from case systems that each write CSV
their own way (encoding, separator, BOM, trailing empty lines). Everything
format-specific ends here: the rest of the importer sees one `RawTable` per
contract table, whose cells are stripped text or None, and whose rows carry
the line (CSV) or row (sheet) a person would look for.
"""

from __future__ import annotations

import codecs
import csv
import hashlib
import io
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, time
from pathlib import Path

from ingest.problems import Problem

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


def read_csv(table: str, path: Path) -> tuple[RawTable, list[Problem]]:
    """Read one CSV file, detecting encoding and separator."""
    data = path.read_bytes()
    raw = RawTable(table, path.name, hashlib.sha256(data).hexdigest())
    text = decode(data)
    if text is None:
        message = "okänd teckenkodning (spara som UTF-8 eller Windows-1252)"
        return raw, [Problem(raw.fil, None, None, message)]
    separator, first_line = detect_separator(text), 1
    hint = _SEPARATOR_HINT.match(text)
    if hint is not None:
        # Excel writes and honours a first line `sep=;`
        separator, first_line, text = hint[1], 2, text[hint.end() :]
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=separator)
    return raw, _fill(raw, _csv_rows(reader, raw.fil, first_line), check_width=True)


def decode(data: bytes) -> str | None:
    """Strict UTF-8 (BOM optional), Excel's UTF-16 text, else Windows-1252."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        encodings: tuple[str, ...] = ("utf-16",)
    else:
        encodings = ("utf-8-sig", "cp1252")
    for encoding in encodings:
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return None


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
    try:
        for row in reader:
            yield line, [cell.strip() or None for cell in row]
            line = first_line + reader.line_num  # type: ignore[attr-defined]
    except csv.Error as error:
        yield Problem(fil, line, None, f"filen kan inte läsas som CSV ({error})")


def read_sheet(
    table: str, path: Path, sheet: str | None, fil: str
) -> tuple[RawTable, list[Problem]]:
    """Read one sheet (the first when `sheet` is None) of a workbook."""
    from openpyxl import load_workbook

    data = path.read_bytes()
    raw = RawTable(table, fil, hashlib.sha256(data).hexdigest())
    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception:  # openpyxl raises many types for a damaged file
        return raw, [Problem(fil, None, None, "filen kan inte läsas som Excel-arbetsbok (.xlsx)")]
    try:
        worksheet = workbook[sheet] if sheet is not None else workbook.worksheets[0]
        # some writers store a wrong used range, which would cut rows off
        worksheet.reset_dimensions()
        rows = (
            (number, [clean(cell) for cell in values])
            for number, values in enumerate(worksheet.iter_rows(values_only=True), start=1)
        )
        return raw, _fill(raw, rows, check_width=False)
    finally:
        workbook.close()


def _fill(
    raw: RawTable, rows: Iterable[tuple[int, list[Cell]] | Problem], *, check_width: bool
) -> list[Problem]:
    problems: list[Problem] = []
    have_header = False
    for item in rows:
        if isinstance(item, Problem):
            problems.append(item)
            continue
        line, cells = item
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
