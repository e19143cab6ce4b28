"""The figures on a published Parquet snapshot instead of the DuckDB file.

`oppna_parquet(MAPP)` gives an in-memory DuckDB connection in which every table of the
snapshot is a view over its Parquet files, with the file's own names, column order and
types, and the model macros are created as the import creates them: every
`queries/*.sql` then runs unchanged (`queries.run(name, con=con)` or
`queries.run(name, parquet=MAPP)`). The folder comes from `ingest.parkett`: its
`manifest.json` names the current snapshot, so a reader never sees a half-written one.

`MAPP` may be a local folder or, through DuckDB's httpfs extension, object storage
(`s3://bucket/ekb`): everything is read through DuckDB's own file system, so the code path
is the same; credentials come from DuckDB's secrets (`CREATE SECRET`), never from here.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import duckdb

from ingest.modeller import modeller
from ingest.parkett import FORMAT, FORMATVERSION, MANIFEST, NAMN, OGONBLICK

TYP = re.compile(r"[A-Z]+( [A-Z]+)*(\(\d+(, ?\d+)?\))?(\[\])*")
"""Column types a manifest may name (it is read back as text, so checked like a name)."""


class ParquetFel(Exception):
    """The folder is not a complete published snapshot; the message says so in Swedish."""


def oppna_parquet(mapp: Path | str) -> duckdb.DuckDBPyConnection:
    """An in-memory connection on the current snapshot in `mapp` (views and macros)."""
    mapp_text = str(mapp).rstrip("/")
    con = duckdb.connect()
    try:
        con.execute("set enable_progress_bar = false")
        if mapp_text.startswith(("s3://", "gs://", "https://", "http://")):
            _httpfs(con)
        manifest = _las_manifest(con, mapp_text)
        ogonblick = f"{mapp_text}/{manifest['ogonblick']}"
        for tabell, info in manifest["tabeller"].items():
            _vy(con, mapp_text, ogonblick, tabell, info)
        for modell in modeller():
            if not modell.tabell:
                con.execute(modell.fil.read_text(encoding="utf-8"))
    except BaseException:
        con.close()
        raise
    return con


def _httpfs(con: duckdb.DuckDBPyConnection) -> None:
    """Object storage through DuckDB's httpfs, never installed from here (no network)."""
    try:
        con.execute("load httpfs")
    except duckdb.Error as fel:
        raise ParquetFel(
            "DuckDB:s tillägg httpfs behövs för att läsa Parquet från objektlagring men är inte "
            f"installerat ({str(fel).splitlines()[0]}); installera det en gång med "
            "`INSTALL httpfs` eller använd en lokal mapp."
        ) from None


def _las_manifest(con: duckdb.DuckDBPyConnection, mapp: str) -> dict[str, Any]:
    sokvag = f"{mapp}/{MANIFEST}"
    try:
        rad = con.execute("select content from read_text(?)", [sokvag]).fetchone()
    except duckdb.Error:
        rad = None
    if rad is None:
        raise ParquetFel(_saknas_text(con, mapp))
    try:
        manifest = json.loads(rad[0])
        tabeller = manifest["tabeller"]
        giltig = (
            manifest["format"] == FORMAT
            and isinstance(manifest["ogonblick"], str)
            and OGONBLICK.fullmatch(manifest["ogonblick"]) is not None
            and isinstance(tabeller, dict)
        )
    except (ValueError, KeyError, TypeError):
        giltig = False
    if not giltig:
        raise ParquetFel(f"{sokvag} går inte att läsa som en EKB-manifest (fel format).")
    if manifest.get("formatversion") != FORMATVERSION:
        raise ParquetFel(
            f"{sokvag} är skriven av en annan version (format {manifest.get('formatversion')}, "
            f"väntat {FORMATVERSION}). Publicera ögonblicksbilden på nytt."
        )
    return manifest


def _saknas_text(con: duckdb.DuckDBPyConnection, mapp: str) -> str:
    """Why there is no manifest: no folder at all, or files without their commit point."""
    try:
        tom = not con.execute("select count(*) from glob(?)", [f"{mapp}/*"]).fetchone()[0]  # type: ignore[index]
    except duckdb.Error:
        tom = True
    orsak = (
        "finns inte (eller är tom)"
        if tom
        else "är ingen publicerad ögonblicksbild, eller så har publiceringen inte skrivits klart"
    )
    return (
        f"Parquet-mappen {mapp} {orsak}: {MANIFEST} saknas. Publicera den med "
        f"`python -m ingest EXPORTMAPP --db FIL --parquet {mapp}`."
    )


def _vy(
    con: duckdb.DuckDBPyConnection, mapp: str, ogonblick: str, tabell: str, info: dict[str, Any]
) -> None:
    """One table as a view over its files, after checking every listed file is there."""
    kolumner, filer, nycklar = info.get("kolumner"), info.get("filer"), info.get("partitioner")
    if not (
        NAMN.fullmatch(tabell)
        and isinstance(kolumner, list)
        and all(NAMN.fullmatch(n) and TYP.fullmatch(t) for n, t in kolumner)
        and isinstance(filer, list)
        and all(isinstance(f, str) and f.startswith(f"{tabell}/") for f in filer)
        and isinstance(nycklar, list)
        and all(NAMN.fullmatch(n) for n in nycklar)
    ):
        raise ParquetFel(f"{mapp}/{MANIFEST}: tabellen {tabell!r} beskrivs felaktigt.")
    forvantat = {f"{ogonblick}/{f}" for f in filer}
    funna = {r[0] for r in con.execute("select file from glob(?)", [f"{ogonblick}/{tabell}/**/*.parquet"]).fetchall()}  # fmt: skip
    saknas = sorted(forvantat - funna)
    if saknas or not filer:
        raise ParquetFel(
            f"Parquet-ögonblicksbilden {ogonblick} är ofullständig: tabellen {tabell} saknar "
            f"{len(saknas) or 'alla'} av sina filer (t.ex. {(saknas or [tabell])[0]}). "
            "Publicera den på nytt."
        )
    typer = ", ".join(f"'{n}': 'VARCHAR'" for n in nycklar)
    kallan = f"read_parquet('{_sql_text(ogonblick)}/{tabell}/**/*.parquet'" + (
        f", hive_partitioning = true, hive_types = {{{typer}}})" if nycklar else ")"
    )
    # `select *` keeps the files' own column names and types: DuckDB binds the model
    # macros at creation, and a view with named expressions trips its binder on a macro
    # parameter named as a column (`boendeform`); the types are checked against the manifest
    utan = f" exclude ({', '.join(nycklar)})" if nycklar else ""
    try:
        con.execute(f'create view "{tabell}" as select *{utan} from {kallan}')  # noqa: S608 - names checked
    except duckdb.Error as fel:
        raise _olasbar(ogonblick, tabell, fel) from None
    _kontrollera(con, ogonblick, tabell, [list(k) for k in kolumner], int(info.get("rader", -1)))


def _kontrollera(
    con: duckdb.DuckDBPyConnection,
    ogonblick: str,
    tabell: str,
    kolumner: list[list[str]],
    rader: int,
) -> None:
    """Columns and row count from the files' footers against the manifest: a truncated,
    foreign or half-copied file shows here rather than as a wrong figure later."""
    try:
        funna = [list(r[:2]) for r in con.execute(f'describe "{tabell}"').fetchall()]
        rad = con.execute(f'select count(*) from "{tabell}"').fetchone()  # noqa: S608 - NAMN-checked
    except duckdb.Error as fel:
        raise _olasbar(ogonblick, tabell, fel) from None
    if funna != kolumner:
        raise ParquetFel(
            f"Parquet-ögonblicksbilden {ogonblick}: tabellen {tabell} har andra kolumner i "
            "filerna än manifestet anger. Publicera den på nytt."
        )
    if rad is None or rad[0] != rader:
        raise ParquetFel(
            f"Parquet-ögonblicksbilden {ogonblick}: tabellen {tabell} har {rad and rad[0]} rader, "
            f"manifestet säger {rader}. Publicera den på nytt."
        )


def _olasbar(ogonblick: str, tabell: str, fel: duckdb.Error) -> ParquetFel:
    return ParquetFel(
        f"Parquet-ögonblicksbilden {ogonblick}: tabellen {tabell} går inte att läsa "
        f"({str(fel).splitlines()[0]}). Publicera den på nytt."
    )


def _sql_text(text: str) -> str:
    return text.replace("'", "''")
