"""`python -m data.demo --scale county|national`: write or import a scale demo export."""

from __future__ import annotations

import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

from data.demo_skala import SKALOR, UTTAG_SKALA, generera

MAPPNAMN = "Demodata skala"
"""The folder's name marks the import as demo, as for the municipal demo."""


def skriv_skala(mapp: Path, skala: str, seed: int, personer: int | None = None) -> None:
    """Write the export folder of one scale; `personer` overrides its size (for tests)."""
    storlek = SKALOR[skala] if personer is None else replace(SKALOR[skala], personer=personer)
    generera(Path(mapp), storlek, seed)


def bygg_skala_db(db: Path, skala: str, seed: int, personer: int | None = None) -> None:
    """Write the scale demo to a temporary folder and import it into `db` with the real importer."""
    from ingest import run_import

    with tempfile.TemporaryDirectory(prefix="ekb-skala-") as tmp:
        mapp = Path(tmp) / MAPPNAMN
        skriv_skala(mapp, skala, seed, personer)
        run_import(mapp, Path(db), uttagsdatum=UTTAG_SKALA, demo=True,
                   kalla=f"Demodata {skala} (genererad, frö {seed})")  # fmt: skip


def skala_main(
    skala: str, out: Path | None, db: Path | None, seed: int, personer: int | None
) -> int:
    """The CLI branch for county and national scale."""
    from ingest import ImportRefused

    start = time.perf_counter()
    if out is not None:
        skriv_skala(out, skala, seed, personer)
        print(f"Demodata ({skala}) skrevs till {out} på {time.perf_counter() - start:.1f} s")
        return 0
    assert db is not None
    try:
        bygg_skala_db(db, skala, seed, personer)
    except ImportRefused as fel:
        print("Importen av demodata avvisades:", file=sys.stderr)
        for problem in fel.problems:
            print(f"  {problem}", file=sys.stderr)
        return 1
    print(f"Demodatabasen ({skala}) skapades: {db} på {time.perf_counter() - start:.1f} s")
    return 0
