"""Writers that turn a figure's DataFrame into a file someone can download.

Machines get plain CSV (comma, decimal point). People open files in Excel, which runs
any cell that starts with ``=``, ``+``, ``-``, ``@``, tab or carriage return as a formula,
so every spreadsheet-bound writer neutralises text cells first (CSV injection). The
export CLI and the UI's download buttons share these functions.
"""

from __future__ import annotations

import io
from datetime import date, datetime
from decimal import Decimal

import polars as pl
from openpyxl import Workbook

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
FORMULA_PATTERN = r"^[=+\-@\t\r]"


def neutralise(value: object) -> object:
    """``value`` with a leading ``'`` when it is text that a spreadsheet would run as a formula."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def _neutralised(df: pl.DataFrame) -> pl.DataFrame:
    text = [name for name, dtype in df.schema.items() if dtype == pl.String]
    return df.with_columns(
        pl.when(pl.col(name).str.contains(FORMULA_PATTERN))
        .then(pl.lit("'") + pl.col(name))
        .otherwise(pl.col(name))
        .alias(name)
        for name in text
    )


def to_csv_machine(df: pl.DataFrame) -> str:
    """CSV for programs: comma-separated, decimal point, one header row, ISO dates."""
    return df.write_csv()


def to_csv_excel(df: pl.DataFrame) -> bytes:
    """CSV for Swedish Excel: ``;``-separated, decimal comma, UTF-8 with BOM, neutralised."""
    text = _neutralised(df).write_csv(separator=";", decimal_comma=True)
    return "\ufeff".encode() + text.encode("utf-8")


def _cell(value: object) -> object:
    if isinstance(value, (int, float, Decimal, date, datetime, bool)) or value is None:
        return value
    return neutralise(str(value))


def to_xlsx(df: pl.DataFrame, sheet: str = "data") -> bytes:
    """An Excel workbook with one sheet: dates as dates, numbers as numbers, text neutralised."""
    book = Workbook()
    ws = book.active
    ws.title = sheet[:31]
    ws.append(df.columns)
    for row in df.iter_rows():
        ws.append([_cell(v) for v in row])
    for column in ws.iter_cols(min_row=2):
        for cell in column:
            if isinstance(cell.value, datetime):
                cell.number_format = "yyyy-mm-dd hh:mm"
            elif isinstance(cell.value, date):
                cell.number_format = "yyyy-mm-dd"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
