"""Staging database, import log and the atomic swap onto the live file.

The dashboard reads the DuckDB file while an import runs, so the live file is
never written to: a complete new file is built beside it and `os.replace`d
over it. A reader holding the old file keeps its complete old data; the next
reader opens the complete new one. A lock file serialises imports so two
cannot interleave their log rows.
"""

from __future__ import annotations

import csv
import fcntl
import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

import duckdb
import polars as pl

from ingest.problems import ImportRefused, Problem
from ingest.regler import read_regler
from ingest.spec import TABLES

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
SCHEMA_SQL = DATA_DIR / "schema.sql"
DERIVED_SQL = DATA_DIR / "derived.sql"
DERIVED_ERSATTNING_SQL = DATA_DIR / "derived_ersattning.sql"
KOMMUNER_CSV = DATA_DIR / "reference" / "kommuner.csv"
LOG_TABLES = ("import_log", "import_fil")
# The only table names that may stand in a statement: the contract's tables, the
# municipality reference and the log.
LOADABLE = frozenset(table.name for table in TABLES) | {
    "kommuner",
    "ersattningsregler",
    *LOG_TABLES,
}


def _tabell(name: str) -> str:
    """`name` quoted as an SQL identifier, refused unless it is in the whitelist."""
    if name not in LOADABLE:
        raise ValueError(f"okänd tabell: {name!r}")
    return f'"{name}"'


@dataclass(frozen=True)
class FileRecord:
    """One import_fil row: where a table came from and what was counted."""

    tabell: str
    fil: str
    sha256: str
    rader_lasta: int
    rader_lagrade: int


@dataclass(frozen=True)
class LogEntry:
    """The import_log row of this import."""

    uttagsdatum: date
    kalla: str
    demo: bool


def read_kommuner() -> dict[str, str]:
    """All municipalities, kommunkod to name, from the copied SCB reference."""
    with KOMMUNER_CSV.open(encoding="utf-8", newline="") as handle:
        return {row["kommunkod"]: row["kommun"] for row in csv.DictReader(handle)}


def write_database(
    db_path: Path, frames: dict[str, pl.DataFrame], files: list[FileRecord], entry: LogEntry
) -> int:
    """Build a complete new database beside `db_path`, swap it in, return the import id."""
    with _import_lock(db_path):
        staging = db_path.with_name(f"{db_path.name}.tmp-{uuid.uuid4().hex}")
        try:
            import_id = _build(staging, db_path, frames, files, entry)
            os.replace(staging, db_path)
        finally:
            _remove(staging)
        _sync_directory(db_path.parent)
    return import_id


def _build(
    staging: Path,
    old: Path,
    frames: dict[str, pl.DataFrame],
    files: list[FileRecord],
    entry: LogEntry,
) -> int:
    regler = read_regler()  # refuses the import before anything is built
    con = duckdb.connect(str(staging))
    try:
        con.execute("set enable_progress_bar = false")
        con.execute(SCHEMA_SQL.read_text(encoding="utf-8"))
        _insert(con, "kommuner", pl.read_csv(KOMMUNER_CSV, infer_schema=False))
        _insert(con, "ersattningsregler", regler)
        for table, frame in frames.items():
            _insert(con, table, frame)
        import_id = _carry_log(con, old)
        _log(con, import_id, files, entry)
        con.execute(DERIVED_SQL.read_text(encoding="utf-8"))
        con.execute(DERIVED_ERSATTNING_SQL.read_text(encoding="utf-8"))
        con.execute("checkpoint")
    finally:
        con.close()
    return import_id


def _insert(con: duckdb.DuckDBPyConnection, table: str, frame: pl.DataFrame) -> None:
    """Bulk-load a frame; `table` is a contract table name from ingest.spec (whitelist)."""
    con.register("inkommande", frame.to_arrow())
    try:
        sql = "insert into " + _tabell(table) + " by name select * from inkommande"  # noqa: S608 - whitelisted name
        con.execute(sql)
    finally:
        con.unregister("inkommande")


def _carry_log(con: duckdb.DuckDBPyConnection, old: Path) -> int:
    """Copy the old file's import history; return the next import id."""
    if old.exists():
        try:
            with duckdb.connect(str(old), read_only=True) as previous:
                selects = ["select * from " + _tabell(t) for t in LOG_TABLES]  # noqa: S608 - whitelisted
                history = [previous.sql(sql).pl() for sql in selects]
        except duckdb.Error:
            message = "den befintliga databasen kan inte läsas; dess importlogg kan inte föras över"
            raise ImportRefused([Problem(old.name, None, None, message)]) from None
        for table, frame in zip(LOG_TABLES, history, strict=True):
            _insert(con, table, frame)
    row = con.execute("select coalesce(max(import_id), 0) + 1 from import_log").fetchone()
    return int(row[0]) if row else 1


def _log(
    con: duckdb.DuckDBPyConnection, import_id: int, files: list[FileRecord], entry: LogEntry
) -> None:
    con.execute(
        "insert into import_log values (?, ?, ?, ?, ?)",
        [
            import_id,
            datetime.now().replace(microsecond=0),
            entry.uttagsdatum,
            entry.kalla,
            entry.demo,
        ],
    )
    con.executemany(
        "insert into import_fil values (?, ?, ?, ?, ?, ?)",
        [[import_id, f.tabell, f.fil, f.sha256, f.rader_lasta, f.rader_lagrade] for f in files],
    )


@contextmanager
def _import_lock(db_path: Path) -> Iterator[None]:
    """An exclusive lock beside the database (named so .gitignore covers it)."""
    db_path.parent.mkdir(parents=True, exist_ok=True)
    with db_path.with_name(f"{db_path.name}.tmp.lock").open("a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _remove(staging: Path) -> None:
    for path in (staging, staging.with_name(staging.name + ".wal")):
        with suppress(FileNotFoundError):
            path.unlink()


def _sync_directory(directory: Path) -> None:
    """Make the rename durable: without this a crash could bring back the old file."""
    handle = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(handle)
    finally:
        os.close(handle)
