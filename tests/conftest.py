"""Shared fixtures: write an export folder and run the real importer on it.

The functions live in `tests.helpers.importera`; tests import them from there, and these
fixtures hand them to tests that prefer a fixture.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.helpers.importera import import_tables, write_export

# The suite runs the app as a single-user analyst (every figure unmasked), as `./ekb run`
# with EKB_LOKAL_ANALYTIKER=1 does; tests of the protected view unset it themselves. Set here,
# at collection, so that the browser suites' servers inherit it too.
os.environ.setdefault("EKB_LOKAL_ANALYTIKER", "1")


@pytest.fixture(name="write_export")
def _write_export_fixture() -> Callable[..., Path]:
    """The `write_export` function."""
    return write_export


@pytest.fixture(name="import_tables")
def _import_tables_fixture() -> Callable[..., Path]:
    """The `import_tables` function."""
    return import_tables
