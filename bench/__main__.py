"""`python -m bench --scale municipal|county|national [--runs N] [--json FILE] [--no-pages]`.

Builds the database from the scale demo through the real importer (timing the import and
its peak memory), then times every figure of `queries.catalogue()` in three views on one
read-only connection, and a pandas day-by-day baseline of monthly occupancy against
`belaggning`. Then (unless `--no-pages`) every page in headless Chromium against
`streamlit run` on that database, with a trivial app as the framework's floor, and the
server's memory after `--sessioner` sessions (bench/sidor.py). Prints a table; `--json`
writes the same numbers to a file.
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
from bench.sidor import SATT, kor_sidor


def _argument(argv: Sequence[str] | None) -> argparse.Namespace:
    tolk = argparse.ArgumentParser(prog="python -m bench", description=__doc__.splitlines()[0])
    tolk.add_argument("--scale", choices=["municipal", "county", "national"], default="county")
    tolk.add_argument("--runs", type=int, default=20, help="varma körningar per mått (standard 20)")
    tolk.add_argument("--json", type=Path, default=None, help="skriv resultatet som JSON hit")
    tolk.add_argument("--personer", type=int, default=None, help="antal personer (county/national)")
    tolk.add_argument("--seed", type=int, default=None)
    tolk.add_argument(
        "--pages",
        action=argparse.BooleanOptionalAction,
        default=True,
        help="mät sidorna i Chromium (standard: ja)",
    )
    tolk.add_argument("--sidor-runs", type=int, default=5, help="rundor per sida (standard 5)")
    tolk.add_argument(
        "--sessioner", type=int, default=20, help="sessioner före serverns minne mäts (standard 20)"
    )
    tolk.add_argument(
        "--db", type=Path, default=None, help="mät på denna databas i stället för att importera"
    )
    tolk.add_argument(
        "--bara-sidor", action="store_true", help="bara sidorna, inte figurerna (med --db)"
    )
    tolk.add_argument(
        "--sida",
        action="append",
        default=None,
        help="mät bara denna sida (url-stigen, 'oversikt' för startsidan); kan upprepas",
    )
    return tolk.parse_args(argv)


def _figurer(con: duckdb.DuckDBPyConnection, runs: int) -> dict[str, Any]:
    """Every figure's timings and the pandas baseline, on one read-only connection."""
    figurer = mat_figurer(con, runs)
    vyer = vyparametrar(con)
    pandas_ms, vardygn = tid_dag_for_dag(con, vyer["standard"]["fran"], vyer["standard"]["till"])
    belaggning = figurer["belaggning"]["standard"]["median_ms"]
    return {
        "vyer": vyer,
        "figurer": figurer,
        "baslinje": {"pandas_dag_for_dag_ms": pandas_ms, "vardygn": vardygn,
                     "belaggning_median_ms": belaggning, "kvot": pandas_ms / belaggning},
    }  # fmt: skip


def kor(args: argparse.Namespace) -> dict[str, Any]:
    """The whole benchmark as one dictionary (what --json writes). With `--db` the given
    file is measured as it is (no import); with `--bara-sidor` only the pages."""
    skala, runs, last_start = args.scale, args.runs, os.getloadavg()[0]
    with tempfile.TemporaryDirectory(prefix="ekb-bench-") as tmp:
        db = args.db or Path(tmp) / f"{skala}.duckdb"
        imp = None if args.db else asdict(importera(skala, db, Path(tmp), args.seed, args.personer))
        with duckdb.connect(str(db), read_only=True) as con:
            storlek = con.execute(
                "select (select count(*) from personer), (select count(*) from placeringar)"
            ).fetchone()
            assert storlek is not None
            figurer = {} if args.bara_sidor else _figurer(con, runs)
        last_fore = os.getloadavg()[0]
        sidor = (
            kor_sidor(db, Path(tmp), args.sidor_runs, args.sessioner, args.sida)
            if args.pages
            else None
        )
    return {
        "scale": skala,
        "personer": storlek[0],
        "placeringar": storlek[1],
        "import": imp,
        "runs": runs,
        "load_average_start": last_start,
        "load_average": last_fore,
        "load_average_efter_sidor": os.getloadavg()[0],
        **figurer,
        "sidor": sidor,
    }


def skriv_tabell(res: dict[str, Any]) -> None:
    imp = res["import"]
    importen = (
        f"demo skriven på {imp['generera_s']:.1f} s, import {imp['import_s']:.1f} s, "
        f"toppminne {imp['topp_mb']:.0f} MB"
        if imp
        else "befintlig databas"
    )
    print(f"{res['scale']}: {res['personer']:,} personer, {res['placeringar']:,} placeringar; "
          f"{importen}; belastning {res['load_average']:.1f}")  # fmt: skip
    if "figurer" not in res:
        return
    print(f"ms över {res['runs']} varma körningar (median / p95)")
    print(f"{'mått':28s}" + "".join(f"{vy:>22s}" for vy in VYER))
    for namn, vyer in res["figurer"].items():
        celler = "".join(f"{v['median_ms']:10.1f} /{v['p95_ms']:9.1f}" for v in vyer.values())
        print(f"{namn:28s}{celler}")
    b = res["baslinje"]
    print(f"pandas dag för dag (beläggning, standardvyn): {b['pandas_dag_for_dag_ms']:.0f} ms, "
          f"{b['kvot']:.0f} × belaggning ({b['belaggning_median_ms']:.1f} ms)")  # fmt: skip


def skriv_sidor(res: dict[str, Any]) -> None:
    print(f"sidor: ms tills diagrammen är ritade, median / p95 över {res['runs']} rundor "
          "[serverns CPU-ms, median] {kB över websocket, median}; "
          "kvot = sidans median / golvets")  # fmt: skip
    print(
        f"{'sida':22s}" + "".join(f"{s:>36s}" for s in SATT) + "   kvot första/ny flik/omladdning"
    )
    for namn, satt in res["tider"].items():
        celler = "".join(
            f"{v['median_ms']:9.0f} /{v['p95_ms']:7.0f} [{v['server_cpu_ms_median']:6.0f}]"
            f" {{{v['websocket_kb_median']:6.0f}}}"
            for v in satt.values()
        )
        kvot = res["kvot_mot_golv"].get(namn)
        text = " / ".join(f"{kvot[s]:.2f}" for s in SATT) if kvot else "(golvet)"
        print(f"{namn or 'oversikt':22s}{celler}   {text}")
    if "minne" not in res:
        return
    m = res["minne"]
    print(f"serverns minne: {m['fore_mb']:.0f} MB före, {m['med_sessioner_mb']:.0f} MB med "
          f"{m['sessioner']} sessioner, {m['efter_mb']:.0f} MB efter att de stängts")  # fmt: skip
    for c in res["cacher"]:
        print(f"cache {c['fil']}:{c['rad']} {c['funktion']} ({c['dekorator']}): "
              f"max_entries={c['max_entries']}, ttl={c['ttl']}")  # fmt: skip


def main(argv: Sequence[str] | None = None) -> int:
    args = _argument(argv)
    res = kor(args)
    skriv_tabell(res)
    if res["sidor"] is not None:
        skriv_sidor(res["sidor"])
    if args.json is not None:
        args.json.write_text(
            json.dumps(res, indent=2, ensure_ascii=False, default=str), encoding="utf-8"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
