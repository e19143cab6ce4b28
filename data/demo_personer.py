"""The demo's youths: who arrives when, who is responsible, how each case ends.

Why a module of its own: the persons carry the story's calendar. Arrivals
follow the 2015 influx (peak in the autumn) and the decline of 2017-2019
(SOURCES.md section 3, SCB's asylum table); most are boys aged 15-17 from
Afghanistan. Nacka (0182) is responsible for most; youths assigned to other
municipalities live in Nacka's district family homes and HVB. Each person's
residence permit, age revision and end of care are decided here, once, so
that placements and the ledger only read them.
"""

from __future__ import annotations

import random
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TypeVar

K = TypeVar("K")
NACKA = "0182"
UTTAGSDATUM = date(2019, 12, 31)
REFORM = date(2017, 7, 1)

# Nacka's own anvisningar per year; 2013 is the cohort already in care when the period starts.
NACKA_PER_AR = {2013: 28, 2014: 44, 2015: 236, 2016: 38, 2017: 16, 2018: 10, 2019: 7}
# Youths assigned by other municipalities who live in Nacka: kommun -> number.
ANDRA_KOMMUNER = {
    "0180": 14, "0120": 9, "0138": 8, "0136": 8, "0126": 7, "0127": 6, "0181": 6,
    "0186": 5, "0160": 4, "0162": 3,  # Stockholms län
    "0380": 4, "2180": 3, "0484": 2, "1980": 2, "1880": 2, "1480": 2,  # outside the län
}  # fmt: skip
ANDRA_KOMMUNER_AR = {2014: 10, 2015: 75, 2016: 15}
# Share of a year's arrivals per month (2015: the autumn peak, 2016: the tail of it).
MANADSVIKTER = {
    2015: (2, 2, 2, 3, 3, 4, 6, 8, 14, 20, 22, 14),
    2016: (20, 14, 10, 8, 6, 6, 6, 6, 6, 6, 6, 6),
}
ANDEL_POJKAR = {2015: 0.92}
ANDEL_POJKAR_OVRIGA_AR = 0.8
ALDER_VID_ANKOMST = {8: 1, 9: 1, 10: 1, 11: 2, 12: 2, 13: 3, 14: 8, 15: 20, 16: 30, 17: 32}
LANDER = {"Afghanistan": 62, "Syrien": 11, "Somalia": 11, "Eritrea": 8, "Irak": 4,
          "Etiopien": 2, "Marocko": 1, "Statslös": 1}  # fmt: skip
ANKOMSTKOMMUNER = {"1280": 40, "0184": 20, "0191": 10, "1287": 10, "0180": 10, NACKA: 10}
TILLSTAND = {"PUT": 58, "TUT": 28, "avslag": 14}
ANDEL_OVERFLYTTADE = 0.05
OVERFLYTTADE_TILL_NACKA = 4
ANDEL_FLYTTAR = 0.06
ALDERSANDRINGAR = 20
ANDEL_AVSLUT_VID_ALDERSANDRING = 0.7
ORSAKER_VID_18_20 = {"egen_forsorjning": 35, "studier": 40, "arbete": 25}


@dataclass
class Person:
    """One youth and the decisions that shape the case."""

    person_id: str
    fodelsedatum: date
    """Birth date as first registered (before any age revision)."""
    kon: str
    medborgarskap: str
    ankomstdatum: date
    anvisningsdatum: date
    ansvarig: str
    ankomstkommun: str
    tillstand: str
    tillstand_datum: date | None
    vard_slut: date
    """The day care ends (the last move-out day); may lie after UTTAGSDATUM."""
    avslutsorsak: str
    ny_fodelsedatum: date | None = None
    aldersandring: date | None = None
    overflyttning: tuple[date, str] | None = None
    """Date and kommun of a second anvisning (a transfer of the case)."""

    @property
    def registrerat_fodelsedatum(self) -> date:
        return self.ny_fodelsedatum or self.fodelsedatum

    def vuxen_fran(self) -> date:
        """First day the person counts as 18, an age revision included."""
        artonde = fodelsedag(self.fodelsedatum, 18)
        if self.aldersandring is not None:
            return min(artonde, self.aldersandring)
        return artonde

    def alder_pa(self, dag: date) -> int:
        """Age in whole years by the birth date registered on that day."""
        fodd = self.fodelsedatum
        if self.aldersandring is not None and self.ny_fodelsedatum and dag >= self.aldersandring:
            fodd = self.ny_fodelsedatum
        return dag.year - fodd.year - ((dag.month, dag.day) < (fodd.month, fodd.day))

    def tillstand_pa(self, dag: date) -> str:
        if self.tillstand_datum is not None and self.tillstand_datum <= dag:
            return self.tillstand
        return "asylsokande"


def fodelsedag(fodd: date, alder: int) -> date:
    """The birthday on which someone born on fodd turns alder (29 Feb -> 1 Mar)."""
    try:
        return fodd.replace(year=fodd.year + alder)
    except ValueError:
        return date(fodd.year + alder, 3, 1)


def vikta(rng: random.Random, vikter: Mapping[K, int]) -> K:
    """One key drawn with the given weights."""
    nycklar = list(vikter)
    return rng.choices(nycklar, weights=[vikter[k] for k in nycklar])[0]


def personer(rng: random.Random) -> list[Person]:
    """Everyone in the export, sorted by anvisning and numbered P00001..."""
    ankomster = [(_ankomstdag(rng, ar), NACKA) for ar, n in NACKA_PER_AR.items() for _ in range(n)]
    for kommun, antal in ANDRA_KOMMUNER.items():
        for _ in range(antal):
            ar = vikta(rng, ANDRA_KOMMUNER_AR)
            ankomster.append((_ankomstdag(rng, ar), kommun))
    ankomster.sort()
    folk = [_person(rng, f"P{i:05d}", dag, kommun) for i, (dag, kommun) in enumerate(ankomster, 1)]
    _aldersandringar(rng, folk)
    _overflyttningar(rng, folk)
    return folk


def _ankomstdag(rng: random.Random, ar: int) -> date:
    vikter = MANADSVIKTER.get(ar, (1,) * 12)
    manad = rng.choices(range(1, 13), weights=vikter)[0]
    dag = date(ar, manad, rng.randint(1, 28))
    return min(dag, UTTAGSDATUM - timedelta(days=40))


def _person(rng: random.Random, person_id: str, ankomst: date, ansvarig: str) -> Person:
    alder = vikta(rng, ALDER_VID_ANKOMST)
    fodd = ankomst - timedelta(days=int(365.25 * alder) + rng.randint(20, 340))
    pojkar = ANDEL_POJKAR.get(ankomst.year, ANDEL_POJKAR_OVRIGA_AR)
    vantan = 60 if ankomst.year == 2015 else 21
    anvisning = ankomst + timedelta(days=rng.randint(2, vantan))
    tillstand, tillstand_datum = _tillstand(rng, anvisning)
    slut, orsak = _vardens_slut(rng, fodd, anvisning, tillstand, tillstand_datum)
    return Person(
        person_id=person_id, fodelsedatum=fodd, kon="M" if rng.random() < pojkar else "K",
        medborgarskap=vikta(rng, LANDER), ankomstdatum=ankomst, anvisningsdatum=anvisning,
        ansvarig=ansvarig, ankomstkommun=vikta(rng, ANKOMSTKOMMUNER), tillstand=tillstand,
        tillstand_datum=tillstand_datum, vard_slut=slut, avslutsorsak=orsak,
    )  # fmt: skip


def _tillstand(rng: random.Random, anvisning: date) -> tuple[str, date | None]:
    """Migrationsverket's decision; the 2015 cohort waited longest."""
    langsta = 750 if anvisning.year in (2015, 2016) else 420
    beslut = anvisning + timedelta(days=rng.randint(120, langsta))
    if beslut > UTTAGSDATUM:
        return "asylsokande", None
    return vikta(rng, TILLSTAND), beslut


def _vardens_slut(
    rng: random.Random, fodd: date, anvisning: date, tillstand: str, beslut: date | None
) -> tuple[date, str]:
    """When and why care ends: at 21 at the latest, often at 18-20, earlier after avslag."""
    tjugoett = fodelsedag(fodd, 21)
    if beslut is not None and tillstand == "avslag":
        return min(tjugoett, beslut + timedelta(days=rng.randint(30, 240))), "annat"
    if rng.random() < ANDEL_FLYTTAR:
        return min(tjugoett, anvisning + timedelta(days=rng.randint(60, 700))), "flytt"
    if rng.random() < 0.45:
        return tjugoett, "aldersgrans"
    arton = max(fodelsedag(fodd, 18), anvisning + timedelta(days=90))
    slut = arton + timedelta(days=rng.randint(0, max(1, (tjugoett - arton).days)))
    return min(slut, tjugoett), vikta(rng, ORSAKER_VID_18_20)


def _aldersandringar(rng: random.Random, folk: list[Person]) -> None:
    """2017's age assessments: some youths registered as 15-17 are made 18 or older."""
    kandidater = [
        p for p in folk
        if p.ansvarig == NACKA and p.ankomstdatum.year == 2015
        and date(2017, 12, 31) < fodelsedag(p.fodelsedatum, 18) and p.vard_slut > date(2017, 12, 31)
    ]  # fmt: skip
    for p in rng.sample(kandidater, min(ALDERSANDRINGAR, len(kandidater))):
        beslut = date(2017, 3, 15) + timedelta(days=rng.randint(0, 270))
        p.aldersandring = beslut
        p.ny_fodelsedatum = fodelsedag(beslut, -18) - timedelta(days=rng.randint(30, 700))
        if rng.random() < ANDEL_AVSLUT_VID_ALDERSANDRING:
            p.vard_slut, p.avslutsorsak = beslut + timedelta(days=rng.randint(0, 45)), "aldersgrans"
        else:
            p.vard_slut = min(p.vard_slut, fodelsedag(p.ny_fodelsedatum, 21))


def _overflyttningar(rng: random.Random, folk: list[Person]) -> None:
    """A few cases move to another municipality, and a few move to Nacka."""
    andra = list(ANDRA_KOMMUNER)
    for p in folk:
        langd = (min(p.vard_slut, UTTAGSDATUM) - p.anvisningsdatum).days
        if p.ansvarig != NACKA or langd < 200 or rng.random() >= ANDEL_OVERFLYTTADE:
            continue
        dag = p.anvisningsdatum + timedelta(days=rng.randint(120, langd - 30))
        p.overflyttning, p.vard_slut, p.avslutsorsak = (dag, rng.choice(andra)), dag, "overflyttad"
    till_nacka = [p for p in folk if p.ansvarig != NACKA and p.vard_slut > date(2017, 6, 1)]
    for p in rng.sample(till_nacka, OVERFLYTTADE_TILL_NACKA):
        p.overflyttning = (date(2017, 2, 1) + timedelta(days=rng.randint(0, 120)), NACKA)


def ansvarig_pa(p: Person, dag: date) -> str:
    """The responsible municipality on a date (the latest anvisning)."""
    if p.overflyttning is not None and p.overflyttning[0] <= dag:
        return p.overflyttning[1]
    return p.ansvarig
