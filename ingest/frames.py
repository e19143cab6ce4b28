"""Typed columns to polars frames shaped like the schema's tables.

Bulk loading through Arrow is what makes a national export (1.5 million
placements) load in seconds; row-by-row inserts would not. This is also where
the one documented reshaping happens: a yearly budget row is spread evenly
over its twelve months.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import polars as pl

from ingest.spec import Kind
from ingest.validate import ParsedTable

DTYPES: dict[Kind, type[pl.DataType]] = {
    Kind.DATE: pl.Date,
    Kind.MONTH: pl.Date,
    Kind.BUDGET_PERIOD: pl.Date,
    Kind.INTEGER: pl.Int64,
}


def to_frame(parsed: ParsedTable) -> pl.DataFrame:
    """The table's rows as a frame; amounts stay exact decimal text for DuckDB to cast."""
    values = parsed.values
    if parsed.spec.name == "budget":
        values = spread_years(values)
    columns = [
        pl.Series(column.name, values[column.name], dtype=DTYPES.get(column.kind, pl.String))
        for column in parsed.spec.columns
    ]
    return pl.DataFrame(columns)


def spread_years(values: dict[str, list[object]]) -> dict[str, list[object]]:
    """Replace each yearly budget row (period `YYYY`) by twelve monthly rows.

    The amount is split in öre: January-November get the amount / 12 rounded
    towards zero, December gets the rest, so the twelve rows sum exactly.
    """
    names = list(values)
    spread: dict[str, list[object]] = {name: [] for name in names}
    for row in zip(*(values[name] for name in names), strict=True):
        record = dict(zip(names, row, strict=True))
        for month in _months(record):
            for name in names:
                spread[name].append(month.get(name))
    return spread


def _months(record: dict[str, object]) -> list[dict[str, object]]:
    year = record["period"]
    if not isinstance(year, int):
        return [record]
    total = int(Decimal(str(record["belopp"])) * 100)
    share = abs(total) // 12 * (1 if total >= 0 else -1)
    shares = [share] * 11 + [total - 11 * share]
    return [
        {**record, "period": date(year, month, 1), "belopp": str(Decimal(ore) / 100)}
        for month, ore in enumerate(shares, start=1)
    ]
