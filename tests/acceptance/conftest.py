"""Fixtures for the acceptance tests: the quirky export imported by the real CLI.

The folder and its database are built once per session, because every export
test reads the same data and the import runs as a subprocess like a user's.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from kommunexport import UTTAGSDATUM, write_folder

REPO = Path(__file__).resolve().parents[2]


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    """Run `python -m …` from the repository root as a user would."""
    return subprocess.run(
        [sys.executable, "-m", *args], cwd=REPO, capture_output=True, text=True, timeout=120
    )


def import_folder(folder: Path, db: Path) -> subprocess.CompletedProcess[str]:
    """Import `folder` into `db` with the importer's CLI."""
    return run_cli("ingest", str(folder), "--db", str(db), "--uttagsdatum", UTTAGSDATUM)


@pytest.fixture(scope="session")
def acceptance_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The quirky folder imported once; fails loudly if the import is refused."""
    base = tmp_path_factory.mktemp("acceptance")
    db = base / "ekb.duckdb"
    result = import_folder(write_folder(base / "export"), db)
    assert result.returncode == 0, result.stderr + result.stdout
    return db
