"""The derived models: one SQL file per table or macro in `data/models/`, run in file order.

Each model file starts with a header that names the model and, for a table, its grain and
key (`-- key: person_id, giltig_fran`); `ingest.datatester` checks every key on every import.
After the models, the import stamps the file with the schema version and a hash of the
schema and the models as this code ships them (`bygge`), so a file built by another
version is recognised (`queries.stamp.check`) instead of silently keeping old definitions.
The hash ignores comments and layout: a comment needs no re-import.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import duckdb

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
SCHEMA_SQL = DATA_DIR / "schema.sql"
MODELS_DIR = DATA_DIR / "models"
SCHEMA_VERSION = 3
"""Raised by hand when the schema changes in a way a reader must know of (1 = unstamped)."""
_KOMMENTAR = re.compile(r"--[^\n]*")
_HUVUD = re.compile(r"^-- (model|grain|key): (.*)$", re.M)


@dataclass(frozen=True)
class Modell:
    """One model file and what its header says."""

    fil: Path
    namn: str
    """The table or macro it creates."""
    tabell: bool
    """A table (with rows, grain and key) rather than a macro."""
    nyckel: tuple[str, ...]
    """The columns that identify a row (tables only)."""
    grain: str
    """What one row is (tables only)."""


def _las(fil: Path) -> Modell:
    huvud: dict[str, str] = {}
    for falt, varde in _HUVUD.findall(fil.read_text(encoding="utf-8")):
        huvud.setdefault(falt, varde.strip())
    namn, _, slag = huvud.get("model", fil.stem).partition(" ")
    nyckel = tuple(k.strip() for k in huvud.get("key", "").split(",") if k.strip())
    return Modell(fil, namn, "(table)" in slag, nyckel, huvud.get("grain", ""))


@cache
def modeller() -> tuple[Modell, ...]:
    """Every model in the order the import runs them (by file name)."""
    return tuple(_las(fil) for fil in sorted(MODELS_DIR.glob("*.sql")))


def _utan_kommentarer(sql: str) -> str:
    return " ".join(_KOMMENTAR.sub("", sql).split())


@cache
def kod_hash() -> str:
    """A hash of the schema and every model as this code ships them (comments ignored)."""
    delar = [_utan_kommentarer(SCHEMA_SQL.read_text(encoding="utf-8"))]
    for modell in modeller():
        delar.append(modell.fil.name)
        delar.append(_utan_kommentarer(modell.fil.read_text(encoding="utf-8")))
    return hashlib.sha256("\0".join(delar).encode()).hexdigest()[:16]


class ModellFel(Exception):
    """A derived model failed its data tests: the definition is wrong, not the data."""


def kor_modeller(con: duckdb.DuckDBPyConnection) -> None:
    """Build every derived model in `con`, test them, then stamp the file with this version."""
    from ingest.datatester import kor

    for modell in modeller():
        con.execute(modell.fil.read_text(encoding="utf-8"))
    fynd = kor(con)
    if fynd:
        raise ModellFel(
            "De härledda modellerna klarar inte sina datatester (ett fel i programmet, inte i "
            "exporten): " + "; ".join(f"{f.test}: {f.rader} rader" for f in fynd)
        )
    con.execute(
        "insert into bygge (schemaversion, kod_hash) values (?, ?)", [SCHEMA_VERSION, kod_hash()]
    )
