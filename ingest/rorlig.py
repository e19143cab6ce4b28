"""The variable part of the yearly payment, read from data/reference/arlig_rorlig_ersattning.csv.

Why a reference table and not a rule: the amount is 9 450 kr × the kommun's share in the
anvisning model × the national forecast (SFS 2017:193 7 §), and the share and forecast are
Migrationsverket's yearly decision per kommun, which no export carries. The municipality
enters its decision; every fault is reported as the rules file's are: file, line, column.
"""

from __future__ import annotations

import csv
from decimal import Decimal
from pathlib import Path

import polars as pl

from ingest.problems import ImportRefused, Problem
from ingest.regler import _date, _decimal, _Rad

RORLIG_CSV = (
    Path(__file__).resolve().parent.parent / "data" / "reference" / "arlig_rorlig_ersattning.csv"
)
KOLUMNER = (
    "kommun", "giltig_fran", "giltig_till", "belopp_per_barn", "andel", "prognos_barn", "kalla",
)  # fmt: skip
SCHEMA: dict[str, pl.DataType | type[pl.DataType]] = {
    "kommun": pl.String, "giltig_fran": pl.Date, "giltig_till": pl.Date,
    "belopp_per_barn": pl.Decimal(12, 2), "andel": pl.Decimal(12, 8),
    "prognos_barn": pl.Decimal(12, 2), "kalla": pl.String, "rad": pl.Int32,
}  # fmt: skip


def read_rorlig(kommuner: set[str], path: Path | None = None) -> pl.DataFrame:
    """The table `arlig_rorlig_ersattning`; `ImportRefused` names every fault."""
    path = path or RORLIG_CSV
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        missing = [k for k in KOLUMNER if k not in [n.strip() for n in reader.fieldnames or []]]
        if missing:
            message = f"kolumn saknas: {', '.join(missing)}"
            raise ImportRefused([Problem(path.name, 1, None, message)])
        lines = [(reader.line_num, row) for row in reader]
    problems: list[Problem] = []
    rows = [_row(_Rad(path.name, line, _clean(raw), problems), kommuner) for line, raw in lines]
    if problems:
        raise ImportRefused(problems)
    return pl.DataFrame(rows, schema=SCHEMA, orient="row")


def _clean(raw: dict[str | None, str | list[str] | None]) -> dict[str, str]:
    return {str(k).strip(): str(v).strip() for k, v in raw.items() if isinstance(v, str)}


def _row(r: _Rad, kommuner: set[str]) -> tuple[object, ...]:
    kommun = r.text.get("kommun", "").zfill(4) if r.text.get("kommun") else ""
    if kommun not in kommuner:
        r.fel("kommun", f"okänd kommunkod {r.text.get('kommun', '')!r}")
    fran = _date(r, "giltig_fran", required=True)
    till = _date(r, "giltig_till", required=True)
    if fran and till and till < fran:
        r.fel("giltig_till", "giltig_till ligger före giltig_fran")
    belopp, andel, prognos = (_required(r, k) for k in ("belopp_per_barn", "andel", "prognos_barn"))
    if andel is not None and andel > 1:
        r.fel("andel", "andelen är en del av 1, t.ex. 0.0085")
    if not r.text.get("kalla"):
        r.fel("kalla", "källa saknas: ange Migrationsverkets beslut")
    return (kommun, fran, till, belopp, andel, prognos, r.text.get("kalla"), r.rad)


def _required(r: _Rad, kolumn: str) -> Decimal | None:
    if not r.text.get(kolumn):
        r.fel(kolumn, "värde saknas")
    return _decimal(r, kolumn)
