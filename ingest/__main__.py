"""Command line: `python -m ingest MAPP --db FIL [--uttagsdatum ÅÅÅÅ-MM-DD] [--demo]
[--parquet MAPP]`.

Municipal IT staff run the import by hand or from a scheduled job, so the
command speaks Swedish, lists every problem as `fil:rad: kolumn: meddelande`,
and exits 0 on success, 1 when the export was refused, 2 on a usage error,
3 on an unexpected error (a Swedish line; the traceback only with `--debug`) and
4 when the import succeeded but its Parquet snapshot could not be published.
"""

from __future__ import annotations

import argparse
import getpass
import logging
import os
import sys
import traceback
from datetime import date
from pathlib import Path

from ingest.cli_parser import SwedishParser
from ingest.importer import ImportResult, run_import
from ingest.parkett import PubliceringsFel, publicera_parquet
from ingest.personnummer import contains_personnummer
from ingest.problems import ImportRefused

DESCRIPTION = """Importerar en exportmapp (CSV- eller Excel-filer enligt docs/import-format.md)
till en DuckDB-fil. Databasen ändras bara om hela mappen är felfri."""


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"ogiltigt uttagsdatum {text!r} (skriv ÅÅÅÅ-MM-DD)"
        ) from None


def _megabytes(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"ogiltig storlek {text!r} (ange ett heltal MB)")
    return int(text) * 1024**2


def parser() -> SwedishParser:
    """The command's arguments (the same flags as before argparse, plus two)."""
    tolk = SwedishParser(prog="python -m ingest", description=DESCRIPTION)
    group = tolk.add_argument_group("argument")
    group.add_argument("mapp", metavar="MAPP", type=Path, help="mappen med exportfilerna")
    group.add_argument(
        "--db",
        metavar="FIL",
        type=Path,
        required=True,
        help="databasfilen som skapas eller ersätts",
    )
    group.add_argument(
        "--uttagsdatum",
        metavar="DATUM",
        type=_date,
        help="exportens uttagsdatum, ÅÅÅÅ-MM-DD (standard: dagens datum)",
    )
    group.add_argument("--demo", action="store_true", help="markera importen som demodata")
    group.add_argument(
        "--parquet",
        metavar="MAPP",
        type=Path,
        help="publicera också ögonblicksbilden som partitionerad Parquet i MAPP",
    )
    group.add_argument(
        "--max-filstorlek",
        metavar="MB",
        type=_megabytes,
        help="största fil som läses, i MB (standard 2048)",
    )
    group.add_argument(
        "--debug", action="store_true", help="skriv ut tekniska detaljer vid oväntade fel"
    )
    group.add_argument("-h", "--help", action="help", help="visa denna hjälp och avsluta")
    return tolk


def heltal(number: int) -> str:
    """Swedish thousands grouping: 1350 -> `1 350`."""
    return f"{number:,}".replace(",", " ")


def report(result: ImportResult) -> list[str]:
    """The success summary, one line per table, then warnings and notices."""
    lines = [
        f"Import {result.import_id} klar: {result.db_path} "
        f"(uttagsdatum {result.uttagsdatum.isoformat()})"
    ]
    for table in result.tabeller:
        line = (
            f"  {table.tabell} ({table.fil}): {heltal(table.rader_lasta)} rader lästa, "
            f"{heltal(table.rader_lagrade)} lagrade"
        )
        if table.tomma_rader:
            line += f", {heltal(table.tomma_rader)} tomma rader hoppades över"
        lines.append(line)
    lines.extend(f"Varning: {warning}" for warning in result.varningar)
    lines.extend(f"Observera: {notice}" for notice in result.notiser)
    return lines


def main(argv: list[str] | None = None) -> int:
    """Run the command; return the exit code."""
    tolk = parser()
    args = tolk.parse_args(sys.argv[1:] if argv is None else argv)
    if not args.mapp.is_dir():
        shown = "" if contains_personnummer(str(args.mapp)) else f" {args.mapp}"
        tolk.error(f"mappen{shown} finns inte")
    logging.basicConfig(format="%(message)s", level=logging.WARNING, stream=sys.stderr)
    before = _identity(args.db)
    try:
        return _run(args)
    except Exception as error:  # the last line of defence: never a bare traceback
        changed = _identity(args.db) != before
        print(f"Oväntat fel i importen ({type(error).__name__}).", file=sys.stderr)
        print("Databasen har ersatts." if changed else "Databasen är oförändrad.", file=sys.stderr)
        if args.debug:
            traceback.print_exc()
        else:
            print("Kör igen med --debug för tekniska detaljer.", file=sys.stderr)
        return 3


def _run(args: argparse.Namespace) -> int:
    try:
        result = run_import(
            args.mapp,
            args.db,
            uttagsdatum=args.uttagsdatum,
            demo=args.demo,
            max_filstorlek=args.max_filstorlek,
            importerad_av=_os_anvandare(),
        )
    except ImportRefused as refused:
        for problem in refused.problems:
            print(problem, file=sys.stderr)
        count = heltal(refused.antal)
        print(f"Importen avbröts: {count} fel. Databasen är oförändrad.", file=sys.stderr)
        return 1
    print("\n".join(report(result)))
    if args.parquet is None:
        return 0
    try:
        ogonblick = publicera_parquet(result.db_path, args.parquet)
    except PubliceringsFel as fel:
        print(
            f"Databasen har ersatts, men Parquet-publiceringen misslyckades: {fel}", file=sys.stderr
        )
        return 4
    print(f"Parquet-ögonblicksbilden publicerades: {ogonblick}")
    return 0


def _os_anvandare() -> str | None:
    """The OS user running the import, for the log; None where the system cannot tell."""
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # a container user without a passwd entry or LOGNAME
        return None


def _identity(path: Path) -> tuple[int, int, int] | None:
    """What tells a replaced file from an untouched one without reading it."""
    try:
        info = os.stat(path)
    except OSError:
        return None
    return info.st_ino, info.st_size, info.st_mtime_ns


JEMALLOC = "_RJEM_MALLOC_CONF"
"""The settings polars' allocator (jemalloc, with the `_rjem_` prefix) reads when it loads."""
AT_ONCE = "dirty_decay_ms:0,muzzy_decay_ms:0"


def _run_again_with_memory_returned() -> None:
    """Re-run this command with polars' allocator returning freed memory at once.

    The import reads the export with polars, then builds with DuckDB (up to its 1 GB). By
    default jemalloc keeps freed pages for reuse, so the read's pages stay beside DuckDB's
    build: measured on the national demo, peak 2.14 GB against 1.32 GB with them returned
    (README, Performance). jemalloc reads its settings when polars is first loaded, which
    `python -m ingest` has already done (the package imports it), hence a fresh process.
    polars itself writes its defaults into the variable when it loads, so a marker says
    that the process is the fresh one."""
    if os.environ.get(OMSTARTAD) != "1":
        os.environ[JEMALLOC] = AT_ONCE
        os.environ[OMSTARTAD] = "1"
        os.execv(sys.executable, [sys.executable, "-m", "ingest", *sys.argv[1:]])


OMSTARTAD = "EKB_INGEST_OMSTARTAD"


if __name__ == "__main__":
    _run_again_with_memory_returned()
    sys.exit(main())
