"""Publishing an imported snapshot as partitioned Parquet, for data beyond one machine.

The DuckDB file stays the import's product; this step copies every table of one file
version into a folder that DuckDB (or any Parquet reader) can read locally or from object
storage, so that the same `queries/*.sql` run on it unchanged (`queries.oppna_parquet`).

A folder holds snapshots side by side, each complete before anyone can see it:

    MAPP/manifest.json                    the commit point: which snapshot is current
    MAPP/<ogonblick>/<tabell>/…/*.parquet one folder per table, partitioned where useful

A snapshot is written under a temporary name, renamed when complete, and only then does
`manifest.json` (written beside it and `os.replace`d) name it: a reader that takes the
manifest always finds every file it lists. The previous snapshot is kept for readers that
took the old manifest a moment ago; older ones are removed.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import uuid
from contextlib import suppress
from datetime import datetime
from pathlib import Path

import duckdb

from ingest.swap import import_lock, process_lever, sync_directory

MANIFEST = "manifest.json"
FORMAT = "ekb-parquet"
FORMATVERSION = 1
NAMN = re.compile(r"[a-z_][a-z0-9_]*")
"""Table and column names that may stand in a statement (a manifest is read back as text)."""
OGONBLICK = re.compile(r"\d{8}T\d{6}-import\d+-[0-9a-f]{8}")
"""A snapshot folder's name: when it was published, from which import."""
_TMP = re.compile(r"\.tmp-(\d+)-[0-9a-f]{32}")


UPPDELNING = {
    "placeringar": "startdatum",
    "placering_perioder": "startdatum",
    "anvisningar": "anvisningsdatum",
    "anvisningar_berikade": "anvisningsdatum",
    "ekonomi": "period",
    "budget": "period",
    "ersattningsansokningar": "period",
    "belaggning_perioder": "fran",
    "belaggning_manader": "manad_start",
    "ersattning_manadsdelar": "manad_start",
    "vard_perioder": "fran",
    "ersattning_vardsegment": "fran",
    "ersattning_dygn": "fran",
}
"""The large tables, one folder per year of a date or month column (`ar=2016`). Every other
table, including any a later version adds, is one unpartitioned file.

Not per municipality: tried on the national demo, one folder per responsible municipality
gave vard_perioder 1 033 files (2 752 in all), and since the folder key is a copy of the
column (the files keep the table's columns and order, which the views need) the figures'
`ansvarig_kommun = $kommun` never pruned a folder: `alder_kon` for one municipality took
475 ms and `i_vard_manad` 3.1 s, against 8 ms and 139 ms from the DuckDB file."""
AR_KOLUMN = "ar"
"""The folder key for a year (`ar=2016`): not a column of the table, so readers drop it."""


class PubliceringsFel(Exception):
    """The snapshot could not be published; the message is Swedish, the old one stays."""


def publicera_parquet(db_path: Path, mapp: Path) -> Path:
    """Publish the database at `db_path` as the current snapshot in `mapp`; return its folder."""
    mapp = Path(mapp)
    try:
        mapp.mkdir(parents=True, exist_ok=True)
        with import_lock(mapp / MANIFEST):
            return _publicera(Path(db_path), mapp)
    except (duckdb.Error, OSError) as fel:
        raise PubliceringsFel(
            f"Parquet-mappen {mapp} kunde inte skrivas ({type(fel).__name__}: "
            f"{str(fel).splitlines()[0] if str(fel) else ''}); den tidigare ögonblicksbilden "
            "där är oförändrad."
        ) from fel


def _publicera(db_path: Path, mapp: Path) -> Path:
    _rensa_tmp(mapp)
    tmp = mapp / f".tmp-{os.getpid()}-{uuid.uuid4().hex}"
    try:
        with duckdb.connect(str(db_path), read_only=True) as con:
            con.execute("set enable_progress_bar = false")
            huvud = _huvud(con)
            tmp.mkdir()
            tabeller = {t: _skriv_tabell(con, t, tmp) for t in _tabellnamn(con)}
        namn = f"{datetime.now():%Y%m%dT%H%M%S}-import{huvud['import_id']}-{uuid.uuid4().hex[:8]}"
        os.rename(tmp, mapp / namn)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    forra = _nuvarande(mapp)
    _skriv_manifest(mapp, {**huvud, "ogonblick": namn, "tabeller": tabeller})
    _rensa_gamla(mapp, behall={namn, forra})
    return mapp / namn


def _huvud(con: duckdb.DuckDBPyConnection) -> dict[str, object]:
    """Format, build stamp and import of the file: what a reader checks before using it."""
    bygge = con.execute("select schemaversion, kod_hash from bygge").fetchone()
    logg = con.execute(
        "select import_id, importerad from import_log order by import_id desc limit 1"
    ).fetchone()
    if bygge is None or logg is None:
        raise PubliceringsFel("databasen har ingen stämpel eller ingen import; importera först")
    return {
        "format": FORMAT,
        "formatversion": FORMATVERSION,
        "schemaversion": bygge[0],
        "kod_hash": bygge[1],
        "import_id": logg[0],
        "importerad": logg[1].isoformat() if isinstance(logg[1], datetime) else str(logg[1]),
    }


def _tabellnamn(con: duckdb.DuckDBPyConnection) -> list[str]:
    rader = con.execute(
        "select table_name from duckdb_tables() where schema_name = 'main' and not temporary "
        "order by table_name"
    ).fetchall()
    namn = [str(r[0]) for r in rader]
    olagliga = [n for n in namn if not NAMN.fullmatch(n)]
    if olagliga:
        raise PubliceringsFel(f"tabellnamn som inte kan publiceras: {', '.join(olagliga)}")
    return namn


def _kolumner(con: duckdb.DuckDBPyConnection, tabell: str) -> list[list[str]]:
    rader = con.execute(
        "select column_name, data_type from duckdb_columns() "
        "where schema_name = 'main' and table_name = ? order by column_index",
        [tabell],
    ).fetchall()
    return [[str(n), str(t)] for n, t in rader]


def _skriv_tabell(con: duckdb.DuckDBPyConnection, tabell: str, tmp: Path) -> dict[str, object]:
    """Write one table (name from the file's own catalogue, checked by `NAMN`)."""
    kolumner = _kolumner(con, tabell)
    rad = con.execute(f'select count(*) from "{tabell}"').fetchone()  # noqa: S608 - NAMN-checked
    rader = int(rad[0]) if rad else 0
    nycklar = _nycklar(tabell, {n for n, _ in kolumner}) if rader else {}
    extra = "".join(f', {uttryck} as "{nyckel}"' for nyckel, uttryck in nycklar.items())
    urval = f'select *{extra} from "{tabell}"'  # noqa: S608 - names NAMN-checked
    mal = tmp / tabell
    mal.mkdir()
    if nycklar:
        delning = ", ".join(nycklar)
        con.execute(f"copy ({urval}) to ? (format parquet, partition_by ({delning}))", [str(mal)])
    else:
        con.execute(f"copy ({urval}) to ? (format parquet)", [str(mal / "data_0.parquet")])
    filer = sorted(p.relative_to(tmp).as_posix() for p in mal.rglob("*.parquet"))
    return {"kolumner": kolumner, "rader": rader, "partitioner": list(nycklar), "filer": filer}


def _nycklar(tabell: str, kolumner: set[str]) -> dict[str, str]:
    """The folder key of a table and the expression it is computed by (the year of a date,
    so every file keeps all of the table's columns with their own types and order)."""
    datum = UPPDELNING.get(tabell)
    if datum not in kolumner or AR_KOLUMN in kolumner:
        return {}  # a table whose columns changed is published whole
    return {AR_KOLUMN: f'year("{datum}")'}


def _skriv_manifest(mapp: Path, innehall: dict[str, object]) -> None:
    """Write the manifest beside the old one and swap it in: the snapshot's commit point."""
    ny = mapp / f".{MANIFEST}.tmp-{os.getpid()}-{uuid.uuid4().hex}"
    try:
        with ny.open("w", encoding="utf-8") as ut:
            json.dump(innehall, ut, ensure_ascii=False, indent=1)
            ut.flush()
            os.fsync(ut.fileno())
        os.replace(ny, mapp / MANIFEST)
    finally:
        with suppress(FileNotFoundError):
            ny.unlink()
    sync_directory(mapp)


def _nuvarande(mapp: Path) -> str | None:
    """The snapshot the current manifest names, or None."""
    try:
        namn = json.loads((mapp / MANIFEST).read_text(encoding="utf-8")).get("ogonblick")
    except (OSError, ValueError, AttributeError):
        return None
    return namn if isinstance(namn, str) else None


def _rensa_gamla(mapp: Path, behall: set[str | None]) -> None:
    """Remove snapshots older than the previous one (only folders this step names)."""
    for sokvag in mapp.iterdir():
        if sokvag.is_dir() and OGONBLICK.fullmatch(sokvag.name):
            if sokvag.name not in behall:
                shutil.rmtree(sokvag, ignore_errors=True)


def _rensa_tmp(mapp: Path) -> None:
    """Remove half-written snapshots of publishers that died (we hold the lock)."""
    for sokvag in mapp.iterdir():
        match = _TMP.fullmatch(sokvag.name)
        if match and not process_lever(int(match[1])):
            shutil.rmtree(sokvag, ignore_errors=True)
