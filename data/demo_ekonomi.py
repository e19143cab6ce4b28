"""The demo's ledger outcome (utfall), derived from the placements it pays for.

Why a module of its own: the budget-balance story only convinces if the
money follows the youths. Costs are care days × the placement's price for
purchased care, staff and rent for Nacka's own units, god man and
ekonomiskt bistånd per person; revenues follow the compensation rules of
SOURCES.md section 2: until 2017-06-30 actual costs, 1 900 kr per dygn in
HVB, 1 000 in stödboende and 1 900 / 1 600 per filled / vacant agreed place;
from 2017-07-01 the 1 350 kr schablon under 18 and 750 kr for PUT 18-20.
The balance therefore turns negative in 2017-07 and recovers as own units
close and cheaper housing takes over. Only Nacka's own youths are booked.
"""

from __future__ import annotations

import random
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from data.demo_csv import Manad
from data.demo_enheter import EGNA_ENHETER, NACKA, Enhet, Platsperiod
from data.demo_personer import REFORM, Person, ansvarig_pa
from data.demo_placeringar import Placering

FORSTA_MANAD = Manad(2014, 1)
SISTA_MANAD = Manad(2019, 12)
ASYL, PUT = "EKB asyl", "EKB PUT"
DYGN_HVB, DYGN_STODBOENDE, BELAGD_PLATS, TOM_PLATS = 1_900, 1_000, 1_900, 1_600
SCHABLON, SCHABLON_18_20, ANDEL_MED_STUDIEHJALP = 1_350, 750, 0.85
ANDEL_FORTSATT_VARD = 0.25
"""Share of 18-20 care in HVB/family homes, begun before 18, granted actual costs above 750 kr."""
ANVISNINGSSCHABLON, PUT_ENGANGS = 52_000, 30_000
ARLIG_ERSATTNING, ARLIG_RORLIG = 500_000, 141_750
TILLFALLIGT_KOMMUNSTOD = {Manad(2018, 2): 1_900_000, Manad(2019, 6): 1_150_000}
GOD_MAN_PER_DYGN, BISTAND_PER_DYGN, TOLK_PER_DYGN, RESOR_PER_DYGN = 130, 150, 15, 10
PERSONAL_PER_PLATSDYGN = {"HVB": 1_000, "stodboende": 520, "traningslagenhet": 180}
ANDEL_BISTAND_ERSATT = 0.5
"""Share of PUT 18-20 youths' försörjningsstöd reimbursed (no other entitlement, 30 b §)."""
SANKT_ARVODE_18_20 = (date(2019, 1, 1), 0.8)
"""From 2019 family homes of youths over 18 are paid a lowered fee (förlängd placering)."""
ARBETSGIVARAVGIFT = 0.3142
HYRA_PER_PLATS_OCH_MANAD = 9_000
EGNA = {rad[0] for rad in EGNA_ENHETER}

KONTOPLAN: tuple[tuple[str, str, str, str], ...] = (
    ("3611", "Ersättning Migrationsverket, asylsökande barn", "intakt", "statlig_ersattning"),
    ("3612", "Ersättning Migrationsverket, barn med uppehållstillstånd", "intakt", "statlig_ersattning"),
    ("3613", "Schablonersättning ensamkommande barn", "intakt", "schablon"),
    ("3614", "Schablonersättning 18–20 år", "intakt", "schablon"),
    ("3615", "Årlig ersättning och tillfälligt kommunstöd", "intakt", "statlig_ersattning"),
    ("3490", "Övriga ersättningar och intäkter", "intakt", "ovriga_intakter"),
    ("4591", "Köp av HVB-placeringar", "kostnad", "HVB"),
    ("4592", "Köp av konsulentstödd familjehemsvård", "kostnad", "familjehem"),
    ("4593", "Köp av stödboende", "kostnad", "stodboende"),
    ("4710", "Ekonomiskt bistånd", "kostnad", "ekonomiskt_bistand"),
    ("5011", "Månadslön tillsvidareanställda", "kostnad", "personal"),
    ("5611", "Arbetsgivaravgifter", "kostnad", "personal"),
    ("5460", "Arvoden familjehem och jourhem", "kostnad", "familjehem"),
    ("5461", "Omkostnadsersättning familjehem och jourhem", "kostnad", "familjehem"),
    ("5470", "Arvoden gode män", "kostnad", "god_man"),
    ("6110", "Lokalhyror", "kostnad", "ovrigt"),
    ("6450", "Tolktjänster", "kostnad", "ovrigt"),
    ("7010", "Resor och transporter", "kostnad", "ovrigt"),
)  # fmt: skip

Nyckel = tuple[Manad, str, str]


@dataclass
class Bokforing:
    """Amounts per (month, verksamhet, konto), costs positive and revenues negative. Revenues
    claimed from Migrationsverket are kept apart per ersattningstyp until the claim is granted."""

    belopp: dict[Nyckel, float]
    ansokt: dict[tuple[Manad, str, str, str], float]
    """(month, verksamhet, konto, ersattningstyp) -> amount claimed."""

    def kostnad(self, manad: Manad, verksamhet: str, konto: str, kr: float) -> None:
        if FORSTA_MANAD <= manad <= SISTA_MANAD and kr:
            self.belopp[(manad, verksamhet, konto)] += kr

    def intakt(self, manad: Manad, verksamhet: str, konto: str, kr: float, typ: str = "") -> None:
        if not typ:
            self.kostnad(manad, verksamhet, konto, -kr)
        elif FORSTA_MANAD <= manad <= SISTA_MANAD and kr:
            self.ansokt[(manad, verksamhet, konto, typ)] += kr


def kvartal(manad: Manad) -> Manad:
    """The last month of the month's quarter, the month a claim is dated to."""
    return Manad(manad.ar, (manad.manad + 2) // 3 * 3)


def manad_av(dag: date) -> Manad:
    return Manad(dag.year, dag.month)


def bokfor(
    folk: Sequence[Person],
    enheter: Sequence[Enhet],
    platser: Sequence[Platsperiod],
    placeringar: Sequence[Placering],
    uttag: date,
) -> Bokforing:
    """The month-by-month ledger of Nacka's EKB activities."""
    bok = Bokforing(defaultdict(float), defaultdict(float))
    personer = {p.person_id: p for p in folk}
    enhet = {e.enhet_id: e for e in enheter}
    for pl in placeringar:
        slut = pl.slutdatum or uttag + timedelta(days=1)
        for fran, till in _delar(personer[pl.person_id], pl.startdatum, slut):
            _vardagar(bok, personer[pl.person_id], enhet[pl.enhet_id], pl, fran, till)
    _egna_enheter(bok, enheter, platser, placeringar)
    _engangsbelopp(bok, folk)
    return bok


def _delar(p: Person, fran: date, till: date) -> list[tuple[date, date]]:
    """[fran, till) cut at month starts and at the person's turning points."""
    brytpunkter = {REFORM, p.vuxen_fran()}
    brytpunkter |= {p.tillstand_datum} if p.tillstand_datum else set()
    brytpunkter |= {p.overflyttning[0]} if p.overflyttning else set()
    manad = manad_av(fran).nasta()
    while manad.forsta_dag() < till:
        brytpunkter.add(manad.forsta_dag())
        manad = manad.nasta()
    punkter = [fran] + sorted(d for d in brytpunkter if fran < d < till) + [till]
    return [
        (a, b) for a, b in zip(punkter, punkter[1:], strict=False) if ansvarig_pa(p, a) == NACKA
    ]


def _vardagar(bok: Bokforing, p: Person, e: Enhet, pl: Placering, fran: date, till: date) -> None:
    """Cost and compensation of one person's care days within one month."""
    dygn, manad = (till - fran).days, manad_av(fran)
    verksamhet = ASYL if p.tillstand_pa(fran) in ("asylsokande", "avslag") else PUT
    konto = "3611" if verksamhet == ASYL else "3612"
    vuxen = fran >= p.vuxen_fran()
    pris = float(pl.dygnskostnad if pl.dygnskostnad is not None else e.dygnspris or 0)
    if vuxen and e.boendeform == "familjehem" and fran >= SANKT_ARVODE_18_20[0]:
        pris *= SANKT_ARVODE_18_20[1]
    kostnad = _vardkostnad(bok, manad, verksamhet, e, dygn * pris)
    bok.kostnad(manad, verksamhet, "6450", dygn * TOLK_PER_DYGN)
    bok.kostnad(manad, verksamhet, "7010", dygn * RESOR_PER_DYGN)
    if not vuxen:
        bok.kostnad(manad, verksamhet, "5470", dygn * GOD_MAN_PER_DYGN)
    elif e.boendeform in ("eget_boende", "traningslagenhet"):
        _bistand(bok, manad, verksamhet, fran, dygn * BISTAND_PER_DYGN)
    if fran < REFORM:
        ovrigt = dygn * (TOLK_PER_DYGN + RESOR_PER_DYGN)
        bok.intakt(manad, verksamhet, konto, ovrigt, "dygnsersattning")
        _ersattning_fore_reformen(bok, manad, verksamhet, e, vuxen, dygn, kostnad)
        return
    _ersattning_efter_reformen(bok, manad, verksamhet, vuxen, dygn)
    if vuxen and e.boendeform in ("HVB", "familjehem"):
        kr = max(0.0, kostnad - dygn * SCHABLON_18_20) * ANDEL_FORTSATT_VARD
        bok.intakt(manad, verksamhet, konto, kr, "dygnsersattning")


def _bistand(bok: Bokforing, manad: Manad, verksamhet: str, fran: date, kr: float) -> None:
    """Ekonomiskt bistånd at 18-20: actual costs before the reform, then only for PUT (30 b §)."""
    bok.kostnad(manad, verksamhet, "4710", kr)
    if fran < REFORM:
        bok.intakt(manad, verksamhet, "3611" if verksamhet == ASYL else "3612", kr, "bistand")
    elif verksamhet == PUT:
        bok.intakt(manad, verksamhet, "3612", kr * ANDEL_BISTAND_ERSATT, "bistand")


def _vardkostnad(bok: Bokforing, manad: Manad, verksamhet: str, e: Enhet, kr: float) -> float:
    """Books purchased care and family-home fees; own units are paid through staff and rent."""
    if e.enhet_id in EGNA or e.boendeform == "eget_boende":
        return kr
    if e.boendeform in ("familjehem", "jourhem") and e.regi == "egen":
        bok.kostnad(manad, verksamhet, "5460", kr * 0.6)
        bok.kostnad(manad, verksamhet, "5461", kr * 0.4)
        return kr
    konto = {"HVB": "4591", "stodboende": "4593"}.get(e.boendeform, "4592")
    bok.kostnad(manad, verksamhet, konto, kr)
    return kr


def _ersattning_fore_reformen(
    bok: Bokforing, manad: Manad, verksamhet: str, e: Enhet, vuxen: bool, dygn: int, kostnad: float
) -> None:
    """Until 2017-06-30: flat rates for HVB and stödboende, otherwise actual costs."""
    konto = "3611" if verksamhet == ASYL else "3612"
    if e.enhet_id in EGNA and e.boendeform == "HVB":
        return  # paid per agreed place in _egna_enheter
    if not vuxen:
        bok.intakt(manad, verksamhet, konto, dygn * GOD_MAN_PER_DYGN, "god_man")
    if e.boendeform == "stodboende" and not vuxen:
        bok.intakt(manad, verksamhet, konto, dygn * DYGN_STODBOENDE, "dygnsersattning")
    elif e.boendeform == "HVB" and not vuxen and verksamhet == ASYL:
        bok.intakt(manad, verksamhet, konto, dygn * DYGN_HVB, "dygnsersattning")
    elif e.boendeform != "eget_boende":
        bok.intakt(manad, verksamhet, konto, kostnad, "dygnsersattning")


def _ersattning_efter_reformen(
    bok: Bokforing, manad: Manad, verksamhet: str, vuxen: bool, dygn: int
) -> None:
    """From 2017-07-01: 1 350 kr under 18; 750 kr for PUT 18-20 with studiehjälp."""
    if not vuxen:
        bok.intakt(manad, verksamhet, "3613", dygn * SCHABLON, "schablon")
    elif verksamhet == PUT:
        kr = dygn * SCHABLON_18_20 * ANDEL_MED_STUDIEHJALP
        bok.intakt(manad, verksamhet, "3614", kr, "schablon")


def _egna_enheter(
    bok: Bokforing,
    enheter: Sequence[Enhet],
    platser: Sequence[Platsperiod],
    placeringar: Sequence[Placering],
) -> None:
    """Staff and rent per contracted place; before the reform 1 900 / 1 600 kr per agreed place."""
    former = {e.enhet_id: e.boendeform for e in enheter}
    for pp in platser:
        verksamhet = ASYL if pp.platstyp == "asyl" else PUT
        boende = [pl for pl in placeringar if pl.enhet_id == pp.enhet_id]
        manad = max(manad_av(pp.giltig_fran), FORSTA_MANAD)
        while manad <= SISTA_MANAD and (
            pp.giltig_till is None or manad.forsta_dag() <= pp.giltig_till
        ):
            platsdygn, belagda = _platsdygn(pp, boende, manad)
            personal = platsdygn * PERSONAL_PER_PLATSDYGN[former[pp.enhet_id]]
            bok.kostnad(manad, verksamhet, "5011", personal)
            bok.kostnad(manad, verksamhet, "5611", personal * ARBETSGIVARAVGIFT)
            bok.kostnad(manad, verksamhet, "6110", HYRA_PER_PLATS_OCH_MANAD * pp.antal_platser)
            if pp.platstyp in ("asyl", "PUT") and manad.forsta_dag() < REFORM:
                kr = belagda * BELAGD_PLATS + max(platsdygn - belagda, 0) * TOM_PLATS
                konto = "3611" if verksamhet == ASYL else "3612"
                bok.intakt(manad, verksamhet, konto, kr, "dygnsersattning")
            manad = manad.nasta()


def _platsdygn(pp: Platsperiod, boende: Sequence[Placering], manad: Manad) -> tuple[int, int]:
    """Place-days of the period in the month, and the care days spent on them."""
    fran = max(pp.giltig_fran, manad.forsta_dag())
    till = manad.nasta().forsta_dag()
    if pp.giltig_till is not None:
        till = min(till, pp.giltig_till + timedelta(days=1))
    belagda = sum(
        max(0, (min(till, pl.slutdatum or till) - max(fran, pl.startdatum)).days) for pl in boende
    )
    platsdygn = max(0, (till - fran).days) * pp.antal_platser
    return platsdygn, min(belagda, platsdygn)


def _engangsbelopp(bok: Bokforing, folk: Sequence[Person]) -> None:
    """Yearly payments, one-off amounts per anvisning and PUT, the temporary kommunstöd."""
    manad = FORSTA_MANAD
    while manad <= SISTA_MANAD:
        rorlig = ARLIG_RORLIG if manad.forsta_dag() >= REFORM else 0
        bok.intakt(manad, ASYL, "3615", (ARLIG_ERSATTNING + rorlig) / 12)
        bok.intakt(manad, ASYL, "3615", TILLFALLIGT_KOMMUNSTOD.get(manad, 0))
        manad = manad.nasta()
    for p in folk:
        if p.ansvarig == NACKA and p.anvisningsdatum >= REFORM:
            bok.intakt(manad_av(p.anvisningsdatum), ASYL, "3613", ANVISNINGSSCHABLON, "schablon")
        if p.tillstand_datum and p.tillstand_datum >= REFORM and p.tillstand in ("PUT", "TUT"):
            if ansvarig_pa(p, p.tillstand_datum) == NACKA:
                bok.intakt(manad_av(p.tillstand_datum), PUT, "3612", PUT_ENGANGS, "god_man")


def utfall(
    rng: random.Random, bok: Bokforing, beviljat: dict[tuple[Manad, str], float]
) -> dict[Nyckel, float]:
    """The booked outcome: granted claims added, and a little noise per row, since real
    ledgers are never exactly the model."""
    belopp = defaultdict(float, bok.belopp)
    for (manad, verksamhet, konto, typ), kr in bok.ansokt.items():
        belopp[(manad, verksamhet, konto)] -= kr * beviljat[(kvartal(manad), typ)]
    return {k: v * (1 + rng.gauss(0, 0.015)) for k, v in belopp.items()}
