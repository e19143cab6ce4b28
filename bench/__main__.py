"""`python -m bench --scale municipal|county|national [--runs N] [--json FILE]`.

Builds the database from the scale demo through the real importer (timing the import and
its peak memory), then times every figure of `queries.catalogue()` in three views on one
read-only connection, and a pandas day-by-day baseline of monthly occupancy against
`belaggning`. Prints a table; `--json` writes the same numbers to a file.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from collections.abc import Sequence
from dataclasses import asdict
from pathlib import Path
from typing import Any

import duckdb

from bench.baslinje import tid_dag_for_dag
from bench.importera import importera
from bench.matning import VYER, mat_figurer, vyparametrar


def _argument(argv: Sequence[str] | None) -> argparse.Namespace:
    tolk = argparse.ArgumentParser(prog="python -m bench", description=__doc__.splitlines()[0])
    tolk.add_argument("--scale", choices=["municipal", "county", "national"], default="county")
    tolk.add_argument("--runs", type=int, default=20, help="varma körningar per mått (standard 20)")
    tolk.add_argument("--json", type=Path, default=None, help="skriv resultatet som JSON hit")
    tolk.add_argument("--personer", type=int, default=None, help="antal personer (county/national)")
    tolk.add_argument("--seed", type=int, default=None)
    return tolk.parse_args(argv)


def kor(
    skala: str, runs: int, seed: int | None = None, personer: int | None = None
) -> dict[str, Any]:
    """The whole benchmark as one dictionary (what --json writes)."""
    with tempfile.TemporaryDirectory(prefix="ekb-bench-") as tmp:
        db = Path(tmp) / f"{skala}.duckdb"
        imp = importera(skala, db, Path(tmp), seed, personer)
        with duckdb.connect(str(db), read_only=True) as con:
            storlek = con.execute(
                "select (select count(*) from personer), (select count(*) from placeringar)"
            ).fetchone()
            assert storlek is not None
            figurer = mat_figurer(con, runs)
            vyer = vyparametrar(con)
            pandas_ms, vardygn = tid_dag_for_dag(
                con, vyer["standard"]["fran"], vyer["standard"]["till"]
            )
    belaggning = figurer["belaggning"]["standard"]["median_ms"]
    return {
        "scale": skala,
        "personer": storlek[0],
        "placeringar": storlek[1],
        "import": asdict(imp),
        "runs": runs,
        "load_average": os.getloadavg()[0],
        "vyer": vyer,
        "figurer": figurer,
        "baslinje": {"pandas_dag_for_dag_ms": pandas_ms, "vardygn": vardygn,
                     "belaggning_median_ms": belaggning, "kvot": pandas_ms / belaggning},
    }  # fmt: skip


def skriv_tabell(res: dict[str, Any]) -> None:
    imp = res["import"]
    print(f"{res['scale']}: {res['personer']:,} personer, {res['placeringar']:,} placeringar; "
          f"demo skriven på {imp['generera_s']:.1f} s, import {imp['import_s']:.1f} s, "
          f"toppminne {imp['topp_mb']:.0f} MB; belastning {res['load_average']:.1f}")  # fmt: skip
    print(f"ms över {res['runs']} varma körningar (median / p95)")
    print(f"{'mått':28s}" + "".join(f"{vy:>22s}" for vy in VYER))
    for namn, vyer in res["figurer"].items():
        celler = "".join(f"{v['median_ms']:10.1f} /{v['p95_ms']:9.1f}" for v in vyer.values())
        print(f"{namn:28s}{celler}")
    b = res["baslinje"]
    print(f"pandas dag för dag (beläggning, standardvyn): {b['pandas_dag_for_dag_ms']:.0f} ms, "
          f"{b['kvot']:.0f} × belaggning ({b['belaggning_median_ms']:.1f} ms)")  # fmt: skip


def main(argv: Sequence[str] | None = None) -> int:
    args = _argument(argv)
    res = kor(args.scale, args.runs, args.seed, args.personer)
    skriv_tabell(res)
    if args.json is not None:
        args.json.write_text(
            json.dumps(res, indent=2, ensure_ascii=False, default=str), encoding="utf-8"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
