"""The one place a page gets a figure, whether to show it or to offer it for download.

Roles and small-number protection (counts of 1–4 shown as `<5`, with secondary masking)
will be applied in `_skydda`, once, for every page and every download. Results are cached
per database file version, figure and parameters, so a re-import is picked up at the next
rerun without a restart.
"""

from __future__ import annotations

from collections.abc import Hashable
from datetime import date
from pathlib import Path
from typing import Any

import duckdb
import polars as pl
import streamlit as st

import queries
from ui import db

Parameter = date | str | int | float | list[str] | None


def hamta(namn: str, **params: Parameter) -> pl.DataFrame:
    """The figure `namn` (a name from the catalogue) for the given filter parameters.

    Read from the render's pinned database snapshot (`ui.db.las`), so every figure of one
    render comes from the same import.
    """
    with db.las() as ob:
        return _skydda(namn, _hamta_cachat(ob.sokvag, ob.version, namn, _nyckel(params)))


def importerade_tabeller() -> frozenset[str]:
    """The tables the latest import stored rows in: optional ones may be missing entirely."""
    logg = hamta("import_logg")
    if logg.is_empty():
        return frozenset()
    senaste = logg.filter(
        pl.col("import_id") == logg["import_id"].max(), pl.col("rader_lagrade") > 0
    )
    return frozenset(senaste["tabell"].drop_nulls().to_list())


def _nyckel(params: dict[str, Parameter]) -> tuple[tuple[str, Hashable], ...]:
    """Parameters as a sorted tuple, lists as tuples: a stable cache key."""
    return tuple(sorted((k, tuple(v) if isinstance(v, list) else v) for k, v in params.items()))


@st.cache_data(show_spinner=False, max_entries=500)
def _hamta_cachat(
    sokvag: str, version: db.Version, namn: str, nyckel: tuple[tuple[str, Any], ...]
) -> pl.DataFrame:
    """One figure of one snapshot; the cache is emptied when a replaced snapshot closes."""
    params: dict[str, Any] = {k: list(v) if isinstance(v, tuple) else v for k, v in nyckel}
    with db.las() as ob, ob.con.cursor() as markor:
        if ob.version != version:  # only `hamta` calls this, with the snapshot it holds
            raise db.DatabasFel(db.olasbar_text(Path(sokvag)))
        try:
            return queries.run(namn, con=markor, **params)
        except (duckdb.CatalogException, duckdb.BinderException) as fel:
            # tables or columns missing: not an EKB database, or one built by an older version
            raise db.DatabasFel(db.olasbar_text(Path(sokvag), fel)) from fel


db.vid_stangning(_hamta_cachat.clear)


def _skydda(namn: str, df: pl.DataFrame) -> pl.DataFrame:
    """Apply the viewer's protection to a figure; today every viewer sees the full figure.

    This is where small-number masking will go when roles arrive, so that no page and no
    download can bypass it.
    """
    return df
