"""Fixtures for the acceptance tests: the quirky export imported by the real CLI.

The folder and its database are built once per session, because every export
test reads the same data and the import runs as a subprocess like a user's.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.acceptance.acceptans_cli import import_folder
from tests.acceptance.kommunexport import write_folder


@pytest.fixture(scope="session")
def acceptance_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The quirky folder imported once; fails loudly if the import is refused."""
    base = tmp_path_factory.mktemp("acceptance")
    db = base / "ekb.duckdb"
    result = import_folder(write_folder(base / "export"), db)
    assert result.returncode == 0, result.stderr + result.stdout
    return db
