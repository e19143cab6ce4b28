"""Excel workbooks: sheet names, and one sheet's rows with their stored values.

A workbook saved by a program that does not calculate (a script, some export
tools) holds formulas without their last value; read for values, those cells
come back blank and the import would silently store NULL. Such cells are
named and the sheet refused. A damaged workbook (not a zip, broken sheet XML)
is one problem, never a traceback.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from itertools import zip_longest
from typing import Any

from ingest.problems import Problem

UNREADABLE = "filen kan inte läsas som Excel-arbetsbok (.xlsx)"
NO_CACHED_VALUE = "cell {cell}: formeln har inget sparat värde; öppna filen i Excel och spara den"


class SheetFault(Exception):
    """The workbook or sheet cannot be read; the message is Swedish."""


def sheet_names(data: bytes) -> list[str]:
    """The workbook's sheet names, or `SheetFault`."""
    workbook = _open(data, formulas=False)
    try:
        return list(workbook.sheetnames)
    finally:
        workbook.close()


def sheet_rows(data: bytes, sheet: str | None) -> Iterator[tuple[int, tuple[Any, ...]]]:
    """(row number, stored values) of one sheet; `SheetFault` when it cannot be read."""
    workbook = _open(data, formulas=False)
    try:
        worksheet = workbook[sheet] if sheet is not None else workbook.worksheets[0]
        # some writers store a wrong used range, which would cut rows off
        worksheet.reset_dimensions()
        yield from enumerate(worksheet.iter_rows(values_only=True), start=1)
    except SheetFault:
        raise
    except Exception:  # openpyxl and its XML parser raise many types on a damaged sheet
        raise SheetFault(UNREADABLE + " (bladet är skadat)") from None
    finally:
        workbook.close()


def uncalculated_formulas(data: bytes, sheet: str | None, fil: str) -> list[Problem]:
    """Every formula cell of the sheet that has no stored value."""
    if not _has_formulas(data):
        return []
    try:
        return list(_uncalculated(data, sheet, fil))
    except Exception:  # a damaged sheet is reported by sheet_rows
        return []


def _uncalculated(data: bytes, sheet: str | None, fil: str) -> Iterator[Problem]:
    from openpyxl.utils import get_column_letter

    stored = sheet_rows(data, sheet)
    formulas = _formula_rows(data, sheet)
    for (number, values), (_, written) in zip(stored, formulas, strict=False):
        for column, (value, formula) in enumerate(zip_longest(values, written), start=1):
            if value is None and isinstance(formula, str) and formula.startswith("="):
                cell = f"{get_column_letter(column)}{number}"
                yield Problem(fil, number, None, NO_CACHED_VALUE.format(cell=cell))


def _formula_rows(data: bytes, sheet: str | None) -> Iterator[tuple[int, tuple[Any, ...]]]:
    workbook = _open(data, formulas=True)
    try:
        worksheet = workbook[sheet] if sheet is not None else workbook.worksheets[0]
        worksheet.reset_dimensions()
        yield from enumerate(worksheet.iter_rows(values_only=True), start=1)
    finally:
        workbook.close()


def _has_formulas(data: bytes) -> bool:
    """Whether any worksheet part holds a formula element; most exports have none."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            parts = [n for n in archive.namelist() if n.startswith("xl/worksheets/")]
            return any(_part_has_formula(archive, name) for name in parts)
    except (zipfile.BadZipFile, OSError, ValueError):
        return False


def _part_has_formula(archive: zipfile.ZipFile, name: str) -> bool:
    tail = b""
    with archive.open(name) as part:
        while chunk := part.read(1 << 20):
            if b"<f>" in tail + chunk or b"<f " in tail + chunk or b":f>" in tail + chunk:
                return True
            tail = chunk[-8:]
    return False


def _open(data: bytes, *, formulas: bool) -> Any:
    from openpyxl import load_workbook

    try:
        return load_workbook(io.BytesIO(data), read_only=True, data_only=not formulas)
    except Exception:  # openpyxl raises many types for a damaged file
        raise SheetFault(UNREADABLE) from None
