"""The key figures of the overview and the sentence that sums them up.

The same numbers feed the KPI tiles and the generated summary, so the words can never
disagree with the tiles. Every number is a column of a figure in `queries/`
(`i_vard_nyckeltal`, `belaggning_period`, `budgetbalans_hittills`,
`kommunoverskridande_andel`); this module only picks them and says whose they are.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

import polars as pl

from charts.text import md
from queries.skydd import maskgrans
from ui.figurer import hamta, importerade_tabeller
from ui.filters import Filter, manadens_forsta
from ui.format import fmt_antal, fmt_datum, fmt_forandring, fmt_kr, fmt_manad, fmt_pct
from ui.referens import kommunnamn

PERSONANTAL = frozenset({"i_vard", "mot_forra_manaden", "mot_forra_aret"})
"""The overview's fields that count persons (the others are shares and kronor)."""


@dataclass(frozen=True)
class Lage:
    """The state on the reporting date, seen from the perspective municipality."""

    i_vard: int | None
    """Persons in care on the reporting date."""
    mot_forra_manaden: int | None
    """Change against the same day a month earlier (positive: more in care now)."""
    mot_forra_aret: int | None
    """Change against the same day a year earlier."""
    belaggning: float | None
    """Occupancy (0–1) of the data owner's places in the reporting date's month up to it."""
    ack_balans: float | None
    """The data owner's balance (revenue − cost), year to date (docs/metrics.md)."""
    mot_budget: float | None
    """Year-to-date balance minus the budget's (positive: better than budget)."""
    andel_hos_oss: float | None
    """Share (0–1) of those living here who are placed here by other municipalities."""
    agare: str | None = None
    """The data owner: the municipality whose export was imported (kommunkod)."""
    agare_namn: str | None = None
    """The data owner's name."""
    till_manad: str | None = None
    """The last month (`YYYY-MM`) the year to date covers."""
    maskerade: frozenset[str] = frozenset()
    """Fields the protected view hides (`i_vard`, `mot_forra_manaden`, …): shown as `<5` (counts
    of persons) or `dold` (shares), never spelled out in a sentence."""

    def visa(self, falt: str, fmt: Callable[[Any], str]) -> str:
        """A field as text for a tile: `<5` when a masked count of persons, `dold` when a
        masked share (a `<5` would misstate it as a small number)."""
        if falt not in self.maskerade:
            return fmt(getattr(self, falt))
        return f"<{maskgrans()}" if falt in PERSONANTAL else "dold"

    def egen_data(self, kommun: str) -> bool:
        """Whether occupancy, ledger and budget are `kommun`'s own (it is the data owner)."""
        return self.agare is None or self.agare == kommun


def _rad(namn: str, **params: Any) -> dict[str, Any]:
    """The one row of a one-row figure, or an empty dict."""
    df = hamta(namn, **params)
    return df.row(0, named=True) if df.height else {}


def lage(f: Filter) -> Lage:
    """Fetch the figures behind the overview."""
    manad = manadens_forsta(f.datum)
    i_vard = _rad("i_vard_nyckeltal", **f.for_figur("i_vard_nyckeltal"))
    belagg = _rad("belaggning_period", **f.for_figur("belaggning_period", fran=manad, till=f.datum))
    ar = _rad("budgetbalans_hittills", **f.for_figur("budgetbalans_hittills"))
    omfang = _rad("dataomfang")
    finns = importerade_tabeller()
    andel = andel_rad(f, manad)
    maskerade = {
        falt
        for falt, (rad, kolumn) in {
            "i_vard": (i_vard, "antal_i_vard"),
            "mot_forra_manaden": (i_vard, "forandring_manad"),
            "mot_forra_aret": (i_vard, "forandring_ar"),
            "belaggning": (belagg, "belaggning"),
            "andel_hos_oss": (andel, "andel"),
        }.items()
        if rad.get(f"{kolumn}_maskerad")
    }
    return Lage(
        i_vard=i_vard.get("antal_i_vard"),
        mot_forra_manaden=i_vard.get("forandring_manad"),
        mot_forra_aret=i_vard.get("forandring_ar"),
        belaggning=belagg.get("belaggning"),
        ack_balans=ar.get("ack_balans") if "ekonomi" in finns else None,
        mot_budget=ar.get("avvikelse_mot_budget") if {"ekonomi", "budget"} <= finns else None,
        andel_hos_oss=andel.get("andel"),
        agare=omfang.get("perspektivkommun"),
        agare_namn=omfang.get("perspektivkommun_namn"),
        till_manad=ar.get("till_manad"),
        maskerade=frozenset(maskerade),
    )


def andel_rad(f: Filter, manad: date) -> dict[str, Any]:
    """The share's row on the reporting date: the last stock date of the month so far."""
    andel = hamta(
        "kommunoverskridande_andel",
        **f.for_figur("kommunoverskridande_andel", fran=manad, till=f.datum),
    )
    rader = andel.filter(pl.col("riktning") == "placerade_hos_oss").sort("manad")
    return rader.row(-1, named=True) if rader.height else {}


def agarens_namn(lage: Lage) -> str:
    """The data owner as Markdown-safe text (the name comes from the data)."""
    return md(lage.agare_namn or lage.agare or "")


def inte_tillganglig(lage: Lage, f: Filter) -> str:
    """Why occupancy and money are not shown for a perspective that is not the data owner."""
    return (
        f"Finns inte för {md(kommunnamn(f.kommun))}: avtalade platser, huvudbok och budget "
        f"finns bara för {agarens_namn(lage)}, vars data är importerade."
    )


def sammanfattning(lage: Lage, f: Filter) -> str:
    """A short summary in Swedish, one sentence per key figure that exists."""
    meningar = []
    if "i_vard" in lage.maskerade:
        # a masked count is never spelled out, nor its change
        meningar.append(
            f"Den {fmt_datum(f.datum)} var färre än {maskgrans()} barn och unga i vård med "
            f"{md(kommunnamn(f.kommun))} som ansvarig kommun."
        )
    elif lage.i_vard is not None:
        meningar.append(
            f"Den {fmt_datum(f.datum)} var **{fmt_antal(lage.i_vard)}** barn och unga i vård med "
            f"{md(kommunnamn(f.kommun))} som ansvarig kommun, "
            f"{fmt_forandring(lage.mot_forra_manaden)} mot förra månaden och "
            f"{fmt_forandring(lage.mot_forra_aret)} mot ett år tidigare."
        )
    if not lage.egen_data(f.kommun):
        meningar.append(
            f"Beläggning och ekonomi finns bara för {agarens_namn(lage)}, vars data är "
            f"importerade, och visas därför inte för {md(kommunnamn(f.kommun))}."
        )
    else:
        meningar.extend(_agarens_meningar(lage))
    if lage.andel_hos_oss is not None and "andel_hos_oss" not in lage.maskerade:
        meningar.append(
            f"Av dem som bor i kommunen är **{fmt_pct(lage.andel_hos_oss)}** placerade här av andra kommuner."
        )
    return " ".join(meningar) or "Det finns inga data för valda filter och rapportdatum."


def _agarens_meningar(lage: Lage) -> list[str]:
    """The occupancy and money sentences, naming the data owner whose figures they are."""
    vems = f" ({agarens_namn(lage)})" if lage.agare else ""
    meningar = []
    if lage.belaggning is not None and "belaggning" not in lage.maskerade:
        meningar.append(
            f"Beläggningen på avtalade platser{vems} var **{fmt_pct(lage.belaggning)}** "
            "hittills denna månad."
        )
    if lage.ack_balans is not None and lage.mot_budget is not None:
        jamfort = "bättre" if lage.mot_budget >= 0 else "sämre"
        tom = f" till och med {fmt_manad(lage.till_manad)}" if lage.till_manad else ""
        meningar.append(
            f"Hittills i år{tom} är balansen{vems} **{fmt_kr(lage.ack_balans)}**, "
            f"{fmt_kr(abs(lage.mot_budget))} {jamfort} än budget."
        )
    return meningar
