"""Realistic, deterministic demo data for Nacka (0182), loaded through the real importer.

Why it exists: the dashboard must be worth opening before a municipality has
exported anything, and the import path must be exercised by something that
looks like real exports. `generate` writes an export folder in the import
contract's formats (Swedish-Excel CSV, UTF-8-BOM ledger, a tab-separated
Migrationsverket list, plain CSV); `build_demo_db` runs `ingest.run_import`
on it with `demo=True`. The story (units, persons, placements, ledger) lives
in the `data/demo_*.py` modules, its numbers as constants at their tops.
Same seed, same bytes: only `random.Random(seed)` is used, never the clock.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path

from data import demo_csv as fil
from data.demo_budget import ansokningsrader, beviljade_andelar, budgetrader, ekonomirader
from data.demo_csv import Kommunkod, kronor
from data.demo_ekonomi import KONTOPLAN, bokfor, utfall
from data.demo_enheter import Enhet, Platsperiod, enheter, platser
from data.demo_personer import UTTAGSDATUM, Person, personer
from data.demo_placeringar import Placering, placeringar
from data.demo_skala import SKALOR
from data.demo_skala_cli import skala_main
from data.demo_utbetalningar import FORMAT as UTBETALNINGSFORMAT
from data.demo_utbetalningar import KOLUMNER as UTBETALNINGSKOLUMNER
from data.demo_utbetalningar import utbetalningsrader

PERSPEKTIVKOMMUN = "0182"
STANDARDFRO = 2017
MAPPNAMN = "Demodata Nacka"
"""The import log's kalla is the folder path, so the folder's name marks the import as demo."""
BUDGETFORMAT = fil.Filformat(";", "utf-8-sig", "\r\n", ",", " ", True, False)

Framsteg = Callable[[str, float], None]

# The header row of each file, in the import contract's column names.
KOLUMNER: dict[str, tuple[str, ...]] = {
    "personer": ("person_id", "fodelsedatum", "kon", "medborgarskap", "ankomstdatum"),
    "aldersandringar": ("person_id", "beslutsdatum", "tidigare_fodelsedatum"),
    "anvisningar": (
        "anvisning_id", "person_id", "anvisningsdatum", "anvisningskommun", "ankomstkommun",
        "uppehallstillstand", "uppehallstillstand_datum", "avslutsdatum", "avslutsorsak",
    ),
    "enheter": ("enhet_id", "namn", "boendeform", "kommun", "regi", "dygnspris"),
    "platser": ("enhet_id", "giltig_fran", "giltig_till", "antal_platser", "platstyp",
                "alder_fran", "alder_till"),
    "placeringar": ("placering_id", "person_id", "enhet_id", "startdatum", "slutdatum",
                    "dygnskostnad", "vistelsekommun"),
    "kontoplan": ("konto", "benamning", "typ", "kategori"),
    "ekonomi": ("period", "verksamhet", "konto", "belopp"),
    "budget": ("period", "verksamhet", "konto", "belopp"),
    "ersattningsansokningar": ("period", "ersattningstyp", "sokt_belopp", "beviljat_belopp"),
}  # fmt: skip

__all__ = ["PERSPEKTIVKOMMUN", "UTTAGSDATUM", "build_demo_db", "generate", "main"]


def generate(out_dir: Path, seed: int = STANDARDFRO) -> None:
    """Write a complete export folder for the demo story into out_dir."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    alla_enheter, alla_platser = enheter(rng), platser()
    folk = personer(rng)
    vard = placeringar(rng, folk, alla_enheter, alla_platser)
    _skriv_personer(out_dir, folk)
    _skriv_anvisningar(out_dir, folk)
    _skriv_enheter(out_dir, alla_enheter, alla_platser)
    _skriv_placeringar(out_dir, vard)
    _skriv_ekonomi(out_dir, rng, folk, alla_enheter, alla_platser, vard)
    # its own random stream, so that the payment file leaves every other file as it was
    form = {e.enhet_id: e.boendeform for e in alla_enheter}
    betalningar = utbetalningsrader(random.Random(seed + 1), folk, vard, form, PERSPEKTIVKOMMUN)
    fil.skriv(
        out_dir, "utbetalda_schabloner", UTBETALNINGSKOLUMNER, betalningar, UTBETALNINGSFORMAT
    )


def _skriv_personer(mapp: Path, folk: Sequence[Person]) -> None:
    rader = [
        (p.person_id, p.registrerat_fodelsedatum, p.kon, p.medborgarskap, p.ankomstdatum)
        for p in folk
    ]
    fil.skriv(mapp, "personer", KOLUMNER["personer"], rader, fil.EXCEL)
    andringar = [(p.person_id, p.aldersandring, p.fodelsedatum) for p in folk if p.aldersandring]
    fil.skriv(mapp, "aldersandringar", KOLUMNER["aldersandringar"], andringar, fil.EXCEL)


def _skriv_anvisningar(mapp: Path, folk: Sequence[Person]) -> None:
    forsta = [_anvisning(p, p.anvisningsdatum, p.ansvarig, p.overflyttning) for p in folk]
    andra = [_anvisning(p, *p.overflyttning, None) for p in folk if p.overflyttning]
    rader = [(f"A{i:05d}", *rad) for i, rad in enumerate(forsta + andra, 1)]
    fil.skriv(mapp, "anvisningar", KOLUMNER["anvisningar"], rader, fil.MIGRATIONSVERKET)


def _anvisning(
    p: Person, dag: date, kommun: str, overflyttning: tuple[date, str] | None
) -> tuple[str, date, str, str, str, date | None, date | None, str | None]:
    """One anvisning row; a transfer closes the earlier anvisning as överflyttad."""
    if overflyttning is not None:
        slut, orsak = overflyttning[0], "overflyttad"
    elif p.vard_slut <= UTTAGSDATUM:
        slut, orsak = p.vard_slut, p.avslutsorsak
    else:
        slut, orsak = None, None
    tillstand = p.tillstand_pa(UTTAGSDATUM)
    return (p.person_id, dag, kommun, p.ankomstkommun, tillstand, p.tillstand_datum, slut, orsak)


def _skriv_enheter(mapp: Path, alla: Sequence[Enhet], perioder: Sequence[Platsperiod]) -> None:
    rader = [
        (e.enhet_id, e.namn, e.boendeform, e.kommun, e.regi,
         None if e.dygnspris is None else kronor(e.dygnspris))
        for e in alla
    ]  # fmt: skip
    fil.skriv(mapp, "enheter", KOLUMNER["enheter"], rader, fil.VANLIG)
    platsrader = [
        (p.enhet_id, p.giltig_fran, p.giltig_till, p.antal_platser, p.platstyp,
         p.alder_fran, p.alder_till)
        for p in perioder
    ]  # fmt: skip
    fil.skriv(mapp, "platser", KOLUMNER["platser"], platsrader, fil.VANLIG)


def _skriv_placeringar(mapp: Path, vard: Sequence[Placering]) -> None:
    rader = [
        (pl.placering_id, pl.person_id, pl.enhet_id, pl.startdatum, pl.slutdatum,
         None if pl.dygnskostnad is None else kronor(pl.dygnskostnad),
         None if pl.vistelsekommun is None else Kommunkod(pl.vistelsekommun))
        for pl in vard
    ]  # fmt: skip
    fil.skriv(mapp, "placeringar", KOLUMNER["placeringar"], rader, fil.EXCEL)


def _skriv_ekonomi(
    mapp: Path,
    rng: random.Random,
    folk: Sequence[Person],
    alla: Sequence[Enhet],
    perioder: Sequence[Platsperiod],
    vard: Sequence[Placering],
) -> None:
    bok = bokfor(folk, alla, perioder, vard, UTTAGSDATUM)
    andelar = beviljade_andelar(rng, bok)
    bokfort = utfall(rng, bok, andelar)
    fil.skriv(mapp, "kontoplan", KOLUMNER["kontoplan"], KONTOPLAN, fil.EKONOMISYSTEM)
    fil.skriv(mapp, "ekonomi", KOLUMNER["ekonomi"], ekonomirader(bokfort), fil.EKONOMISYSTEM)
    fil.skriv(mapp, "budget", KOLUMNER["budget"], budgetrader(bokfort), BUDGETFORMAT)
    ansokningar = ansokningsrader(bok, andelar)
    fil.skriv(mapp, "ersattningsansokningar", KOLUMNER["ersattningsansokningar"], ansokningar,
              fil.VANLIG)  # fmt: skip


def build_demo_db(db_path: Path, seed: int = STANDARDFRO, progress: Framsteg | None = None) -> None:
    """Generate the demo export in a temporary folder and import it into db_path."""
    from ingest import run_import

    meddela = progress or (lambda _text, _andel: None)
    with tempfile.TemporaryDirectory(prefix="ekb-demo-") as tmp:
        mapp = Path(tmp) / MAPPNAMN
        meddela("Skapar demodata för Nacka 2014–2019 …", 0.1)
        generate(mapp, seed)
        meddela("Läser in demodata med den vanliga importen …", 0.4)
        run_import(
            mapp,
            Path(db_path),
            uttagsdatum=UTTAGSDATUM,
            demo=True,
            kalla=f"Demodata (genererad, frö {seed})",
        )
    meddela("Demodatabasen är klar.", 1.0)


def main(argv: Sequence[str] | None = None) -> int:
    """CLI: `python -m data.demo --db FIL [--seed N]` or `python -m data.demo --out MAPP`."""
    tolk = argparse.ArgumentParser(
        prog="python -m data.demo", description="Skapar demodata (Nacka 2014–2019)."
    )
    mal = tolk.add_mutually_exclusive_group(required=True)
    mal.add_argument("--db", type=Path, help="bygg en demodatabas i denna fil")
    mal.add_argument("--out", type=Path, help="skriv bara exportfilerna till denna mapp")
    tolk.add_argument("--seed", type=int, default=STANDARDFRO, help="slumpfrö (standard 2017)")
    tolk.add_argument(
        "--scale",
        choices=["municipal", *SKALOR],
        default="municipal",
        help="municipal (Nacka), county (Stockholms län) eller national",
    )
    tolk.add_argument(
        "--personer",
        type=int,
        default=None,
        help="antal personer (bara county/national; standard efter skala)",
    )
    args = tolk.parse_args(argv)
    if args.scale != "municipal":
        return skala_main(args.scale, args.out, args.db, args.seed, args.personer)
    if args.out is not None:
        generate(args.out, args.seed)
        print(f"Demodata skrevs till {args.out}")
        return 0
    return _bygg(args.db, args.seed)


def _bygg(db_path: Path, seed: int) -> int:
    from ingest import ImportRefused

    try:
        build_demo_db(db_path, seed, lambda text, _andel: print(text))
    except ImportRefused as fel:
        print("Importen av demodata avvisades:", file=sys.stderr)
        for problem in fel.problems:
            print(f"  {problem}", file=sys.stderr)
        return 1
    print(f"Demodatabasen skapades: {db_path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
