"""Staging database, import log and the atomic swap onto the live file.

The dashboard reads the DuckDB file while an import runs, so the live file is
never written to: a complete new file is built beside it and `os.replace`d
over it. A reader holding the old file keeps its complete old data; the next
reader opens the complete new one. A lock file serialises imports so two
cannot interleave their log rows; `ingest.swap` holds the file handling.
"""

from __future__ import annotations

import csv
import errno
import hashlib
from contextlib import suppress
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

import duckdb
import polars as pl

from ingest import rorlig as rorlig_mod
from ingest.modeller import kor_modeller
from ingest.problems import ImportRefused, Problem
from ingest.regler import read_regler
from ingest.spec import TABLES
from ingest.swap import (
    import_lock,
    protect_like,
    remove_staging,
    remove_stale_staging,
    replace,
    staging_path,
    target_of,
)

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
SCHEMA_SQL = DATA_DIR / "schema.sql"
KOMMUNER_CSV = DATA_DIR / "reference" / "kommuner.csv"
LOG_TABLES = ("import_log", "import_fil")
BYGG_MINNE = "1GB"
"""DuckDB's memory while it builds the new file: a national import (1.5 million placements)
stays under 2 GB in all, Python included, on a machine that also serves the dashboard."""
# The only table names that may stand in a statement: the contract's tables, the
# municipality reference and the log.
LOADABLE = frozenset(table.name for table in TABLES) | {
    "kommuner",
    "ersattningsregler",
    "arlig_rorlig_ersattning",
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
    senaste_handelse: date | None = None
    varningar: tuple[str, ...] = ()
    importerad_av: str | None = None
    """Who imported: the OS user for the CLI, the signed-in user in the app."""


def read_kommuner() -> dict[str, str]:
    """All municipalities, kommunkod to name, from the copied SCB reference."""
    with KOMMUNER_CSV.open(encoding="utf-8", newline="") as handle:
        return {row["kommunkod"]: row["kommun"] for row in csv.DictReader(handle)}


def write_database(
    db_path: Path, frames: dict[str, pl.DataFrame], files: list[FileRecord], entry: LogEntry
) -> int:
    """Build a complete new database beside `db_path`, swap it in, return the import id.

    `frames` is emptied as its tables are written, so that their memory is free before the
    derived models are built.

    When `db_path` is a link, its target is replaced and the link stays. A failure
    while the new file is written (a full disk) is an `ImportRefused`: the old file
    was never touched.
    """
    target = target_of(db_path)
    with import_lock(target):
        remove_stale_staging(target)
        staging = staging_path(target)
        try:
            import_id = _build(staging, target, frames, files, entry)
            replace(staging, target)
        except (duckdb.Error, OSError) as error:
            raise ImportRefused([Problem(target.name, None, None, _write_failure(error))]) from None
        finally:
            remove_staging(staging)
    return import_id


def _write_failure(error: BaseException) -> str:
    text = str(error).lower()
    full = getattr(error, "errno", None) in (errno.ENOSPC, errno.EFBIG, errno.EDQUOT)
    if full or "no space" in text or "file too large" in text or "quota" in text:
        reason = "disken blev full"
    else:
        reason = f"skrivfel ({type(error).__name__})"
    return f"den nya databasfilen kunde inte skrivas: {reason}. Databasen är oförändrad."


def _build(
    staging: Path,
    old: Path,
    frames: dict[str, pl.DataFrame],
    files: list[FileRecord],
    entry: LogEntry,
) -> int:
    regler = read_regler()  # refuses the import before anything is built
    rorlig = rorlig_mod.read_rorlig(set(read_kommuner()))
    con = duckdb.connect(str(staging))
    try:
        protect_like(staging, old)
        con.execute("set enable_progress_bar = false")
        # DuckDB would take 80 % of the machine's memory for its buffers; capped, it writes the
        # new file's blocks out and spills the models' large joins beside the staging file
        con.execute("set memory_limit = ?", [BYGG_MINNE])
        con.execute(SCHEMA_SQL.read_text(encoding="utf-8"))
        _insert(con, "kommuner", pl.read_csv(KOMMUNER_CSV, infer_schema=False))
        _insert(con, "ersattningsregler", regler)
        _insert(con, "arlig_rorlig_ersattning", rorlig)
        for table in list(frames):  # each frame let go once it is in the file
            _insert(con, table, frames.pop(table))
        import_id, previous = _carry_log(con, old)
        _log(con, import_id, previous, files, entry)
        kor_modeller(con)
        con.execute("checkpoint")
    finally:
        with suppress(duckdb.Error):  # after a fatal error closing fails too
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


Previous = tuple[int | None, str | None]
"""(import id, SHA-256) of the file being replaced; (None, None) when there is none."""


def _carry_log(con: duckdb.DuckDBPyConnection, old: Path) -> tuple[int, Previous]:
    """Copy the old file's import history; return the next import id and what it replaces."""
    previous: Previous = (None, None)
    if old.exists():
        try:
            with duckdb.connect(str(old), read_only=True) as earlier:
                selects = ["select * from " + _tabell(t) for t in LOG_TABLES]  # noqa: S608 - whitelisted
                history = [earlier.sql(sql).pl() for sql in selects]
        except duckdb.Error:
            message = "den befintliga databasen kan inte läsas; dess importlogg kan inte föras över"
            raise ImportRefused([Problem(old.name, None, None, message)]) from None
        for table, frame in zip(LOG_TABLES, history, strict=True):
            _insert(con, table, frame)
        last = history[0]["import_id"].max() if history[0].height else None
        previous = (int(last) if last is not None else None, _sha256(old))  # type: ignore[arg-type]
    row = con.execute("select coalesce(max(import_id), 0) + 1 from import_log").fetchone()
    return (int(row[0]) if row else 1), previous


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()


def _log(
    con: duckdb.DuckDBPyConnection,
    import_id: int,
    previous: Previous,
    files: list[FileRecord],
    entry: LogEntry,
) -> None:
    con.execute(
        "insert into import_log (import_id, importerad, uttagsdatum, kalla, demo, "
        "ersatter_import_id, ersatt_sha256, senaste_handelse, varningar, importerad_av) "
        "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            import_id,
            datetime.now().replace(microsecond=0),
            entry.uttagsdatum,
            entry.kalla,
            entry.demo,
            *previous,
            entry.senaste_handelse,
            list(entry.varningar),
            entry.importerad_av,
        ],
    )
    con.executemany(
        "insert into import_fil values (?, ?, ?, ?, ?, ?)",
        [[import_id, f.tabell, f.fil, f.sha256, f.rader_lasta, f.rader_lagrade] for f in files],
    )
