"""Writes the demo's tables in the file formats real Swedish exports come in.

Why a module of its own: the demo exists to run the real import path, so its
files should look like what a municipality actually hands over: case-system
exports saved from Swedish Excel (`;`, Windows-1252, decimal comma, the
non-breaking space as thousands separator, kommunkoder that lost their
leading zero), a ledger as UTF-8 with BOM, Migrationsverket lists
tab-separated with compact dates, and plain comma CSV for the rest. Only
formats the import contract allows.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

Cell = str | int | date | Decimal | None


@dataclass(frozen=True, order=True)
class Manad:
    """A calendar month, written as the file format wants it."""

    ar: int
    manad: int

    def forsta_dag(self) -> date:
        return date(self.ar, self.manad, 1)

    def nasta(self) -> Manad:
        return Manad(self.ar + self.manad // 12, self.manad % 12 + 1)


@dataclass(frozen=True)
class Kommunkod:
    """A kommunkod; Excel exports may have turned it into a number."""

    kod: str


@dataclass(frozen=True)
class Filformat:
    """How one exporting system writes its CSV files."""

    avgransare: str
    kodning: str
    radslut: str
    decimal: str
    tusental: str
    kompakta_datum: bool
    kommun_som_tal: bool


EXCEL = Filformat(";", "cp1252", "\r\n", ",", "\u00a0", False, True)
"""Saved as 'CSV (semikolonavgränsad)' from Swedish Excel on Windows."""
EKONOMISYSTEM = Filformat(";", "utf-8-sig", "\r\n", ",", "", False, False)
"""The financial system's report export: UTF-8 with BOM, decimal comma."""
MIGRATIONSVERKET = Filformat("\t", "utf-8", "\n", ".", "", True, False)
"""A tab-separated list with compact dates (YYYYMMDD)."""
VANLIG = Filformat(",", "utf-8", "\n", ".", "", False, False)


def kronor(belopp: float | int | Decimal) -> Decimal:
    """An amount rounded to öre, the unit every ledger keeps."""
    return Decimal(str(belopp)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def cell(varde: Cell | Manad | Kommunkod, fmt: Filformat) -> str:
    """One value as text in the given file format."""
    if varde is None:
        return ""
    if isinstance(varde, Manad):
        sep = "" if fmt.kompakta_datum else "-"
        return f"{varde.ar:04d}{sep}{varde.manad:02d}"
    if isinstance(varde, date):
        return varde.strftime("%Y%m%d" if fmt.kompakta_datum else "%Y-%m-%d")
    if isinstance(varde, Kommunkod):
        return str(int(varde.kod)) if fmt.kommun_som_tal else varde.kod
    if isinstance(varde, Decimal):
        return _belopp(varde, fmt)
    return str(varde)


def _belopp(varde: Decimal, fmt: Filformat) -> str:
    text = f"{abs(varde):,.2f}".replace(",", "\x00").replace(".", fmt.decimal)
    return ("-" if varde < 0 else "") + text.replace("\x00", fmt.tusental)


def skriv(
    mapp: Path,
    tabell: str,
    kolumner: Sequence[str],
    rader: Iterable[Sequence[Cell | Manad | Kommunkod]],
    fmt: Filformat,
) -> Path:
    """Write one table as `<tabell>.csv` in the folder; returns the path."""
    sokvag = mapp / f"{tabell}.csv"
    with sokvag.open("w", encoding=fmt.kodning, newline="") as fil:
        skrivare = csv.writer(fil, delimiter=fmt.avgransare, lineterminator=fmt.radslut)
        skrivare.writerow(kolumner)
        skrivare.writerows([cell(v, fmt) for v in rad] for rad in rader)
    return sokvag
