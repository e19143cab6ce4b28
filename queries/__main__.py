"""Command line for analysts: export any figure as CSV or XLSX, or list the figures.

    python -m queries list
    python -m queries export NAME --db PATH [--date D] [--from D] [--to D] [--kommun K]
        [--vistelsekommun K] [--boendeform F] [--regi R] [--aldersgrupp G] [--kon K]
        [--verksamhet V] [--enhet E] [--format csv|csv-excel|xlsx|csv-raw] [--out FILE] [--masked]

List filters may be repeated (``--boendeform HVB --boendeform stodboende``). It runs the same
``queries.run`` and the same writers as the dashboard's download buttons. ``csv`` (default)
keeps the figure's own columns (comma, decimal point) with formula-like text neutralised;
``csv-excel`` and ``xlsx`` are byte for byte what the page offers: Swedish headings with
units, values rounded as shown, names beside codes; ``xlsx`` adds a sheet "Om datan".
``csv-raw`` is for programs: the raw figure, not neutralised, so never open it in a
spreadsheet. ``--masked`` applies the small-number protection of the committee view
(``queries.skydd``), for publication: masked cells are written as ``<5``.
Messages are in Swedish because analysts in the municipalities read them.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path
from typing import Any

import duckdb
import polars as pl

from queries import QueryError, catalogue, figure, run
from queries.definitioner import definition_text
from queries.ersattning_xlsx import berakning_xlsx
from queries.export import (
    FORMAT,
    OPTIONS,
    om_datan,
    to_csv_excel,
    to_csv_machine,
    to_csv_neutral,
    to_xlsx,
)
from queries.filtervarden import FilterError, normalisera
from queries.skydd import SkyddsFel, till_text
from queries.skyddskalender import REGEL, pa_kalendern
from queries.skyddsvy import skydda_vy
from queries.stamp import check


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m queries", description="Exportera mått ur en EKB-databas."
    )
    commands = parser.add_subparsers(dest="kommando", required=True)
    commands.add_parser("list", help="lista alla mått och deras parametrar")
    export = commands.add_parser("export", help="exportera ett mått som CSV eller XLSX")
    export.add_argument("namn", help="måttets namn, se 'list'")
    export.add_argument("--db", required=True, type=Path, help="DuckDB-filen")
    export.add_argument(
        "--format",
        choices=FORMAT,
        default="csv",
        help="csv: måttets kolumner, skyddad mot formler; csv-excel och xlsx: som sidans "
        "nedladdning; csv-raw: rådata för program",
    )
    export.add_argument("--out", type=Path, help="fil att skriva till (annars standard ut)")
    export.add_argument(
        "--masked", action="store_true", help="dölj små antal som i den skyddade vyn (<5)"
    )
    for param, option in OPTIONS.items():
        repeat = param in (
            "vistelsekommun",
            "boendeform",
            "regi",
            "aldersgrupp",
            "kon",
            "verksamhet",
            "enhet",
        )
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


PERSONFILTER = ("vistelsekommun", "boendeform", "regi", "aldersgrupp", "kon")
"""List filters on persons: the committee view has none (docs/skydd.md, rule 12)."""


def _export(args: argparse.Namespace) -> None:
    params = _params(args)
    if args.masked and any(params.get(p) for p in PERSONFILTER):
        raise QueryError(
            "--masked ger nämndens skyddade vy, som inte filtrerar på vistelsekommun, "
            "boendeform, regi, åldersgrupp eller kön: urval med och utan ett filter kan dras "
            "från varandra. Exportera utan de filtren."
        )
    if args.masked and params.get("enhet"):
        raise QueryError(
            "--masked ger nämndens skyddade vy, som inte visar ett urval av enheter: urval av "
            "en och av två enheter kan dras från varandra. Exportera utan --enhet."
        )
    if not args.db.is_file():
        raise QueryError(f"Databasfilen finns inte: {args.db}")
    with duckdb.connect(str(args.db), read_only=True) as con:
        # a file built by another version has other definitions: refuse rather than mislead
        fel = check(con)
        if fel is not None:
            raise QueryError(fel)
        if args.masked:
            _pa_kalendern(params, con)
            # the protected (committee) view's cells, for publication, exactly as the
            # dashboard's: with the finer figures and filter parents it reads (skyddsvy)
            vy = skydda_vy(args.namn, params, lambda n, p: run(n, con=con, **p))
            if vy.besked:
                raise QueryError(vy.besked)
            df = vy.df
        else:
            df = run(args.namn, con=con, **params)
    if args.masked and args.format in ("csv", "csv-raw"):
        # csv-excel and xlsx write masked cells as the page's download does (same bytes)
        df = till_text(df)
    data = _bytes(args, df, params)
    if args.out is None:
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
    else:
        args.out.write_bytes(data)
        print(f"Skrev {df.height} rader till {args.out}", file=sys.stderr)


def _pa_kalendern(params: dict[str, Any], con: duckdb.DuckDBPyConnection) -> None:
    """Refuse dates off the committee's calendar (docs/skydd.md rule 16), naming the nearest
    ones on it: `--masked` gives the cells the committee can see, and it sees no others."""
    dag = {p: date.fromisoformat(str(params[p])) for p in ("fran", "till", "datum") if p in params}
    if not dag:
        return
    rad = run("dataomfang", con=con).row(0, named=True)
    uttag = rad.get("uttagsdatum") or rad.get("sista_datum") or date.today()
    till = dag.get("till", dag.get("datum"))
    assert till is not None
    val = pa_kalendern(dag.get("fran", till), till, dag.get("datum", till), uttag)
    ratt = {"fran": val.fran, "till": val.till, "datum": val.datum}
    fel = [p for p in dag if dag[p] != ratt[p]]
    if fel:
        forslag = " ".join(f"--{OPTIONS[p]} {ratt[p].isoformat()}" for p in dag)
        raise QueryError(f"--masked ger nämndens vy. {REGEL} Ange till exempel {forslag}.")


# figures whose workbook holds formulas instead of values (an auditor recomputes them)
FORMELBOCKER = {"ersattning_berakning": berakning_xlsx}


def _bytes(args: argparse.Namespace, df: pl.DataFrame, params: dict[str, Any]) -> bytes:
    if args.format == "csv-raw":
        return to_csv_machine(df).encode("utf-8")
    if args.format == "csv":
        return to_csv_neutral(df).encode("utf-8")
    if args.format == "csv-excel":
        return to_csv_excel(df)
    if args.namn in FORMELBOCKER:
        return FORMELBOCKER[args.namn](df)
    fig = figure(args.namn)
    # every declared parameter, as the page lists them: an omitted filter is "no filter"
    alla = {p: params.get(p) for p in fig.params}
    om = om_datan(fig.name, fig.title, definition_text(fig.name), alla, run("import_logg", args.db))
    return to_xlsx(df, sheet=fig.name, om=om)


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
