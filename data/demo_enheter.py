"""The demo's housing units and contracted places, seen from Nacka (0182).

Why a module of its own: units are the fixed stage on which the demo's
placements play out. Nacka's own units carry the contracted places of its
agreements with Migrationsverket and Länsstyrelsen (asylum places 9 rising
to 15 on 2014-10-01, 27 PUT places), which drive occupancy and the 1 600 /
1 900 kr compensation for agreed places; purchased units, family homes and
emergency homes are where the rest of the youths live. Prices follow
SOURCES.md section 3 (KSL 2015 averages for Stockholms län).
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date

NACKA = "0182"
STOCKHOLM = "0180"
OBEGRANSAD = 10_000

# Family homes per kommun and the districts they lie in (name, kommun, orter).
FAMILJEHEM_ORTER: tuple[tuple[str, tuple[str, ...]], ...] = (
    (NACKA, ("Boo", "Saltsjöbaden", "Fisksätra", "Älta", "Orminge", "Ektorp", "Sickla", "Järla")),
    ("0120", ("Gustavsberg", "Hemmesta", "Ingarö")),
    ("0138", ("Trollbäcken", "Tyresö strand")),
    ("0136", ("Handen", "Vendelsö", "Brandbergen")),
    (STOCKHOLM, ("Farsta", "Bagarmossen", "Skarpnäck", "Hägersten")),
    ("0126", ("Flemingsberg", "Trångsund")),
    ("0188", ("Rimbo", "Hallstavik")),
    ("0192", ("Ösmo",)),
    ("0380", ("Gottsunda", "Storvreta")),
    ("2180", ("Sätra", "Valbo")),
    ("1981", ("Möklinta",)),
    ("0484", ("Torshälla",)),
)
FAMILJEHEM_PER_ORT = {NACKA: 4}
FAMILJEHEM_PER_ORT_ANNARS = 2
FAMILJEHEM_PLATSER = 2
ANDEL_KONSULENTSTODDA = 0.45
FAMILJEHEM_PRIS_EGNA = (400, 900)
FAMILJEHEM_PRIS_KONSULENT = (1_400, 1_900)
KONSULENTBYRAER = ("Familjehemsbyrån Ankaret", "Konsulentstödet Kompassen")


@dataclass(frozen=True)
class Enhet:
    """One row of the contract's enheter table."""

    enhet_id: str
    namn: str
    boendeform: str
    kommun: str
    regi: str | None
    dygnspris: int | None
    kapacitet: int
    """How many youths the demo lets live there at once (0 for own units: their places count)."""


@dataclass(frozen=True)
class Platsperiod:
    """One row of the contract's platser table; giltig_till is inclusive."""

    enhet_id: str
    giltig_fran: date
    giltig_till: date | None
    antal_platser: int
    platstyp: str
    alder_fran: int | None
    alder_till: int | None


# Own units: (id, name, boendeform, kommun, dygnspris). Their capacity is their places.
EGNA_ENHETER: tuple[tuple[str, str, str, str, int], ...] = (
    ("E001", "Skarpnäcks asyl-HVB", "HVB", STOCKHOLM, 2_600),
    ("E002", "Skarpnäcks asyl-HVB, avdelning Lärkan (0–13 år)", "HVB", STOCKHOLM, 2_900),
    ("E003", "Duvnäs utskog HVB", "HVB", NACKA, 2_400),
    ("E004", "Jarlabergs HVB", "HVB", NACKA, 2_300),
    ("E005", "Älta HVB", "HVB", NACKA, 2_300),
    ("E006", "Orminge HVB", "HVB", NACKA, 2_200),
    ("E007", "Björknäs träningslägenheter", "traningslagenhet", NACKA, 600),
    ("E008", "Orminge stödboende", "stodboende", NACKA, 1_100),
    ("E009", "Fisksätra stödboende", "stodboende", NACKA, 1_000),
    ("E010", "Sickla träningslägenheter", "traningslagenhet", NACKA, 600),
)

# Contracted places: (enhet, from, to, places, platstyp, age from, age to). The asylum
# places grow from 9 to 15 on 2014-10-01; after the 2017 reform the HVB places are wound
# down as the need falls, until only Duvnäs (3) and the training flats are left.
PLATSER: tuple[tuple[str, date, date | None, int, str, int | None, int | None], ...] = (
    ("E001", date(2013, 1, 1), date(2018, 9, 30), 9, "asyl", 14, 17),
    ("E001", date(2018, 10, 1), date(2019, 6, 30), 4, "asyl", 14, 17),
    ("E002", date(2014, 10, 1), date(2018, 6, 30), 6, "asyl", 0, 13),
    ("E003", date(2013, 1, 1), date(2019, 9, 30), 5, "PUT", 14, 17),
    ("E003", date(2019, 10, 1), None, 3, "PUT", 14, 17),
    ("E004", date(2013, 1, 1), date(2019, 9, 30), 3, "PUT", 14, 17),
    ("E005", date(2013, 1, 1), date(2018, 12, 31), 7, "PUT", 14, 17),
    ("E005", date(2019, 1, 1), date(2019, 9, 30), 3, "PUT", 14, 17),
    ("E006", date(2013, 1, 1), date(2018, 12, 31), 6, "PUT", 14, 17),
    ("E007", date(2013, 1, 1), None, 6, "PUT", 18, 20),
    ("E008", date(2016, 3, 1), date(2018, 12, 31), 12, "ovrig", 16, 20),
    ("E008", date(2019, 1, 1), None, 8, "ovrig", 16, 20),
    ("E009", date(2016, 9, 1), date(2019, 6, 30), 8, "ovrig", 16, 20),
    ("E010", date(2017, 1, 1), None, 8, "ovrig", 18, 20),
)

# Purchased and emergency units: (id, name, boendeform, kommun, regi, dygnspris, capacity).
KOPTA_ENHETER: tuple[tuple[str, str, str, str, str, int, int], ...] = (
    ("E101", "HVB Solsidan", "HVB", NACKA, "upphandlad", 2_100, 14),
    ("E102", "HVB Henriksdalsberget", "HVB", NACKA, "direktupphandlad", 2_300, 10),
    ("E103", "HVB Gustavsberg", "HVB", "0120", "upphandlad", 2_050, 10),
    ("E104", "HVB Jordbro gård", "HVB", "0136", "direktupphandlad", 3_300, 10),
    ("E105", "HVB Rimbo", "HVB", "0188", "upphandlad", 1_950, 12),
    ("E106", "HVB Salbohed", "HVB", "1981", "direktupphandlad", 1_800, 14),
    ("E107", "HVB Valbo", "HVB", "2180", "upphandlad", 1_850, 12),
    ("E108", "HVB Hägersten", "HVB", STOCKHOLM, "upphandlad", 2_300, 10),
    ("E109", "HVB Gottsunda", "HVB", "0380", "direktupphandlad", 2_100, OBEGRANSAD),
    ("E201", "Stödboende Sickla strand", "stodboende", NACKA, "entreprenad", 1_250, 16),
    ("E202", "Stödboende Farsta", "stodboende", STOCKHOLM, "upphandlad", 1_150, 12),
    ("E203", "Stödboende Handen", "stodboende", "0136", "upphandlad", 950, OBEGRANSAD),
    ("E301", "Jourhem Boo", "jourhem", NACKA, "egen", 1_900, 2),
    ("E302", "Jourhem Saltsjöbaden", "jourhem", NACKA, "egen", 1_900, 2),
    ("E303", "Jourhem Ektorp", "jourhem", NACKA, "konsulentstodd", 2_200, 3),
    ("E304", "Jourhem Gustavsberg", "jourhem", "0120", "konsulentstodd", 2_150, 3),
    ("E305", "Jourhem Vendelsö", "jourhem", "0136", "konsulentstodd", 2_100, 3),
    (
        "E306",
        "Jourhemsnätverket Kompassen",
        "jourhem",
        STOCKHOLM,
        "konsulentstodd",
        2_300,
        OBEGRANSAD,
    ),
    (
        "E399",
        "Familjehem via Konsulentstödet Kompassen (ramavtal)",
        "familjehem",
        STOCKHOLM,
        "konsulentstodd",
        1_850,
        OBEGRANSAD,
    ),
)
EBO = Enhet("E900", "Eget boende (EBO)", "eget_boende", NACKA, None, 0, OBEGRANSAD)
"""Youths in their own arrangement cost no dygnspris; their ekonomiskt bistånd is booked apart."""


def enheter(rng: random.Random) -> list[Enhet]:
    """All units: own, purchased, emergency homes, then the family homes."""
    egna = [Enhet(i, n, b, k, "egen", p, 0) for i, n, b, k, p in EGNA_ENHETER]
    kopta = [Enhet(*rad) for rad in KOPTA_ENHETER]
    return egna + kopta + [EBO] + familjehem(rng)


def familjehem(rng: random.Random) -> list[Enhet]:
    """Family homes, a few per district; some through a consultant agency."""
    rader: list[Enhet] = []
    for kommun, orter in FAMILJEHEM_ORTER:
        for ort in orter:
            for nummer in range(1, FAMILJEHEM_PER_ORT.get(kommun, FAMILJEHEM_PER_ORT_ANNARS) + 1):
                rader.append(_familjehem(rng, f"E{400 + len(rader):03d}", kommun, ort, nummer))
    return rader


def _familjehem(rng: random.Random, enhet_id: str, kommun: str, ort: str, nummer: int) -> Enhet:
    if rng.random() < ANDEL_KONSULENTSTODDA:
        byra = rng.choice(KONSULENTBYRAER)
        pris = rng.randrange(*FAMILJEHEM_PRIS_KONSULENT, 50)
        namn = f"Familjehem {ort} {nummer} ({byra})"
        return Enhet(
            enhet_id, namn, "familjehem", kommun, "konsulentstodd", pris, FAMILJEHEM_PLATSER
        )
    pris = rng.randrange(*FAMILJEHEM_PRIS_EGNA, 50)
    namn = f"Familjehem {ort} {nummer}"
    return Enhet(enhet_id, namn, "familjehem", kommun, "egen", pris, FAMILJEHEM_PLATSER)


def platser() -> list[Platsperiod]:
    """The contracted places of Nacka's own units."""
    return [Platsperiod(*rad) for rad in PLATSER]


def platser_pa(perioder: list[Platsperiod], enhet_id: str, dag: date) -> int:
    """Contracted places of one unit valid on a date (all platstyper)."""
    return sum(
        p.antal_platser
        for p in perioder
        if p.enhet_id == enhet_id
        and p.giltig_fran <= dag
        and (p.giltig_till is None or dag <= p.giltig_till)
    )
