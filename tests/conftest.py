"""Shared fixtures: write an export folder and run the real importer on it.

The functions live in `tests.helpers.importera`; tests import them from there, and these
fixtures hand them to tests that prefer a fixture.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from tests.helpers.importera import import_tables, write_export


@pytest.fixture(name="write_export")
def _write_export_fixture() -> Callable[..., Path]:
    """The `write_export` function."""
    return write_export


@pytest.fixture(name="import_tables")
def _import_tables_fixture() -> Callable[..., Path]:
    """The `import_tables` function."""
    return import_tables
