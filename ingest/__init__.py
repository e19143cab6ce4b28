"""The importer: a municipality's export folder into one validated DuckDB snapshot.

See `docs/import-format.md` for the format and `ingest.importer.run_import`
for the guarantees (all or nothing, every problem at once, atomic swap).
This package never imports streamlit: the CLI and the tests use it directly.
"""

from ingest.importer import ImportResult, TableSummary, run_import, validera
from ingest.parkett import PubliceringsFel, publicera_parquet
from ingest.problems import ImportRefused, Problem

__all__ = [
    "ImportRefused",
    "ImportResult",
    "Problem",
    "PubliceringsFel",
    "TableSummary",
    "publicera_parquet",
    "run_import",
    "validera",
]
