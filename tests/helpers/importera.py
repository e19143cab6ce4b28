"""Write an export folder and run the real importer on it.

Tests of every step (queries, charts, pages) start from a DuckDB file built
the way production builds it, so their numbers are the numbers a user sees.
`write_export` and `import_tables` are plain functions, exposed as fixtures
that return the function.
"""

from __future__ import annotations

import csv
import itertools
from collections.abc import Mapping, Sequence
from datetime import date
from pathlib import Path

from ingest import run_import
from ingest.spec import TABLES, TABLES_BY_NAME

Tables = Mapping[str, Sequence[Mapping[str, object]]]


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def _header(table: str, rows: Sequence[Mapping[str, object]]) -> list[str]:
    """Keys in first-seen order; an empty table gets the contract's columns."""
    if not rows and table in TABLES_BY_NAME:
        return list(TABLES_BY_NAME[table].column_names)
    return list(dict.fromkeys(key for row in rows for key in row))


def write_export(folder: Path, tables: Tables, sep: str = ";", encoding: str = "utf-8") -> Path:
    """Write one `<table>.csv` per table (header from the dict keys); return the folder."""
    folder.mkdir(parents=True, exist_ok=True)
    for table, rows in tables.items():
        header = _header(table, rows)
        with (folder / f"{table}.csv").open("w", encoding=encoding, newline="") as handle:
            writer = csv.writer(handle, delimiter=sep)
            writer.writerow(header)
            writer.writerows([_text(row.get(key)) for key in header] for row in rows)
    return folder


def import_tables(tmp_path: Path, tables: Tables, uttagsdatum: date | str | None = None) -> Path:
    """Write `tables` as an export, import it into `tmp_path/ekb.duckdb`; return the db path.

    Required tables that `tables` leaves out are written empty (header only),
    so a test names only the tables it is about.
    """
    required: dict[str, list[dict[str, object]]] = {
        t.name: [] for t in TABLES if t.required and t.name not in tables
    }
    folder = _fresh_folder(tmp_path)
    write_export(folder, {**tables, **required})
    if isinstance(uttagsdatum, str):
        uttagsdatum = date.fromisoformat(uttagsdatum)
    db_path = tmp_path / "ekb.duckdb"
    # tests build empty tables on purpose; a municipality's import refuses them
    run_import(folder, db_path, uttagsdatum=uttagsdatum, tomma_tabeller=True)
    return db_path


def _fresh_folder(tmp_path: Path) -> Path:
    for number in itertools.count(1):
        folder = tmp_path / f"export{number}"
        if not folder.exists():
            return folder
    raise AssertionError("unreachable")
