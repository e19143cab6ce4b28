"""The demo's ledger rows, budget and compensation claims, built from the bookings.

Why a module of its own: the ledger outcome (demo_ekonomi) is what happened;
this module turns it into what the financial system exports. Corrections
with the opposite sign, a budget set each autumn from last year's outcome
(so it misses the 2015 surge and the 2017 reform, as real budgets did), and
quarterly claims to Migrationsverket with what was granted.
"""

from __future__ import annotations

import random
from collections import defaultdict
from decimal import Decimal

from data.demo_csv import Manad, kronor
from data.demo_ekonomi import ASYL, FORSTA_MANAD, PUT, SISTA_MANAD, Bokforing, Nyckel, kvartal

# Corrections booked as their own rows: (month, verksamhet, konto, amount).
RATTELSER: tuple[tuple[Manad, str, str, int], ...] = (
    (Manad(2015, 3), ASYL, "4591", -84_500),  # credit note for a double-invoiced HVB month
    (Manad(2016, 11), PUT, "4592", -36_750),  # agency refund for a placement that ended early
    (Manad(2017, 9), ASYL, "3613", 48_600),  # schablon paid for a youth found to be 18
    (Manad(2018, 11), ASYL, "3611", 212_000),  # återkrav of 2016 actual-cost compensation
    (Manad(2019, 2), PUT, "5011", -62_300),  # wrongly booked salary moved to another activity
)
# Each year's budget is last year's outcome times a planning factor (2014: its own outcome).
BUDGETFAKTOR = {2014: 0.97, 2015: 1.1, 2016: 1.55, 2017: 0.95, 2018: 0.85, 2019: 0.8}
BEVILJAD_ANDEL = (0.94, 1.0)
"""The share of a claim Migrationsverket grants; schablons are paid in full."""


def ekonomirader(bokforda: dict[Nyckel, float]) -> list[tuple[Manad, str, str, Decimal]]:
    """The ledger outcome as the financial system exports it, corrections last."""
    rader = [(m, v, k, kronor(b)) for (m, v, k), b in sorted(bokforda.items()) if round(b, 2)]
    return rader + [(m, v, k, kronor(b)) for m, v, k, b in RATTELSER]


def budgetrader(bokforda: dict[Nyckel, float]) -> list[tuple[Manad, str, str, Decimal]]:
    """A monthly budget per verksamhet and konto, in whole thousands of kronor."""
    per_ar: dict[tuple[int, str, str], float] = defaultdict(float)
    for (manad, verksamhet, konto), belopp in bokforda.items():
        per_ar[(manad.ar, verksamhet, konto)] += belopp
    rader = []
    for ar, faktor in BUDGETFAKTOR.items():
        grund = ar if ar == FORSTA_MANAD.ar else ar - 1
        for (a, verksamhet, konto), belopp in sorted(per_ar.items()):
            manadsbelopp = round(belopp * faktor / 12, -3)
            if a == grund and manadsbelopp:
                rader += [
                    (Manad(ar, m), verksamhet, konto, kronor(manadsbelopp)) for m in range(1, 13)
                ]
    return sorted(rader)


def beviljade_andelar(rng: random.Random, bok: Bokforing) -> dict[tuple[Manad, str], float]:
    """The share Migrationsverket grants of each quarter's claim of each ersattningstyp."""
    claims = sorted({(kvartal(manad), typ) for manad, _, _, typ in bok.ansokt})
    return {
        (kv, typ): 1.0 if typ == "schablon" else rng.uniform(*BEVILJAD_ANDEL) for kv, typ in claims
    }


def ansokningsrader(
    bok: Bokforing, andelar: dict[tuple[Manad, str], float]
) -> list[tuple[Manad, str, Decimal, Decimal | None]]:
    """One claim per quarter and ersattningstyp; the last quarter is not yet decided."""
    sokt: dict[tuple[Manad, str], float] = defaultdict(float)
    for (manad, _, _, typ), belopp in bok.ansokt.items():
        sokt[(kvartal(manad), typ)] += belopp
    return [
        (kv, typ, kronor(kr), None if kv == SISTA_MANAD else kronor(kr * andelar[(kv, typ)]))
        for (kv, typ), kr in sorted(sokt.items())
    ]
