"""``python -m report --db PATH --kommun K --date D [--from D --to D] [--scenario S] --out FILE.pdf``."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

import duckdb

from queries.skyddskalender import REGEL, pa_kalendern
from report import RapportFel, bygg_rapport, uttagsdatum
from report.diagram import DiagramFel


def _datum(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"ogiltigt datum {text!r}, ange ÅÅÅÅ-MM-DD") from None


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m report", description="Nämndrapport som PDF.")
    p.add_argument("--db", type=Path, required=True, help="databasfilen (DuckDB)")
    p.add_argument("--kommun", required=True, help="ansvarig kommun, kommunkod t.ex. 0182")
    p.add_argument("--date", type=_datum, required=True, help="rapportdatum ÅÅÅÅ-MM-DD")
    p.add_argument("--from", dest="fran", type=_datum, help="periodens början (1 jan)")
    p.add_argument("--to", dest="till", type=_datum, help="periodens slut (rapportdatum)")
    p.add_argument("--out", type=Path, required=True, help="PDF-filen som skrivs")
    p.add_argument("--intern", action="store_true", help="omaskerad intern version")
    p.add_argument(
        "--scenario",
        default="",
        help="ett scenario som i sidans delningslänk: s_antal=10&s_fran=2017-01-01 … "
        "(eller hela länken)",
    )
    a = p.parse_args(argv)
    fran = a.fran or a.date.replace(month=1, day=1)
    try:
        pdf = bygg_rapport(a.db, a.kommun, a.date, fran, a.till or a.date, a.intern, a.scenario)
    except (RapportFel, DiagramFel) as fel:
        print(f"Fel: {fel}", file=sys.stderr)
        return 1
    a.out.write_bytes(pdf)
    print(f"Skrev {a.out} ({len(pdf) // 1024} kB)")
    if not a.intern:
        with duckdb.connect(str(a.db), read_only=True) as con:
            val = pa_kalendern(fran, a.till or a.date, a.date, uttagsdatum(con))
        if val.period_flyttad or val.datum_flyttat:
            print(
                f"Obs: rapporten visar år {val.till.year} och läget {val.datum.isoformat()}. "
                + REGEL
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
