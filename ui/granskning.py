"""The audit log: who downloaded or imported what, with which filters, and when. Never the data.

The dashboard's database file is opened read-only and replaced by every import, so the audit
lives in its own DuckDB file beside it (`<db>.granskning.duckdb`, or `EKB_GRANSKNING`). Several
sessions and processes write to it; every write is one tiny row, taken under an exclusive file
lock so that none is lost (DuckDB refuses, rather than waits for, a second writing process).
See docs/granskning.md.
"""

from __future__ import annotations

import fcntl
import json
import os
import threading
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from datetime import date, datetime
from pathlib import Path

import duckdb

from ingest.personnummer import contains_personnummer
from ui.db import databas_sokvag
from ui.roller import aktuell_roll, anvandare

HANDLINGAR = ("nedladdning_csv", "nedladdning_xlsx", "nedladdning_pdf", "import")
DOLT = "(dolt: liknar ett personnummer)"
SCHEMA = """
create table if not exists granskning (
    tid timestamp not null,
    anvandare varchar not null,
    roll varchar not null,
    handling varchar not null,
    figur varchar,
    parametrar json not null
)
"""

_trad = threading.Lock()
"""Threads of one server queue here first; the file lock then orders the processes."""


def granskning_sokvag() -> Path:
    """The audit file: `EKB_GRANSKNING` when set, else beside the database file."""
    miljo = os.environ.get("EKB_GRANSKNING", "").strip()
    if miljo:
        return Path(miljo).expanduser().resolve()
    db = databas_sokvag()
    return db.with_name(db.name + ".granskning.duckdb")


def logga(
    handling: str,
    figur: str | None,
    params: Mapping[str, object],
    *,
    vem: tuple[str, str] | None = None,
) -> None:
    """Record one download or import. `vem` is (user, role); by default this session's.

    A download runs its callable outside the session (no `st.user` there), so `loggad`
    takes `vem` when the button is drawn and passes it here.
    """
    if handling not in HANDLINGAR:
        raise ValueError(f"okänd handling: {handling!r}")
    anv, roll = vem or (anvandare(), aktuell_roll())
    rad = [datetime.now(), _rensa(anv), roll, handling, figur, _json(params)]
    with _skrivlas(granskning_sokvag()) as fil, duckdb.connect(str(fil)) as con:
        con.execute(SCHEMA)
        con.execute("insert into granskning values (?, ?, ?, ?, ?, ?)", rad)


def loggad(
    handling: str, figur: str, params: Mapping[str, object], bygg: Callable[[], bytes]
) -> Callable[[], bytes]:
    """`bygg` for a download button, logging each click before the bytes are built."""
    vem = (anvandare(), aktuell_roll())
    kopia = dict(params)

    def ladda_ner() -> bytes:
        logga(handling, figur, kopia, vem=vem)
        return bygg()

    return ladda_ner


@contextmanager
def _skrivlas(fil: Path) -> Iterator[Path]:
    fil.parent.mkdir(parents=True, exist_ok=True)
    with _trad, fil.with_name(fil.name + ".lock").open("a") as las:
        fcntl.flock(las, fcntl.LOCK_EX)
        try:
            yield fil
        finally:
            fcntl.flock(las, fcntl.LOCK_UN)


def _json(params: Mapping[str, object]) -> str:
    """Parameters as JSON; dates as ISO text, any text with a personnummer hidden."""
    return json.dumps({str(k): _varde(v) for k, v in params.items()}, ensure_ascii=False)


def _varde(v: object) -> object:
    if isinstance(v, (list, tuple, set, frozenset)):
        return [_varde(x) for x in v]
    if v is None or isinstance(v, (bool, int, float)):
        return v
    return _rensa(v.isoformat() if isinstance(v, date) else str(v))


def _rensa(text: str) -> str:
    return DOLT if contains_personnummer(text) else text
