"""The one place a page gets a figure, whether to show it or to offer it for download.

Roles and small-number protection are applied in `_skydda`, once, for every page and every
download (the choke point): the `namnd` view gets `queries.skydd.skydda` (counts of 1–4 as
`<5`, with secondary masking), and rows about one person are refused to everyone but
analysts, so that no page or download can bypass them. Results are cached per database file
version, figure and parameters (before protection, which is cheap), so a re-import is picked
up at the next rerun without a restart.
"""

from __future__ import annotations

import contextvars
from collections.abc import Hashable, Mapping
from datetime import date
from pathlib import Path
from types import MappingProxyType
from typing import Any

import duckdb
import polars as pl
import streamlit as st

import queries
from queries import skydd, skyddsvy
from ui import db, roller

Parameter = date | str | int | float | list[str] | None


def hamta(namn: str, **params: Parameter) -> pl.DataFrame:
    """The figure `namn` (a name from the catalogue) for the given filter parameters.

    Read from the render's pinned database snapshot (`ui.db.las`), so every figure of one
    render comes from the same import.
    """
    return _skydda(namn, params)


def _oskyddad(namn: str, params: dict[str, Parameter]) -> pl.DataFrame:
    with db.las() as ob:
        return _hamta_cachat(ob.sokvag, ob.version, namn, _nyckel(params))


class Radniva(PermissionError):
    """A page asked for rows about one person for a viewer who may not see them."""


def besked(namn: str) -> str | None:
    """The message to show instead of figure `namn` in this run (too few persons), if any."""
    return _besked.get().get(namn)


def importerade_tabeller() -> frozenset[str]:
    """The tables the latest import stored rows in: optional ones may be missing entirely."""
    # the row counts are read unprotected: which tables exist is no count of persons
    logg = _oskyddad("import_logg", {})
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


def _skydda(namn: str, params: dict[str, Parameter]) -> pl.DataFrame:
    """The figure as the viewer's role may see it.

    The protected view also reads, through the same cache, the finer figures whose hidden
    totals this figure shows and the same figure without each list filter (parents), so
    that neither another granularity nor a nearby filter setting gives a small count away
    (``queries.skyddsvy``).
    """
    roll = roller.aktuell_roll()
    spec = skydd.figurskydd(namn)
    if not roller.far_se_radniva(roll) and spec.radniva:
        raise Radniva(f"{namn}: rader om enskilda personer visas bara för analytiker")
    df = _oskyddad(namn, params)
    if not roller.far_se_radniva(roll) and "person_id" in df.columns:
        raise Radniva(f"{namn}: rader om enskilda personer visas bara för analytiker")
    if not roller.skyddad(roll):
        return df
    with db.las() as ob:
        vy = _skyddad_cachad(ob.sokvag, ob.version, namn, _nyckel(params), skydd.maskgrans())
    if vy.besked:
        # charts and tables of this figure show the message instead (ui.components);
        # tiles still read the masked cells as <5
        _besked.set(MappingProxyType({**_besked.get(), namn: vy.besked}))
    return vy.df


@st.cache_data(show_spinner=False, max_entries=500)
def _skyddad_cachad(
    sokvag: str, version: db.Version, namn: str, nyckel: tuple[tuple[str, Any], ...], grans: int
) -> skyddsvy.Vy:
    """The protected view of one figure of one snapshot: reruns need not protect it again."""
    params: dict[str, Any] = {k: list(v) if isinstance(v, tuple) else v for k, v in nyckel}
    return skyddsvy.skydda_vy(namn, params, lambda n, p: _oskyddad(n, dict(p)), grans)


db.vid_stangning(_skyddad_cachad.clear)


def visas(namn: str) -> bool:
    """Whether figure `namn` is shown at all to this run's role (some are not in the
    protected view: docs/skydd.md)."""
    return not roller.skyddad(roller.aktuell_roll()) or skydd.figurskydd(namn).skyddad_vy


_besked: contextvars.ContextVar[Mapping[str, str]] = contextvars.ContextVar(
    "ekb_besked", default=MappingProxyType({})
)
"""Figures of the run in progress that cover too few persons to show (figure -> message)."""


def ny_korning() -> None:
    """Forget the previous run's messages (dashboard.py calls it first in every run)."""
    _besked.set(MappingProxyType({}))
