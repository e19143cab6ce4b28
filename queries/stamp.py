"""The build stamp: which version of the code built a database file.

Derived tables and macros are stored in the file at import (`data/models/`), so a file
built by another version of the code keeps that version's definitions. The import writes
the schema version and a hash of the schema and the models into the table `bygge`
(`ingest.modeller`); `check` compares it with what the running code ships, and anything
that reads a database calls it first.
"""

from __future__ import annotations

import duckdb

from ingest.modeller import SCHEMA_VERSION, kod_hash

REIMPORT = "Importera på nytt med `python -m ingest MAPP --db FIL` (samma exportmapp går bra)."


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
