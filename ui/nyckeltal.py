"""The key figures of the overview and the sentence that sums them up.

The same numbers feed the KPI tiles and the generated summary, so the words can never
disagree with the tiles. All data comes through `hamta`, like every page's.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

import polars as pl

from charts.ekonomi import senast_kanda
from ui.figurer import hamta, importerade_tabeller
from ui.filters import Filter, manadens_forsta
from ui.format import fmt_antal, fmt_datum, fmt_forandring, fmt_kr, fmt_pct
from ui.referens import kommunnamn


@dataclass(frozen=True)
class Lage:
    """The state on the reporting date, seen from the perspective municipality."""

    i_vard: int | None
    """Persons in care on the reporting date."""
    forra_manaden: int | None
    """Persons in care on the same day a month earlier."""
    forra_aret: int | None
    """Persons in care on the same day a year earlier."""
    belaggning: float | None
    """Occupancy (0–1) of the reporting date's month up to that date."""
    ack_balans: float | None
    """Balance (revenue − cost) from January through the reporting date's month."""
    ack_budget_balans: float | None
    """The budget's balance over the same months."""
    andel_hos_oss: float | None
    """Share (0–1) of those living here who are placed here by other municipalities."""

    @property
    def mot_forra_manaden(self) -> int | None:
        return _skillnad(self.i_vard, self.forra_manaden)

    @property
    def mot_forra_aret(self) -> int | None:
        return _skillnad(self.i_vard, self.forra_aret)

    @property
    def mot_budget(self) -> float | None:
        if self.ack_balans is None or self.ack_budget_balans is None:
            return None
        return self.ack_balans - self.ack_budget_balans


def _skillnad(a: int | None, b: int | None) -> int | None:
    return a - b if a is not None and b is not None else None


def lage(f: Filter) -> Lage:
    """Fetch the figures behind the overview and reduce them to the key figures."""
    manad = manadens_forsta(f.datum)
    belagg = hamta(
        "belaggning_boendeform", **f.for_figur("belaggning_boendeform", fran=manad, till=f.datum)
    )
    andel = hamta(
        "kommunoverskridande_andel",
        **f.for_figur("kommunoverskridande_andel", fran=manad, till=f.datum),
    )
    hos_oss = (
        andel.filter(pl.col("riktning") == "placerade_hos_oss").sort("manad")["andel"].to_list()
    )
    platsdygn = float(belagg["platsdygn"].sum()) if belagg.height else 0.0
    balans, budget_balans = _ack_balans(f)
    return Lage(
        i_vard=i_vard_pa(f, f.datum),
        forra_manaden=_jamforbar(f, samma_dag(f.datum, 1)),
        forra_aret=_jamforbar(f, samma_dag(f.datum, 12)),
        belaggning=float(belagg["vardygn"].sum()) / platsdygn if platsdygn else None,
        ack_balans=balans,
        ack_budget_balans=budget_balans,
        andel_hos_oss=hos_oss[-1] if hos_oss else None,
    )


def i_vard_pa(f: Filter, dag: date) -> int:
    """Persons in care on `dag` under the filters: the same count as Ålder och kön's."""
    grupper = hamta("alder_kon", **f.for_figur("alder_kon", datum=dag))
    return int(grupper["antal"].sum()) if grupper.height else 0


def _jamforbar(f: Filter, dag: date) -> int | None:
    """The count on `dag`, or None before the data begins (a 0 there would mislead)."""
    omfang = hamta("dataomfang")
    forsta = omfang["forsta_datum"][0] if omfang.height else None
    return i_vard_pa(f, dag) if forsta is not None and dag >= forsta else None


def samma_dag(dag: date, manader_tillbaka: int) -> date:
    """The same day `manader_tillbaka` months earlier, or that month's last day (31 mar → 28 feb)."""
    forsta = manadens_forsta(dag, manader_tillbaka)
    nasta = manadens_forsta(forsta, -1)
    return forsta.replace(day=min(dag.day, (nasta - timedelta(days=1)).day))


def _ack_balans(f: Filter) -> tuple[float | None, float | None]:
    """The year-to-date balance and the budget's; None for what was never imported."""
    budget = hamta(
        "budgetbalans",
        **f.for_figur("budgetbalans", fran=f.datum.replace(month=1, day=1), till=f.datum),
    )
    ack = senast_kanda(budget)
    finns = importerade_tabeller()
    balans, budget_balans = ack.get("ack_balans"), ack.get("ack_budget_balans")
    return (
        float(balans) if "ekonomi" in finns and isinstance(balans, int | float) else None,
        float(budget_balans)
        if "budget" in finns and isinstance(budget_balans, int | float)
        else None,
    )


def sammanfattning(lage: Lage, f: Filter) -> str:
    """A short summary in Swedish, one sentence per key figure that exists."""
    meningar = []
    if lage.i_vard is not None:
        meningar.append(
            f"Den {fmt_datum(f.datum)} var **{fmt_antal(lage.i_vard)}** barn och unga i vård med "
            f"{kommunnamn(f.kommun)} som ansvarig kommun, {fmt_forandring(lage.mot_forra_manaden)} "
            f"mot förra månaden och {fmt_forandring(lage.mot_forra_aret)} mot ett år tidigare."
        )
    if lage.belaggning is not None:
        meningar.append(
            f"Beläggningen på avtalade platser var **{fmt_pct(lage.belaggning)}** hittills denna månad."
        )
    if lage.ack_balans is not None and lage.mot_budget is not None:
        jamfort = "bättre" if lage.mot_budget >= 0 else "sämre"
        meningar.append(
            f"Hittills i år är balansen **{fmt_kr(lage.ack_balans)}**, "
            f"{fmt_kr(abs(lage.mot_budget))} {jamfort} än budget."
        )
    if lage.andel_hos_oss is not None:
        meningar.append(
            f"Av dem som bor i kommunen är **{fmt_pct(lage.andel_hos_oss)}** placerade här av andra kommuner."
        )
    return " ".join(meningar) or "Det finns inga data för valda filter och rapportdatum."
