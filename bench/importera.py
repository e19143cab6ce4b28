"""Write the scale demo and import it with the real importer in a child process.

Why a child process: the import's peak memory is what a server must have, and only a
process of its own gives it cleanly (`RUSAGE_CHILDREN`'s ru_maxrss, in KiB on Linux).
"""

from __future__ import annotations

import resource
import subprocess
import sys
import time
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from data.demo import STANDARDFRO, UTTAGSDATUM, generate
from data.demo_skala import UTTAG_SKALA
from data.demo_skala_cli import MAPPNAMN, skriv_skala

ROOT = Path(__file__).parents[1]


@dataclass(frozen=True)
class Import:
    generera_s: float
    import_s: float
    topp_mb: float


def skriv_demo(mapp: Path, skala: str, seed: int | None, personer: int | None) -> date:
    """Write the demo export of `skala`; returns its extraction date."""
    if skala == "municipal":
        generate(mapp, STANDARDFRO if seed is None else seed)
        return UTTAGSDATUM
    skriv_skala(mapp, skala, STANDARDFRO if seed is None else seed, personer)
    return UTTAG_SKALA


def importera(
    skala: str, db: Path, tmp: Path, seed: int | None = None, personer: int | None = None
) -> Import:
    """Generate, then import in a child process; raise SystemExit with the importer's message."""
    mapp = tmp / MAPPNAMN
    start = time.perf_counter()
    uttag = skriv_demo(mapp, skala, seed, personer)
    generera = time.perf_counter() - start
    kommando = [sys.executable, "-m", "ingest", str(mapp), "--db", str(db),
                "--uttagsdatum", uttag.isoformat(), "--demo"]  # fmt: skip
    start = time.perf_counter()
    svar = subprocess.run(kommando, cwd=ROOT, capture_output=True, text=True, check=False)
    tid = time.perf_counter() - start
    if svar.returncode != 0:
        raise SystemExit(f"Importen misslyckades:\n{svar.stdout}{svar.stderr}")
    topp = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return Import(generera, tid, topp)
