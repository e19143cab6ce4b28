"""Timing every figure of the catalogue with the parameters the pages really send.

Why these views: the sidebar's defaults are the twelve months up to the extraction date
with the perspective municipality (`ui.filters.standardvarden`, repeated here because the
benchmark may not import the UI); an analyst's common filter is HVB and boys; the committee
asks for the ten years back. One read-only connection serves every run, as the UI holds one.
"""

from __future__ import annotations

import statistics
import time
from datetime import date
from typing import Any

import duckdb

import queries

VYER = ("standard", "filtrerad", "tioar")
STANDARDKOMMUN = "0180"


def manadens_forsta(dag: date, manader_tillbaka: int = 0) -> date:
    """The first day of the month `manader_tillbaka` months before `dag`'s month."""
    manad = dag.year * 12 + dag.month - 1 - manader_tillbaka
    return date(manad // 12, manad % 12 + 1, 1)


def vyparametrar(con: duckdb.DuckDBPyConnection) -> dict[str, dict[str, Any]]:
    """The three views' parameters, worked out from the data as the sidebar does."""
    rad = queries.run("dataomfang", con=con).row(0, named=True)
    till = rad.get("uttagsdatum") or rad["sista_datum"]
    standard = {
        "fran": manadens_forsta(till, 11),
        "till": till,
        "datum": till,
        "kommun": rad.get("perspektivkommun") or STANDARDKOMMUN,
    }
    return {
        "standard": standard,
        "filtrerad": {**standard, "boendeform": ["HVB"], "kon": ["M"]},
        "tioar": {**standard, "fran": manadens_forsta(till, 119)},
    }


def tider(
    con: duckdb.DuckDBPyConnection, namn: str, params: dict[str, Any], runs: int
) -> list[float]:
    """Milliseconds of `runs` warm runs (one run before them warms the caches)."""
    queries.run(namn, con=con, **params)
    ms = []
    for _ in range(runs):
        start = time.perf_counter()
        queries.run(namn, con=con, **params)
        ms.append((time.perf_counter() - start) * 1000)
    return ms


def percentil(varden: list[float], p: float) -> float:
    """The p-th percentile by linear interpolation (numpy's default), without numpy."""
    ordnade = sorted(varden)
    plats = (len(ordnade) - 1) * p / 100
    under = int(plats)
    over = min(under + 1, len(ordnade) - 1)
    return ordnade[under] + (ordnade[over] - ordnade[under]) * (plats - under)


def sammanfatta(ms: list[float]) -> dict[str, float]:
    return {"median_ms": statistics.median(ms), "p95_ms": percentil(ms, 95), "runs": len(ms)}


def mat_figurer(
    con: duckdb.DuckDBPyConnection, runs: int
) -> dict[str, dict[str, dict[str, float]]]:
    """Per figure and view: median and p95 milliseconds; each figure gets only its own params."""
    vyer = vyparametrar(con)
    resultat: dict[str, dict[str, dict[str, float]]] = {}
    for fig in queries.catalogue():
        resultat[fig.name] = {}
        for vy, alla in vyer.items():
            params = {k: v for k, v in alla.items() if k in fig.params}
            resultat[fig.name][vy] = sammanfatta(tider(con, fig.name, params, runs))
    return resultat
