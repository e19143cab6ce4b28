"""Where the database is, which snapshot of it a page render reads, and the first-start demo.

The importer replaces the database file atomically (`os.replace`), so a file version
(inode, mtime, size) names one immutable snapshot. Each render of a page takes the current
snapshot once (`ogonblick()`, entered by `dashboard.py`) and reads only that one, so a render
that overlaps an import never mixes two versions. A snapshot is opened once per server and
shared by all sessions; when a newer one exists and no render uses the old one any more, the
old one is closed: its DuckDB instance, its file descriptor and the replaced file's disk space
are released, and the results cached for it are dropped (`vid_stangning`).

With `EKB_PARQUET=MAPP` the pages read a published Parquet folder instead (`ingest --parquet`):
its `manifest.json` is replaced atomically at each publication, so the manifest's version
names the snapshot just as the file's does, and the figures run on an in-memory DuckDB whose
views read that snapshot's files (`queries.oppna_parquet`).
"""

from __future__ import annotations

import contextvars
import logging
import os
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import duckdb

from ingest.parkett import MANIFEST
from queries import ParquetFel, oppna_parquet, stamp

ROT = Path(__file__).resolve().parents[1]
STANDARD_DB = ROT / "data" / "ekb.duckdb"

Version = tuple[int, int, int]
logg = logging.getLogger(__name__)


class DatabasFel(Exception):
    """The database cannot be used; the message says, in Swedish, how to fix it."""


@dataclass(eq=False)
class Ogonblick:
    """One immutable version of the database file, open read-only."""

    sokvag: str
    version: Version
    con: duckdb.DuckDBPyConnection
    fd: int
    anvandare: int = 0
    """Renders (and single reads) that use this snapshot right now."""
    oppen: bool = field(default=True)


_las = threading.Lock()
_oppna: dict[str, Ogonblick] = {}
"""The newest snapshot per database path (the one new renders get)."""
_gamla: list[Ogonblick] = []
"""Replaced snapshots that a render still uses; closed when the last one lets go."""
_vid_stangning: list[Callable[[], None]] = []
_aktuell: contextvars.ContextVar[Ogonblick | None] = contextvars.ContextVar(
    "ekb_ogonblick", default=None
)


def databas_sokvag() -> Path:
    """The database file: `EKB_DB` when set, else `data/ekb.duckdb` in the project."""
    miljo = os.environ.get("EKB_DB", "").strip()
    return Path(miljo).expanduser().resolve() if miljo else STANDARD_DB


def parquet_mapp() -> Path | None:
    """`EKB_PARQUET`: a published Parquet folder to read instead of the database file."""
    miljo = os.environ.get("EKB_PARQUET", "").strip()
    return Path(miljo).expanduser().resolve() if miljo else None


def kalla() -> Path:
    """The file whose version names the snapshot: the Parquet manifest, or the database file."""
    mapp = parquet_mapp()
    return mapp / MANIFEST if mapp is not None else databas_sokvag()


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


def vid_stangning(atgard: Callable[[], None]) -> None:
    """Run `atgard` whenever a replaced snapshot is closed (e.g. to drop its cached results)."""
    _vid_stangning.append(atgard)


def _oppna_fil(sokvag: Path) -> Ogonblick:
    """Open the file as it is now, pinned to the exact inode that was opened.

    DuckDB keeps one database instance per path in a process, so opening the same path after
    a re-import would hand back the old snapshot. Opening through the file descriptor
    (`/proc/self/fd/N`) gives each version its own instance, even if the path is replaced a
    moment later; the descriptor stays open as long as the instance, so N is never reused
    for another file while DuckDB still knows it.
    """
    if sokvag.name == MANIFEST and parquet_mapp() is not None:
        return _oppna_parquet(sokvag)
    try:
        fd = os.open(sokvag, os.O_RDONLY)
    except FileNotFoundError as fel:
        raise DatabasFel(saknas_text(sokvag)) from fel
    s = os.fstat(fd)
    vag = f"/proc/self/fd/{fd}" if Path("/proc/self/fd").is_dir() else str(sokvag)
    try:
        con = duckdb.connect(vag, read_only=True)
    except duckdb.Error as fel:
        os.close(fd)
        raise DatabasFel(olasbar_text(sokvag, fel)) from fel
    annan_version = stamp.check(con)
    if annan_version:
        # a file from another version of the code keeps that version's definitions; a
        # DuckDB file that was never an EKB database gets the plainer message
        ekb = _har_tabell(con, "import_log")
        con.close()
        os.close(fd)
        raise DatabasFel(annan_version if ekb else olasbar_text(sokvag))
    return Ogonblick(str(sokvag), (s.st_ino, s.st_mtime_ns, s.st_size), con, fd)


def _oppna_parquet(manifest: Path) -> Ogonblick:
    """The snapshot the manifest names; the descriptor pins the manifest's version."""
    try:
        fd = os.open(manifest, os.O_RDONLY)
    except FileNotFoundError as fel:
        raise DatabasFel(saknas_text(manifest)) from fel
    s = os.fstat(fd)
    try:
        con = oppna_parquet(manifest.parent)
        annan_version = stamp.check(con)
    except (ParquetFel, duckdb.Error) as fel:
        os.close(fd)
        raise DatabasFel(str(fel)) from fel
    if annan_version:
        con.close()
        os.close(fd)
        raise DatabasFel(annan_version)
    return Ogonblick(str(manifest), (s.st_ino, s.st_mtime_ns, s.st_size), con, fd)


def _har_tabell(con: duckdb.DuckDBPyConnection, tabell: str) -> bool:
    rad = con.execute(
        "select count(*) from duckdb_tables() where table_name = ?", [tabell]
    ).fetchone()
    return bool(rad and rad[0])


def _stang(ob: Ogonblick) -> None:
    ob.oppen = False
    try:
        ob.con.close()
    finally:
        os.close(ob.fd)
    logg.info("Stängde databasversionen %s av %s", ob.version, ob.sokvag)


def _stada() -> list[Ogonblick]:
    """Take the replaced snapshots that nobody uses out of the registry (lock held)."""
    klara = [ob for ob in _gamla if ob.anvandare == 0]
    _gamla[:] = [ob for ob in _gamla if ob.anvandare > 0]
    return klara


def _stang_alla(klara: list[Ogonblick]) -> None:
    for ob in klara:
        _stang(ob)
    if klara:
        for atgard in _vid_stangning:
            atgard()


def ta(sokvag: Path) -> Ogonblick:
    """The current snapshot of `sokvag`, marked as in use; give it back with `slapp`."""
    with _las:
        version = filversion(sokvag)
        if version is None:
            raise DatabasFel(saknas_text(sokvag))
        ob = _oppna.get(str(sokvag))
        if ob is None or ob.version != version:
            ny = _oppna_fil(sokvag)
            if ob is not None:
                _gamla.append(ob)
            _oppna[str(sokvag)] = ob = ny
        ob.anvandare += 1
        klara = _stada()
    _stang_alla(klara)
    return ob


def slapp(ob: Ogonblick) -> None:
    """Give back a snapshot taken with `ta`; a replaced one is closed by its last user."""
    with _las:
        ob.anvandare -= 1
        klara = _stada()
    _stang_alla(klara)


@contextmanager
def ogonblick() -> Iterator[Ogonblick]:
    """Pin one snapshot for everything read inside the block (one page render)."""
    ob = ta(kalla())
    token = _aktuell.set(ob)
    try:
        yield ob
    finally:
        _aktuell.reset(token)
        slapp(ob)


@contextmanager
def las() -> Iterator[Ogonblick]:
    """The snapshot to read from: the render's pinned one, or the current one for this read."""
    pinnad = _aktuell.get()
    if pinnad is not None and pinnad.sokvag == str(kalla()):
        yield pinnad
        return
    with ogonblick() as ob:
        yield ob


def oppna_versioner() -> int:
    """How many snapshots are open (newest plus replaced ones still in use): for tests."""
    with _las:
        return len(_oppna) + len(_gamla)


def olasbar_text(sokvag: Path, fel: Exception | None = None) -> str:
    """The message for a file that exists but is not a readable EKB database."""
    orsak = f" (DuckDB: {str(fel).splitlines()[0]})" if fel else ""
    return (
        f"Databasfilen `{sokvag}` går inte att läsa som en EKB-databas av den här versionen{orsak}. "
        "Importera exporterna på nytt med `python -m ingest MAPP --db "
        f"{sokvag}`, eller ta bort miljövariabeln `EKB_DB` för att använda demodatabasen."
    )


def saknas_text(sokvag: Path) -> str:
    """The message for an `EKB_DB` (or an `EKB_PARQUET`) that points to no file."""
    if sokvag.name == MANIFEST and parquet_mapp() is not None:
        return (
            f"Parquet-mappen `{sokvag.parent}` har ingen `{MANIFEST}`: den finns inte eller är "
            "ingen publicerad ögonblicksbild. Miljövariabeln `EKB_PARQUET` pekar på den. Publicera "
            f"med `python -m ingest MAPP --db FIL --parquet {sokvag.parent}` eller rätta sökvägen."
        )
    return (
        f"Databasfilen `{sokvag}` finns inte. Miljövariabeln `EKB_DB` pekar på den. "
        f"Skapa den med `python -m ingest MAPP --db {sokvag}`, rätta sökvägen, "
        "eller ta bort `EKB_DB` för att använda demodatabasen `data/ekb.duckdb`."
    )


_bygglas = threading.Lock()
"""One lock per server, so that two first visitors do not both build the demo."""


def demo_behover_byggas(sokvag: Path) -> bool:
    """Whether the default demo database is missing or was built by another code version.

    The demo is generated, so an old one is simply built again; a municipality's own file
    is never touched (its page says how to re-import instead).
    """
    if not ar_standard(sokvag):
        return False
    version = filversion(sokvag)
    if version is None:
        return True
    if version not in _demo_aktuell:
        try:
            with duckdb.connect(str(sokvag), read_only=True) as con:
                _demo_aktuell[version] = stamp.check(con) is None or not _ar_demo(con)
        except duckdb.Error:
            _demo_aktuell[version] = True  # not ours to rebuild: its page explains
    return not _demo_aktuell[version]


_demo_aktuell: dict[Version, bool] = {}
"""Per file version of the default database: built by this code (or not a demo)."""


def _ar_demo(con: duckdb.DuckDBPyConnection) -> bool:
    try:
        rad = con.execute("select demo from import_log order by import_id desc limit 1").fetchone()
    except duckdb.Error:
        return False
    return bool(rad and rad[0])


def bygg_demo(sokvag: Path, framsteg: Callable[[str, float], None]) -> None:
    """Build the demo database at `sokvag` through the real importer, reporting progress."""
    from data.demo import build_demo_db

    with _bygglas:
        if demo_behover_byggas(sokvag):
            sokvag.parent.mkdir(parents=True, exist_ok=True)
            build_demo_db(sokvag, seed=2017, progress=framsteg)
