"""The table view of a figure: the same rows as the chart, with Swedish headings and names.

For readers who cannot read a chart (screen readers, print) and for checking a figure by
eye. Numbers stay numbers, so the table sorts them numerically and right-aligns them; the
table's column configuration formats them (`queries.kolumner` gives headings, units and
decimals). Codes become Swedish names with native polars expressions: nothing here runs
Python per cell, which would deadlock polars' worker threads against a page thread
converting to pandas under concurrent sessions (issue 8).
"""

from __future__ import annotations

from typing import Any

import polars as pl
import streamlit as st

from queries.kolumner import Kolumn, kodnamn, kolumn, med_skydd


def _uttryck(namn: str, meta: Kolumn) -> pl.Expr:
    if meta.slag == "kod" and meta.namn is not None:
        return kodnamn(namn, meta.namn)
    return pl.col(namn)


def _rubriker(df: pl.DataFrame) -> dict[str, str]:
    """Column -> heading; a heading two columns would share gets the column's own name."""
    rubriker: dict[str, str] = {}
    for namn, dtyp in df.schema.items():
        rubrik = kolumn(namn, dtyp).rubrik
        rubriker[namn] = f"{rubrik} ({namn})" if rubrik in rubriker.values() else rubrik
    return rubriker


def tabellvy(df: pl.DataFrame) -> pl.DataFrame:
    """The figure with Swedish headings and codes as names; numbers stay numbers (a share
    stays a fraction: the column's "percent" format shows 0.365 as `36,5 %`)."""
    df = med_skydd(df)
    rubriker = _rubriker(df)
    return df.select(
        _uttryck(namn, kolumn(namn, dtyp)).alias(rubriker[namn]) for namn, dtyp in df.schema.items()
    )


def kolumnkonfig(df: pl.DataFrame) -> dict[str, Any]:
    """`st.dataframe`'s column configuration for `tabellvy(df)`: formats by kind and decimals.

    "localized" and "percent" format in the viewer's browser locale (`1 350`, `36,5 %` in a
    Swedish browser). Streamlit 1.67 cannot fix the locale nor write `kr` after a grouped
    number (printf formats group with `,` and use a decimal point), so kronor carry their
    unit in the heading. `step` sets the decimals shown (for "percent": of the fraction).
    """
    df = med_skydd(df)
    rubriker = _rubriker(df)
    return {rubriker[namn]: _konfig(kolumn(namn, dtyp), dtyp) for namn, dtyp in df.schema.items()}


def _konfig(meta: Kolumn, dtyp: pl.DataType) -> Any:
    if meta.slag == "andel" and dtyp.is_numeric():
        return st.column_config.NumberColumn(format="percent", step=10.0 ** -(meta.decimaler + 2))
    if meta.slag in ("antal", "kr") and dtyp.is_numeric():
        steg = 10.0**-meta.decimaler if meta.decimaler else 1
        return st.column_config.NumberColumn(format="localized", step=steg)
    if meta.slag == "id" and dtyp.is_numeric():
        return st.column_config.NumberColumn(format="plain")
    if dtyp == pl.Datetime:
        return st.column_config.DatetimeColumn(format="YYYY-MM-DD HH:mm")
    if dtyp == pl.Date:
        return st.column_config.DateColumn(format="YYYY-MM-DD")
    if dtyp == pl.Boolean:
        return st.column_config.CheckboxColumn()
    return st.column_config.TextColumn()
