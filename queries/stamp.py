"""The build stamp: which version of the code built a database file.

Derived tables and macros are stored in the file at import (``data/derived.sql``), so a
file built by another version of the code keeps that version's definitions. The last
statement of ``data/derived.sql`` writes the schema version and a hash of ``schema.sql``
and ``derived.sql`` into the table ``bygge``; ``check`` compares it with the files the
running code ships, and anything that reads a database calls it first.

The hash covers the statements of both files, without comments and layout (a comment
needs no re-import) and without the stamp statement itself (a file cannot contain its
own hash). After editing either file, ``python -m queries.stamp --skriv`` writes the new
stamp statement; a test fails until it is done.
"""

from __future__ import annotations

import hashlib
import re
import sys
from functools import cache
from pathlib import Path

import duckdb

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
SCHEMA_SQL = DATA_DIR / "schema.sql"
DERIVED_SQL = DATA_DIR / "derived.sql"
SCHEMA_VERSION = 2
"""Raised by hand when the schema changes in a way a reader must know of (1 = unstamped)."""
STAMP_STATEMENT = re.compile(r"^insert into bygge .*\n?", re.M)
COMMENT = re.compile(r"--[^\n]*")
REIMPORT = "Importera på nytt med `python -m ingest MAPP --db FIL` (samma exportmapp går bra)."


@cache
def kod_hash() -> str:
    """The hash of schema.sql and derived.sql as this code ships them, without the stamp."""
    schema = _statements(SCHEMA_SQL.read_text(encoding="utf-8"))
    derived = _statements(STAMP_STATEMENT.sub("", DERIVED_SQL.read_text(encoding="utf-8")))
    return hashlib.sha256(f"{schema}\0{derived}".encode()).hexdigest()[:16]


def _statements(sql: str) -> str:
    """The SQL without comments and layout: a comment or reformatting needs no re-import."""
    return " ".join(COMMENT.sub("", sql).split())


def statement() -> str:
    """The stamp statement ``data/derived.sql`` must end with (constants only)."""
    values = f"({SCHEMA_VERSION}, '{kod_hash()}')"  # an int constant and a hex digest
    return "insert into bygge (schemaversion, kod_hash) values " + values + ";\n"  # noqa: S608 - written to derived.sql, never run from here


def check(con: duckdb.DuckDBPyConnection) -> str | None:
    """None when the file on ``con`` was built by this code, otherwise a Swedish message."""
    try:
        row = con.execute(
            "select schemaversion, kod_hash from bygge order by byggd desc"
        ).fetchone()
    except duckdb.Error:
        return (
            "Databasen saknar byggstämpel: den byggdes av en äldre version av EKB-uppföljning, "
            "så dess härledda tabeller kan ha andra definitioner än dagens. " + REIMPORT
        )
    if row == (SCHEMA_VERSION, kod_hash()):
        return None
    found = f"version {row[0]}, {row[1]}" if row else "ingen stämpel"
    return (
        f"Databasen byggdes av en annan version av EKB-uppföljning ({found}; den här versionen "
        f"är {SCHEMA_VERSION}, {kod_hash()}), så dess härledda tabeller kan ha andra definitioner "
        "än dagens. " + REIMPORT
    )


def _write() -> None:
    """Rewrite derived.sql's stamp statement for the files as they are now."""
    text = STAMP_STATEMENT.sub("", DERIVED_SQL.read_text(encoding="utf-8")).rstrip("\n")
    DERIVED_SQL.write_text(f"{text}\n\n{statement()}", encoding="utf-8")


if __name__ == "__main__":
    if sys.argv[1:] == ["--skriv"]:
        _write()
    print(statement(), end="")
