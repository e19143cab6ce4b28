"""Where the database is, which version of it a session reads, and the first-start demo.

The importer replaces the database file atomically (`os.replace`), so a file version
(inode, mtime, size) names one immutable snapshot. Every cached connection and result is
keyed on that version: a re-import is picked up by the next rerun, while a session that is
still reading the old snapshot keeps its open file and never breaks.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable
from pathlib import Path

import duckdb
import streamlit as st

ROT = Path(__file__).resolve().parents[1]
STANDARD_DB = ROT / "data" / "ekb.duckdb"

Version = tuple[int, int, int]


class DatabasFel(Exception):
    """The database cannot be used; the message says, in Swedish, how to fix it."""


class VersionBytt(Exception):
    """The file was replaced between reading its version and opening it: try again."""


def databas_sokvag() -> Path:
    """The database file: `EKB_DB` when set, else `data/ekb.duckdb` in the project."""
    miljo = os.environ.get("EKB_DB", "").strip()
    return Path(miljo).expanduser().resolve() if miljo else STANDARD_DB


def ar_standard(sokvag: Path) -> bool:
    """Whether this is the default path, which is built as a demo when missing."""
    return sokvag == STANDARD_DB


def filversion(sokvag: Path) -> Version | None:
    """(inode, mtime_ns, size) of the file, or None when there is no file."""
    try:
        s = sokvag.stat()
    except FileNotFoundError:
        return None
    return (s.st_ino, s.st_mtime_ns, s.st_size)


@st.cache_resource(show_spinner=False)
def anslutning(sokvag: str, version: Version) -> duckdb.DuckDBPyConnection:
    """One read-only connection per file version, shared by all sessions.

    DuckDB keeps one database instance per path in a process, so opening the same path
    after a re-import would hand back the old snapshot. Opening through the file
    descriptor (`/proc/self/fd/N`) gives each version its own instance and pins it to the
    exact file that was checked, even if the path is replaced a moment later.
    """
    try:
        fd = os.open(sokvag, os.O_RDONLY)
    except FileNotFoundError as fel:
        raise VersionBytt(sokvag) from fel
    s = os.fstat(fd)
    if (s.st_ino, s.st_mtime_ns, s.st_size) != version:
        os.close(fd)
        raise VersionBytt(sokvag)
    vag = f"/proc/self/fd/{fd}" if Path("/proc/self/fd").is_dir() else sokvag
    try:
        return duckdb.connect(vag, read_only=True)
    except duckdb.Error as fel:
        os.close(fd)
        raise DatabasFel(olasbar_text(Path(sokvag), fel)) from fel


def olasbar_text(sokvag: Path, fel: Exception | None = None) -> str:
    """The message for a file that exists but is not a readable EKB database."""
    orsak = f" (DuckDB: {str(fel).splitlines()[0]})" if fel else ""
    return (
        f"Databasfilen `{sokvag}` går inte att läsa som en EKB-databas av den här versionen{orsak}. "
        "Importera exporterna på nytt med `python -m ingest MAPP --db "
        f"{sokvag}`, eller ta bort miljövariabeln `EKB_DB` för att använda demodatabasen."
    )


def saknas_text(sokvag: Path) -> str:
    """The message for an `EKB_DB` that points to no file."""
    return (
        f"Databasfilen `{sokvag}` finns inte. Miljövariabeln `EKB_DB` pekar på den. "
        f"Skapa den med `python -m ingest MAPP --db {sokvag}`, rätta sökvägen, "
        "eller ta bort `EKB_DB` för att använda demodatabasen `data/ekb.duckdb`."
    )


@st.cache_resource(show_spinner=False)
def _bygglas() -> threading.Lock:
    """One lock per server, so that two first visitors do not both build the demo."""
    return threading.Lock()


def bygg_demo(sokvag: Path, framsteg: Callable[[str, float], None]) -> None:
    """Build the demo database at `sokvag` through the real importer, reporting progress."""
    from data.demo import build_demo_db

    with _bygglas():
        if filversion(sokvag) is None:
            sokvag.parent.mkdir(parents=True, exist_ok=True)
            build_demo_db(sokvag, seed=2017, progress=framsteg)
