"""A pandas day-by-day baseline for monthly occupancy, to compare with `belaggning`.

Why: the figures count care days from intervals; the naive way, and what the project
would have written without that design, expands every placement to one row per day and
counts per unit and month. Timing both on the same data and the same period shows what the
interval design buys. Only the computation is timed, not reading the placements.
"""

from __future__ import annotations

import time
from datetime import date, timedelta

import duckdb
import pandas as pd


def placeringar(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    sql = "select enhet_id, startdatum, slutdatum from placeringar"
    return con.execute(sql).df()


def dag_for_dag(df: pd.DataFrame, fran: date, till: date) -> pd.Series:
    """Care days per unit and month in [fran, till]: one row per placement and day."""
    borjan, slutet = pd.Timestamp(fran), pd.Timestamp(till + timedelta(days=1))
    start = pd.to_datetime(df["startdatum"]).clip(lower=borjan)
    slut = pd.to_datetime(df["slutdatum"]).fillna(slutet).clip(upper=slutet)
    dagar = (slut - start).dt.days
    med = dagar > 0
    utvidgad = pd.DataFrame({"enhet_id": df["enhet_id"][med], "start": start[med]})
    utvidgad = utvidgad.loc[utvidgad.index.repeat(dagar[med])]
    steg = utvidgad.groupby(level=0).cumcount()
    utvidgad["dag"] = utvidgad["start"] + pd.to_timedelta(steg, unit="D")
    return utvidgad.groupby(["enhet_id", utvidgad["dag"].dt.to_period("M")]).size()


def tid_dag_for_dag(con: duckdb.DuckDBPyConnection, fran: date, till: date) -> tuple[float, int]:
    """Milliseconds of the day-by-day count and the care days it found."""
    df = placeringar(con)
    start = time.perf_counter()
    per_manad = dag_for_dag(df, fran, till)
    return (time.perf_counter() - start) * 1000, int(per_manad.sum())
