"""Command line for analysts: export any figure as CSV or XLSX, or list the figures.

    python -m queries list
    python -m queries export NAME --db PATH [--date D] [--from D] [--to D] [--kommun K]
        [--vistelsekommun K] [--boendeform F] [--regi R] [--aldersgrupp G] [--kon K]
        [--verksamhet V] [--format csv|xlsx] [--out FILE] [--masked]

It runs the same ``queries.run`` as the dashboard, so an export always matches the page.
``--masked`` applies the small-number protection of the protected view (``queries.skydd``),
for publication: masked cells are written as ``<5``.
Messages are in Swedish because analysts in the municipalities read them.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

import duckdb

from queries import QueryError, catalogue, figure, run
from queries.export import to_csv_machine, to_xlsx
from queries.filtervarden import FilterError, normalisera
from queries.skydd import SkyddsFel, skydda, till_text

# figure parameter -> command-line option; list filters may be repeated
OPTIONS = {
    "datum": "date",
    "fran": "from",
    "till": "to",
    "kommun": "kommun",
    "vistelsekommun": "vistelsekommun",
    "boendeform": "boendeform",
    "regi": "regi",
    "aldersgrupp": "aldersgrupp",
    "kon": "kon",
    "verksamhet": "verksamhet",
}


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m queries", description="Exportera mått ur en EKB-databas."
    )
    commands = parser.add_subparsers(dest="kommando", required=True)
    commands.add_parser("list", help="lista alla mått och deras parametrar")
    export = commands.add_parser("export", help="exportera ett mått som CSV eller XLSX")
    export.add_argument("namn", help="måttets namn, se 'list'")
    export.add_argument("--db", required=True, type=Path, help="DuckDB-filen")
    export.add_argument("--format", choices=("csv", "xlsx"), default="csv")
    export.add_argument("--out", type=Path, help="fil att skriva till (annars standard ut)")
    export.add_argument(
        "--masked", action="store_true", help="dölj små antal som i den skyddade vyn (<5)"
    )
    for param, option in OPTIONS.items():
        repeat = param not in ("datum", "fran", "till", "kommun")
        export.add_argument(f"--{option}", dest=param, action="append" if repeat else "store")
    return parser


def _params(args: argparse.Namespace) -> dict[str, Any]:
    """The options given, checked against what the figure declares."""
    fig = figure(args.namn)
    given = {p: getattr(args, p) for p in OPTIONS if getattr(args, p) is not None}
    for param in given:
        if param not in fig.params:
            raise QueryError(f"{fig.name} tar inte --{OPTIONS[param]}")
    for param, kind in fig.params.items():
        if kind == "date" and param not in given:
            raise QueryError(f"{fig.name} kräver --{OPTIONS[param]} ÅÅÅÅ-MM-DD")
    return {param: _normaliserat(param, value) for param, value in given.items()}


def _normaliserat(param: str, value: str | list[str]) -> str | list[str]:
    """The option's value(s) as stored; the message names the option as typed."""
    try:
        if isinstance(value, list):
            return [normalisera(param, v, f"--{OPTIONS[param]}") for v in value]
        return normalisera(param, value, f"--{OPTIONS[param]}")
    except FilterError as error:
        raise QueryError(str(error)) from None


def _list() -> None:
    for fig in catalogue():
        options = " ".join(f"--{OPTIONS.get(p, p)}" for p in fig.params) or "(inga parametrar)"
        print(f"{fig.name}\n    {fig.title}\n    parametrar: {options}")


def _export(args: argparse.Namespace) -> None:
    params = _params(args)
    if not args.db.is_file():
        raise QueryError(f"Databasfilen finns inte: {args.db}")
    df = run(args.namn, args.db, **params)
    if args.masked:
        df = till_text(skydda(args.namn, df))
    data = (
        to_xlsx(df, sheet=args.namn)
        if args.format == "xlsx"
        else to_csv_machine(df).encode("utf-8")
    )
    if args.out is None:
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
    else:
        args.out.write_bytes(data)
        print(f"Skrev {df.height} rader till {args.out}", file=sys.stderr)


def main(argv: list[str] | None = None) -> int:
    """Run the command line; returns the exit status (0 ok, 2 refused)."""
    args = _parser().parse_args(argv)
    try:
        if args.kommando == "list":
            _list()
        else:
            _export(args)
    except (QueryError, SkyddsFel) as error:
        print(f"Fel: {error}", file=sys.stderr)
        return 2
    except duckdb.Error as error:
        print(f"Fel i databasen: {error}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
