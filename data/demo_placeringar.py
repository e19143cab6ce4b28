"""The demo's placements: each youth's path through the units, without overlaps.

Why a module of its own: this is where the story's turning points become
rows. Youths start in emergency homes (jourhem) during the 2015 surge,
live in HVB or family homes, move from HVB to stödboende in May-June 2017
when the compensation reform comes, and go to training flats or their own
arrangement (EBO) at 18. Units are filled in the order of the anvisningar
and never beyond their places, so occupancy reads like a real agreement.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from data.demo_enheter import NACKA, OBEGRANSAD, Enhet, Platsperiod, platser_pa
from data.demo_personer import UTTAGSDATUM, Person, vikta

STODBOENDE_FRAN = date(2016, 1, 1)
FLYTTVAG_START = date(2017, 5, 1)
"""The HVB -> stödboende wave of May-June 2017, before the 1 350 kr schablon."""
ANDEL_I_FLYTTVAGEN = 0.88
SENA_ANKOMSTER = date(2017, 7, 1)
HVB_NEDDRAGNING = (date(2018, 1, 1), 0.9)
"""From 2018 most HVB stays are ended within a year as the own HVB places are cut."""
SURGE = (date(2015, 7, 1), date(2016, 3, 31))
ANDEL_JOURHEM = {True: 0.55, False: 0.2}
EBO_VISTELSE = {NACKA: 62, "0180": 25, "0181": 10, "0127": 10, "0126": 10, "1480": 5}
KORTASTE_EGNA = timedelta(days=60)
"""An own place free for at least this long is used even if the youth must move on later."""
EGNA_PUT_HVB = ("E003", "E004", "E005", "E006")
NY_STODBOENDEPRIS = (date(2018, 1, 1), 900)
"""Stödboende contracts renegotiated for 2018 as the state rate fell."""


@dataclass(frozen=True)
class Placering:
    """One row of the contract's placeringar table."""

    placering_id: str
    person_id: str
    enhet_id: str
    startdatum: date
    slutdatum: date | None
    dygnskostnad: int | None
    vistelsekommun: str | None


class Belaggning:
    """Who lives in which unit when, so that no unit is filled beyond its capacity."""

    def __init__(self, enheter: Sequence[Enhet], platser: list[Platsperiod]) -> None:
        self.enheter = {e.enhet_id: e for e in enheter}
        self.platser = platser
        self.med_platser = {p.enhet_id for p in platser}
        self.bokat: dict[str, list[tuple[date, date]]] = {e.enhet_id: [] for e in enheter}

    def kapacitet(self, enhet_id: str, dag: date) -> int:
        if enhet_id in self.med_platser:
            return platser_pa(self.platser, enhet_id, dag)
        return self.enheter[enhet_id].kapacitet

    def ledig_till(self, enhet_id: str, fran: date, till: date) -> date:
        """The first day in [fran, till) on which the unit is full; till if it never is."""
        bokat = self.bokat[enhet_id]
        andringar = [p.giltig_fran for p in self.platser if p.enhet_id == enhet_id] + [
            p.giltig_till + timedelta(days=1)
            for p in self.platser
            if p.enhet_id == enhet_id and p.giltig_till is not None
        ]
        punkter = sorted({fran} | {d for d in [s for s, _ in bokat] + andringar if fran < d < till})
        for dag in punkter:
            if sum(1 for s, e in bokat if s <= dag < e) >= self.kapacitet(enhet_id, dag):
                return dag
        return till

    def boka(self, enhet_id: str, fran: date, till: date) -> None:
        self.bokat[enhet_id].append((fran, till))


def placeringar(
    rng: random.Random, folk: list[Person], enheter: Sequence[Enhet], platser: list[Platsperiod]
) -> list[Placering]:
    """Every youth's placements in anvisning order, numbered PL000001..."""
    belaggning = Belaggning(enheter, platser)
    rader: list[Placering] = []
    for p in folk:
        for enhet, fran, till, vistelse in _kedja(rng, p, belaggning):
            rader.append(_rad(f"PL{len(rader) + 1:06d}", p, enhet, fran, till, vistelse))
    return rader


def _rad(
    placering_id: str, p: Person, enhet: Enhet, fran: date, till: date, vistelse: str | None
) -> Placering:
    slut = till if till <= UTTAGSDATUM else None
    pris = None
    if enhet.boendeform == "stodboende" and enhet.regi != "egen" and fran >= NY_STODBOENDEPRIS[0]:
        pris = NY_STODBOENDEPRIS[1]
    return Placering(placering_id, p.person_id, enhet.enhet_id, fran, slut, pris, vistelse)


def _kedja(
    rng: random.Random, p: Person, belaggning: Belaggning
) -> list[tuple[Enhet, date, date, str | None]]:
    """One youth's placements from the anvisning to the end of care."""
    slut = min(p.vard_slut, UTTAGSDATUM + timedelta(days=1))
    dag, form = p.anvisningsdatum, _forsta_form(rng, p)
    planerat = _stadiets_slut(rng, p, form, dag)
    kedja: list[tuple[Enhet, date, date, str | None]] = []
    while dag < slut:
        enhet, till = _valj_enhet(rng, p, form, dag, min(planerat, slut), belaggning)
        belaggning.boka(enhet.enhet_id, dag, till)
        vistelse = _vistelse(rng, p, enhet)
        if kedja and kedja[-1][0] == enhet and kedja[-1][3] == vistelse:
            kedja[-1] = (enhet, kedja[-1][1], till, vistelse)  # a new stage in the same home
        else:
            kedja.append((enhet, dag, till, vistelse))
        dag = till
        if dag >= planerat:
            form = _nasta_form(rng, p, form, dag)
            planerat = _stadiets_slut(rng, p, form, dag)
    return kedja


def _vistelse(rng: random.Random, p: Person, enhet: Enhet) -> str | None:
    """Where a youth of ours in EBO lives; blank when it is the unit's own kommun."""
    if enhet.boendeform != "eget_boende" or p.ansvarig != NACKA:
        return None
    kommun = vikta(rng, EBO_VISTELSE)
    return None if kommun == enhet.kommun else kommun


def _forsta_form(rng: random.Random, p: Person) -> str:
    start = p.anvisningsdatum
    if p.alder_pa(start) < 14:
        return "familjehem" if rng.random() < 0.4 else "HVB"
    if rng.random() < ANDEL_JOURHEM[SURGE[0] <= start <= SURGE[1]]:
        return "jourhem"
    return _hvb_eller_familjehem(rng, p, start)


def _hvb_eller_familjehem(rng: random.Random, p: Person, dag: date) -> str:
    andel_hvb = 0.3 if dag >= SENA_ANKOMSTER else 0.62
    if p.kon == "K":
        andel_hvb /= 2
    return "HVB" if rng.random() < andel_hvb else "familjehem"


def _stadiets_slut(rng: random.Random, p: Person, form: str, dag: date) -> date:
    """When a stage of care is planned to end (the unit may change within it)."""
    if form == "jourhem":
        return dag + timedelta(days=rng.randint(10, 75))
    if form == "HVB":
        return _hvb_slut(rng, p, dag)
    arton = max(p.vuxen_fran(), dag + timedelta(days=30))
    if form in ("familjehem", "stodboende") and rng.random() < 0.4:
        return arton + timedelta(days=rng.randint(0, 300))
    return p.vard_slut


def _hvb_slut(rng: random.Random, p: Person, dag: date) -> date:
    """HVB ends at 18, in the 2017 wave, or (after the reform) within a year."""
    slut = [p.vuxen_fran() + timedelta(days=rng.randint(0, 60))]
    if dag < FLYTTVAG_START and p.alder_pa(FLYTTVAG_START) >= 16:
        if rng.random() < ANDEL_I_FLYTTVAGEN:
            slut.append(FLYTTVAG_START + timedelta(days=rng.randint(0, 60)))
    if dag >= SENA_ANKOMSTER - timedelta(days=60):
        slut.append(dag + timedelta(days=rng.randint(90, 300)))
    if rng.random() < HVB_NEDDRAGNING[1]:
        slut.append(max(dag, HVB_NEDDRAGNING[0]) + timedelta(days=rng.randint(30, 300)))
    tidig = dag + timedelta(days=rng.randint(150, 500))
    if tidig >= STODBOENDE_FRAN and p.alder_pa(tidig) >= 16 and rng.random() < 0.25:
        slut.append(tidig)
    return max(min(slut), dag + timedelta(days=14))


def _nasta_form(rng: random.Random, p: Person, form: str, dag: date) -> str:
    vuxen = p.alder_pa(dag) >= 18
    if form == "jourhem":
        return "familjehem" if p.alder_pa(dag) < 14 else _hvb_eller_familjehem(rng, p, dag)
    if not vuxen and form in ("HVB", "familjehem"):
        if dag >= STODBOENDE_FRAN and p.alder_pa(dag) >= 16 and form == "HVB":
            return "stodboende"
        return "familjehem" if dag >= HVB_NEDDRAGNING[0] else form
    if form in ("traningslagenhet", "eget_boende"):
        return form
    return vikta(rng, {"traningslagenhet": 40, "eget_boende": 25, "stodboende": 35})


def _valj_enhet(
    rng: random.Random, p: Person, form: str, dag: date, till: date, belaggning: Belaggning
) -> tuple[Enhet, date]:
    """The first unit with room, own units first; the last resort has unlimited room."""
    for enhet, slut in _kandidater(rng, p, form, dag, till, belaggning.enheter.values()):
        if slut <= dag:
            continue
        ledig = belaggning.ledig_till(enhet.enhet_id, dag, slut)
        if ledig == slut or (_ar_egen(enhet) and ledig >= dag + KORTASTE_EGNA):
            return enhet, _flytt_vid_tillstand(rng, p, enhet, dag, ledig, belaggning)
    if p.ansvarig != NACKA:
        return belaggning.enheter["E900"], till
    return _reserv(form, belaggning.enheter), till


def _flytt_vid_tillstand(
    rng: random.Random, p: Person, enhet: Enhet, dag: date, till: date, belaggning: Belaggning
) -> date:
    """A youth in purchased HVB who gets a permit moves to an own PUT place if one is free."""
    if enhet.boendeform != "HVB" or _ar_egen(enhet) or p.ansvarig != NACKA:
        return till
    if p.tillstand_datum is None or p.tillstand not in ("PUT", "TUT"):
        return till
    flytt = p.tillstand_datum + timedelta(days=rng.randint(14, 60))
    if not dag < flytt < till:
        return till
    for egen in (belaggning.enheter[i] for i in EGNA_PUT_HVB):
        slut = _egen_slut(p, egen, flytt, till)
        if slut > flytt and belaggning.ledig_till(egen.enhet_id, flytt, slut) == slut:
            return flytt
    return till


def _reserv(form: str, enheter: dict[str, Enhet]) -> Enhet:
    obegransade = [
        e for e in enheter.values() if e.boendeform == form and e.kapacitet == OBEGRANSAD
    ]
    return obegransade[0] if obegransade else enheter["E900"]


def _kandidater(
    rng: random.Random, p: Person, form: str, dag: date, till: date, enheter: Iterable[Enhet]
) -> list[tuple[Enhet, date]]:
    alla = [e for e in enheter if e.boendeform == form]
    if p.ansvarig != NACKA:
        lokala = [e for e in alla if e.kommun == NACKA and e.regi != "egen"]
        return [(e, till) for e in _blanda(rng, lokala, lambda _e: 1.0)]
    egna = [(e, _egen_slut(p, e, dag, till)) for e in alla if _ar_egen(e)]
    rng.shuffle(egna)
    ovriga = _blanda(rng, [e for e in alla if not _ar_egen(e)], _lagesvikt)
    return egna + [(e, till) for e in ovriga]


def _ar_egen(e: Enhet) -> bool:
    """Own units and emergency homes are used first; own family homes compete on location."""
    return e.regi == "egen" and e.boendeform != "familjehem"


def _egen_slut(p: Person, e: Enhet, dag: date, till: date) -> date:
    """Own units take whom their places are for. Asylum places: asylum seekers of the right
    age, until the permit. PUT HVB places: anyone under 18, since from the 2015 surge on
    every free bed was used."""
    if e.enhet_id in ("E001", "E002"):
        if p.tillstand_pa(dag) != "asylsokande" or (p.alder_pa(dag) < 14) != (e.enhet_id == "E002"):
            return dag
        permit = p.tillstand_datum or till
        return min(till, permit + timedelta(days=21), p.vuxen_fran())
    if e.enhet_id in EGNA_PUT_HVB:
        return min(till, p.vuxen_fran())
    return till


def _lagesvikt(e: Enhet) -> float:
    if e.kommun == NACKA:
        return 6.0
    return 2.0 if e.kommun.startswith("01") else 1.0


def _blanda(
    rng: random.Random, enheter: list[Enhet], vikt: Callable[[Enhet], float]
) -> list[Enhet]:
    """A weighted random order (Efraimidis-Spirakis keys)."""
    nycklar = [(rng.random() ** (1.0 / vikt(e)), e.enhet_id, e) for e in enheter]
    return [e for _, _, e in sorted(nycklar, reverse=True)]
