"""The demo's payment file from Migrationsverket (utbetalda schabloner), with deliberate gaps.

Migrationsverket pays the dygnsschablon per person and quarter without application, and the
52 000 kr once per anvisning. The demo computes what it would pay the perspective kommun with
the rules of docs/ersattning.md (1 350 kr under 18, 750 kr for PUT 18–20, from 2017-07-01), then
leaves some person-quarters unpaid and pays some short, so the reconciliation
(`ersattning_utbetalning_avstamning`) has something to find. Written the way such a list
arrives: tab-separated, decimal comma, the file's own header spellings.
"""

from __future__ import annotations

import random
from collections.abc import Iterator, Mapping, Sequence
from datetime import date, timedelta
from decimal import Decimal

from data.demo_csv import Filformat
from data.demo_personer import UTTAGSDATUM, Person
from data.demo_placeringar import Placering

REFORM = date(2017, 7, 1)
FORMAT = Filformat("\t", "utf-8", "\n", ",", " ", False, False)
KOLUMNER = ("PersonID", "Periodstart", "Periodslut", "Utbetalt belopp", "Typ", "Ärende")
Rad = tuple[str, date, date, Decimal, str, None]
"""One payment row in KOLUMNER's order."""
ANDEL_SAKNAS = 0.03
"""Share of person-quarters left unpaid."""
ANDEL_KORT = 0.04
"""Share of person-quarters paid ten days short."""


def _kvartal(dag: date) -> tuple[date, date]:
    forsta = date(dag.year, 3 * ((dag.month - 1) // 3) + 1, 1)
    nasta = date(forsta.year + (forsta.month == 10), (forsta.month + 2) % 12 + 1, 1)
    return forsta, nasta - timedelta(days=1)


def _sats(p: Person, dag: date, boendeform: str) -> int:
    """What Migrationsverket pays for the day, by the shipped rules from 2017-07-01."""
    alder, tillstand = p.alder_pa(dag), p.tillstand_pa(dag)
    put = tillstand in ("PUT", "TUT")
    if alder < 18 and (tillstand == "asylsokande" or (put and boendeform != "eget_boende")):
        return 1350
    return 750 if 18 <= alder <= 20 and put else 0


def _dagar(
    p: Person, vard: Sequence[Placering], form: Mapping[str, str], kommun: str
) -> Iterator[tuple[date, int]]:
    slut = UTTAGSDATUM + timedelta(days=1)
    if p.overflyttning is not None:
        slut = min(slut, p.overflyttning[0])
    for pl in vard:
        dag = max(pl.startdatum, REFORM, p.anvisningsdatum)
        while dag < min(pl.slutdatum or slut, slut):
            yield dag, _sats(p, dag, form[pl.enhet_id])
            dag += timedelta(days=1)


def utbetalningsrader(
    rng: random.Random,
    folk: Sequence[Person],
    vard: Sequence[Placering],
    form: Mapping[str, str],
    kommun: str,
) -> list[Rad]:
    """One row per person and quarter paid, and one per 52 000 kr, for `kommun`."""
    per_person: dict[str, list[Placering]] = {}
    for pl in vard:
        per_person.setdefault(pl.person_id, []).append(pl)
    rader: list[Rad] = []
    for p in (p for p in folk if p.ansvarig == kommun):
        kvartal: dict[tuple[date, date], int] = {}
        for dag, sats in _dagar(p, per_person.get(p.person_id, []), form, kommun):
            kvartal[_kvartal(dag)] = kvartal.get(_kvartal(dag), 0) + sats
        for (fran, till), belopp in sorted(kvartal.items()):
            slump = rng.random()
            if belopp and slump >= ANDEL_SAKNAS:
                kort = 10 * 1350 if slump < ANDEL_SAKNAS + ANDEL_KORT and belopp > 10 * 1350 else 0
                rader.append(
                    (p.person_id, fran, till, Decimal(belopp - kort), "dygnsschablon", None)
                )
        if p.anvisningsdatum >= REFORM and p.alder_pa(p.anvisningsdatum) < 18:
            fran, till = _kvartal(p.anvisningsdatum)
            rader.append((p.person_id, fran, till, Decimal(52000), "engångsbelopp", None))
    return rader
