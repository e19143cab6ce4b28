"""The metric layer: every figure the dashboard, the exports and the report show.

Each figure is one ``SELECT`` in ``queries/<name>.sql`` whose header states its grain,
the definition it implements and its parameters (``-- params: fran date, ...``).
``run`` is the only way to execute one: the file name is the whitelist of figures,
the header is the whitelist of parameters, and every value is bound by DuckDB, so no
caller can ever put text into the SQL.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

import duckdb
import polars as pl

from queries.filtervarden import FilterError, normalisera
from queries.parkett import ParquetFel, oppna_parquet

__all__ = [
    "Figure",
    "ParquetFel",
    "QueryError",
    "bind",
    "catalogue",
    "figure",
    "oppna_parquet",
    "run",
]

SQL_DIR = Path(__file__).parent
_PARAMETER = re.compile(r"\$([a-z_]+)")
PARAM_TYPES = ("date", "text", "list")


class QueryError(ValueError):
    """A figure or parameter the catalogue does not know, or a value of the wrong kind."""


@dataclass(frozen=True)
class Figure:
    """One figure of the catalogue, read from its SQL file's header."""

    name: str
    """The file stem, e.g. ``belaggning``."""
    title: str
    """The Swedish title users see (the ``titel:`` line)."""
    params: dict[str, str]
    """Declared parameters in order, name -> kind (``date``, ``text`` or ``list``)."""
    description: str
    """The header comment without the ``titel`` and ``params`` lines."""
    sql: str
    """The whole file."""
    lagrad: str | None = None
    """For a forecast: when this one-value expression over the parameters is true, the tables
    built at import hold the rows and ``sql_lagrad`` reads them (the ``lagrad:`` line)."""
    sql_lagrad: str | None = None
    """``sql`` with each forecast macro replaced by its ``…_lagrad`` twin (data/models/397–398)."""


LAGRADE_MAKRON = re.compile(r"\b(prognos_bestand|prognos_ekonomi)\(")
"""The forecast macros whose rows the import stores: `prognos_bestand(` -> `prognos_bestand_lagrad(`."""


def _parse(path: Path) -> Figure:
    sql = path.read_text(encoding="utf-8")
    header = [line[2:].strip() for line in sql.splitlines() if line.startswith("--")]
    params: dict[str, str] = {}
    title = ""
    lagrad = None
    description = []
    for line in header:
        if line.startswith("titel:"):
            title = line[len("titel:") :].strip()
            continue
        if line.startswith("lagrad:"):
            lagrad = line[len("lagrad:") :].strip()
            continue
        if not line.startswith("params:"):
            description.append(line)
            continue
        for item in filter(None, (p.strip() for p in line[len("params:") :].split(","))):
            name, kind = item.split()
            if kind not in PARAM_TYPES or not re.fullmatch(r"[a-z_]+", name):
                raise QueryError(f"{path.name}: ogiltig parameter {item!r}")
            params[name] = kind
    sql_lagrad = LAGRADE_MAKRON.sub(r"\1_lagrad(", sql) if lagrad else None
    return Figure(path.stem, title, params, "\n".join(description), sql, lagrad, sql_lagrad)


@cache
def _figures() -> dict[str, Figure]:
    """Every SQL file parsed once per process: the files ship with the code and never change
    while it runs, and a page asks for a figure's header many times per rerun."""
    return {p.stem: _parse(p) for p in sorted(SQL_DIR.glob("*.sql"))}


def _med(sql: str, values: dict[str, Any]) -> dict[str, Any]:
    """The values `sql` uses (DuckDB refuses a value the statement does not name)."""
    namn = set(_PARAMETER.findall(re.sub(r"--[^\n]*", "", sql)))
    return {n: values[n] for n in namn if n in values}


def sql_for(name: str, values: dict[str, Any], con: duckdb.DuckDBPyConnection) -> str:
    """The SELECT that answers `name` for `values` on `con`: the figure's own SQL reading the
    forecasts stored at import when they cover the request (its `lagrad:` line), else the
    figure's own SQL as written, so every request gets the same rows."""
    fig = figure(name)
    if fig.lagrad is None or fig.sql_lagrad is None:
        return fig.sql
    tacker = f"select {fig.lagrad}"
    rad = con.execute(tacker, _med(tacker, values)).fetchone()
    return fig.sql_lagrad if rad is not None and rad[0] else fig.sql


def catalogue() -> list[Figure]:
    """Every figure in ``queries/``, sorted by name."""
    return list(_figures().values())


def figure(name: str) -> Figure:
    """The figure called ``name``; a name that is not a file stem is refused."""
    figures = _figures()
    if name not in figures:
        raise QueryError(f"Okänt mått: {name!r}. Kända mått: {', '.join(figures)}")
    return figures[name]


def _value(name: str, kind: str, value: Any) -> Any:
    if value is None:
        return None
    if kind == "date":
        if isinstance(value, date):
            return value
        try:
            return date.fromisoformat(str(value))
        except ValueError:
            raise QueryError(f"{name}: ogiltigt datum {value!r}, ange ÅÅÅÅ-MM-DD") from None
    try:
        if kind == "list":
            values = [value] if isinstance(value, str) else list(value)
            return [normalisera(name, str(v)) for v in values] or None
        return normalisera(name, str(value))
    except FilterError as error:
        raise QueryError(str(error)) from None


def bind(fig: Figure, params: dict[str, Any]) -> dict[str, Any]:
    """Every declared parameter of ``fig`` with its value, NULL (no filter) when omitted.

    Filter values are normalised the way the importer stores them (``380`` -> ``0380``);
    an unknown one is refused rather than silently matching nothing.
    """
    unknown = sorted(set(params) - set(fig.params))
    if unknown:
        known = ", ".join(fig.params) or "inga"
        raise QueryError(f"{fig.name}: okänd parameter {', '.join(unknown)} (tillåtna: {known})")
    return {n: _value(n, k, params.get(n)) for n, k in fig.params.items()}


def run(
    name: str,
    db_path: Path | str | None = None,
    *,
    con: duckdb.DuckDBPyConnection | None = None,
    parquet: Path | str | None = None,
    **params: Any,
) -> pl.DataFrame:
    """Run figure ``name`` on the database at ``db_path`` (read-only), on ``con``, or on the
    Parquet snapshot published in the folder ``parquet`` (``queries.parkett``)."""
    values = bind(figure(name), params)
    if con is not None:
        return _kor(name, values, con)
    if parquet is not None:
        with oppna_parquet(parquet) as own:
            return _kor(name, values, own)
    if db_path is None:
        raise QueryError("Ange en databasfil eller en öppen anslutning")
    with duckdb.connect(str(db_path), read_only=True) as own:
        return _kor(name, values, own)


def _kor(name: str, values: dict[str, Any], con: duckdb.DuckDBPyConnection) -> pl.DataFrame:
    sql = sql_for(name, values, con)
    return con.execute(sql, _med(sql, values)).pl()
