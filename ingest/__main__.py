"""Command line: `python -m ingest MAPP --db FIL [--uttagsdatum ÅÅÅÅ-MM-DD] [--demo]`.

Municipal IT staff run the import by hand or from a scheduled job, so the
command speaks Swedish, lists every problem as `fil:rad: kolumn: meddelande`,
and exits 0 on success, 1 when the export was refused, 2 on a usage error.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from ingest.importer import ImportResult, run_import
from ingest.problems import ImportRefused

USAGE = "användning: python -m ingest MAPP --db FIL [--uttagsdatum ÅÅÅÅ-MM-DD] [--demo]"
HELP = f"""{USAGE}

Importerar en exportmapp (CSV- eller Excel-filer enligt docs/import-format.md)
till en DuckDB-fil. Databasen ändras bara om hela mappen är felfri.

  MAPP                    mappen med exportfilerna
  --db FIL                databasfilen som skapas eller ersätts
  --uttagsdatum DATUM     exportens uttagsdatum (standard: dagens datum)
  --demo                  markera importen som demodata"""


class UsageError(Exception):
    """The command line itself is wrong."""


@dataclass
class Arguments:
    folder: Path
    db: Path
    uttagsdatum: date | None
    demo: bool


def parse_arguments(argv: list[str]) -> Arguments:
    """Parse the command line (argparse would print English messages)."""
    options: dict[str, str] = {}
    positional: list[str] = []
    demo, rest = False, list(argv)
    while rest:
        word = rest.pop(0)
        name, _, inline = word.partition("=")
        if word == "--demo":
            demo = True
        elif name in ("--db", "--uttagsdatum"):
            if not inline and not rest:
                raise UsageError(f"{name} kräver ett värde")
            options[name] = inline or rest.pop(0)
        elif word.startswith("-"):
            raise UsageError(f"okänt alternativ {word}")
        else:
            positional.append(word)
    if len(positional) != 1:
        raise UsageError("ange exakt en exportmapp")
    if not Path(positional[0]).is_dir():
        raise UsageError(f"mappen {positional[0]} finns inte")
    if "--db" not in options:
        raise UsageError("--db FIL saknas")
    uttag = options.get("--uttagsdatum")
    return Arguments(
        Path(positional[0]), Path(options["--db"]), _date(uttag) if uttag else None, demo
    )


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise UsageError(f"ogiltigt uttagsdatum {text!r} (skriv ÅÅÅÅ-MM-DD)") from None


def heltal(number: int) -> str:
    """Swedish thousands grouping: 1350 -> `1 350`."""
    return f"{number:,}".replace(",", " ")


def report(result: ImportResult) -> list[str]:
    """The success summary, one line per table, then notices."""
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
    lines.extend(f"Observera: {notice}" for notice in result.notiser)
    return lines


def main(argv: list[str] | None = None) -> int:
    """Run the command; return the exit code."""
    args = sys.argv[1:] if argv is None else argv
    if "-h" in args or "--help" in args:
        print(HELP)
        return 0
    try:
        parsed = parse_arguments(args)
    except UsageError as error:
        print(f"{USAGE}\nfel: {error}", file=sys.stderr)
        return 2
    try:
        result = run_import(
            parsed.folder, parsed.db, uttagsdatum=parsed.uttagsdatum, demo=parsed.demo
        )
    except ImportRefused as refused:
        for problem in refused.problems:
            print(problem, file=sys.stderr)
        count = len(refused.problems)
        print(f"Importen avbröts: {heltal(count)} fel. Databasen är oförändrad.", file=sys.stderr)
        return 1
    print("\n".join(report(result)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
