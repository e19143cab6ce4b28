"""The product's command lines, run as a user runs them (a subprocess from the repository).

A module of its own, with a name no other test folder uses: test modules cannot import
helpers from `conftest`, since pytest may have imported another folder's `conftest` first.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests.acceptance.kommunexport import UTTAGSDATUM

REPO = Path(__file__).resolve().parents[2]


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    """Run `python -m …` from the repository root as a user would."""
    return subprocess.run(
        [sys.executable, "-m", *args], cwd=REPO, capture_output=True, text=True, timeout=120
    )


def import_folder(folder: Path, db: Path) -> subprocess.CompletedProcess[str]:
    """Import `folder` into `db` with the importer's CLI."""
    return run_cli("ingest", str(folder), "--db", str(db), "--uttagsdatum", UTTAGSDATUM)
