"""Values and generated Swedish sentences of the report and the presentation mode.

A masked cell is null in the frame from ``queries.skydd.skydda``; here it becomes the text
``<5`` in a table and ``ett skyddat antal`` in a sentence, never a number: a cell may be masked to protect
another and hold 5 or more, so a sentence does not say it is small. The PDF and the dashboard's presentation mode call the same functions, so paper
and screen say the same thing.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date
from decimal import Decimal

import polars as pl

from charts.format import fmt_antal, fmt_kr, fmt_pct

MANADER_LANGA = (
    "januari februari mars april maj juni juli augusti september oktober november december"
).split()

Format = Callable[[float | int | None], str]

SKYDDAT = "ett skyddat antal"
"""A masked count in a sentence: primary and secondary masks look alike (telling them apart
would narrow the bounds on the small one), so the words claim nothing about its size."""


def datum_text(dag: date) -> str:
    """`30 januari 2017`, as in a sentence."""
    return f"{dag.day} {MANADER_LANGA[dag.month - 1]} {dag.year}"


def manad_text(manad: str) -> str:
    """`2017-01` → `januari 2017`."""
    ar, man = manad.split("-")
    return f"{MANADER_LANGA[int(man) - 1]} {ar}"


class Varden:
    """One row of a figure, read with its masking flags: masked cells read as ``<5``."""

    def __init__(self, rad: Mapping[str, object], grans: int) -> None:
        self.rad = rad
        self.grans = grans

    def dold(self, kolumn: str) -> bool:
        """Whether the cell may not be shown (masked, or a total flagged as masked)."""
        flaggor = (f"{kolumn}_maskerad", f"{kolumn}_summa_maskerad", f"{kolumn}_dold")
        return any(bool(self.rad.get(f)) for f in flaggor)

    def text(self, kolumn: str, fmt: Format = fmt_antal) -> str:
        """The cell for a table: ``<5`` when masked."""
        if self.dold(kolumn):
            return f"<{self.grans}"
        return fmt(self._tal(kolumn))

    def kronor(self, kolumn: str) -> str:
        """An amount for a table or a sentence: ``dold`` when masked (``<5`` would read as
        a small sum; docs/skydd.md "Representation")."""
        return "dold" if self.dold(kolumn) else fmt_kr(self._tal(kolumn))

    def ord(self, kolumn: str) -> str:
        """A count for a sentence: ``ett skyddat antal`` when masked."""
        return SKYDDAT if self.dold(kolumn) else fmt_antal(self._tal(kolumn))

    def tal(self, kolumn: str) -> float | None:
        """The value for arithmetic in a sentence; None when masked or missing."""
        return None if self.dold(kolumn) else self._tal(kolumn)

    def _tal(self, kolumn: str) -> float | None:
        varde = self.rad.get(kolumn)
        # DuckDB's decimal sums arrive as Decimal
        return float(varde) if isinstance(varde, int | float | Decimal) else None


def varden(rad: Mapping[str, object], grans: int, **dolda: bool) -> Varden:
    """A figure's row for a sentence, with the totals another figure says to hide."""
    return Varden({**rad, **{f"{k}_dold": v for k, v in dolda.items()}}, grans)


def rad_varden(df: pl.DataFrame, grans: int, **dolda: bool) -> Varden:
    """The first row of a one-row figure (nothing when empty), as `varden`."""
    return varden(df.row(0, named=True) if df.height else {}, grans, **dolda)


def andel(del_: float | None, helhet: float | None) -> str:
    """` (36 %)` when both counts are visible and the whole is not zero, else nothing."""
    if del_ is None or not helhet:
        return ""
    return f" ({fmt_pct(del_ / helhet, 0)})"


def i_vard_dolda(pyramid: pl.DataFrame) -> dict[str, bool]:
    """The key figure's counts that the age pyramid's totals say must be hidden.

    The pyramid's totals are the key figure's counts (all, by sex): a total the pyramid
    hides is hidden in the sentence too.
    """
    dolda: dict[str, bool] = {}
    if "antal_summa_maskerad" in pyramid.columns and pyramid.height:
        dolda["antal_i_vard"] = bool(pyramid["antal_summa_maskerad"].any())
        for kon in ("k", "m", "x"):
            rader = pyramid.filter(pl.col("kon") == kon.upper())
            dolda[f"antal_{kon}"] = bool(rader["antal_summa_over_alder_maskerad"].any())
    return dolda


def riktning_dolda(delar: pl.DataFrame) -> dict[str, bool]:
    """The direction's totals that its per-municipality rows say must be hidden.

    One masked municipality the rows could not pair gives its count away through the
    total, and through the within-county part of it: both are hidden then (as the tiles do).
    """
    dold = "antal_summa_maskerad" in delar.columns and bool(delar["antal_summa_maskerad"].any())
    return {"antal": dold, "antal_samma_lan": dold}


def i_vard(v: Varden, dag: date, kommun: str) -> str:
    """Figure 1: persons in care on the reporting date, by sex, against a year earlier."""
    mening = (
        f"Den {datum_text(dag)} var {v.ord('antal_i_vard')} ensamkommande barn och unga i "
        f"vård med {kommun} som ansvarig kommun: {v.ord('antal_k')} flickor och "
        f"{v.ord('antal_m')} pojkar"
    )
    if v.dold("antal_x") or v.tal("antal_x"):
        mening += f", {v.ord('antal_x')} med okänt kön"
    mening += "."
    if v.dold("antal_ar_fore") or v.rad.get("antal_ar_fore") is not None:
        mening += f" Ett år tidigare var de {v.ord('antal_ar_fore')}."
    return mening


def kommunoverskridande(
    hos_oss: Varden, andra: Varden, dag: date, kommun: str, lan: str, bor_har: Varden | None = None
) -> str:
    """Figure 2: placed here by other municipalities, and ours living elsewhere."""
    forsta = placerade_hos_oss(hos_oss, dag, kommun, lan, bor_har)
    return f"{forsta} {vara_i_andra(andra, kommun, lan)}"


def placerade_hos_oss(
    v: Varden, dag: date, kommun: str, lan: str, bor_har: Varden | None = None
) -> str:
    """Figure 2, first half: living here, another municipality responsible.

    ``v`` is the direction's row of ``kommunoverskridande_summa``; ``bor_har`` the
    ``placerade_hos_oss`` row of ``kommunoverskridande_andel`` on the same day (all living
    here, and the share), which leads the sentence when given.
    """
    if bor_har is None:
        return (
            f"Den {datum_text(dag)} bodde {v.ord('antal')} barn och unga i {kommun} som var "
            f"anvisade till en annan kommun, {v.ord('antal_samma_lan')} av dessa från {lan}"
            f"{andel(v.tal('antal_samma_lan'), v.tal('antal'))}."
        )
    bor = f"Den {datum_text(dag)} bodde {bor_har.ord('totalt')} ensamkommande barn och unga i {kommun}."
    # hidden when either figure hides it: the per-municipality rows may hide the total
    dold = v.dold("antal") or bor_har.dold("antal")
    if not dold and v.tal("antal") == 0:
        return f"{bor} Ingen av dem var anvisad till en annan kommun."
    antal = SKYDDAT if dold else v.ord("antal")
    procent = (
        "" if dold or bor_har.tal("andel") is None else f" ({fmt_pct(bor_har.tal('andel'), 0)})"
    )
    return (
        f"{bor} {stor_forsta(antal)} av dem{procent} var anvisade till en annan kommun, "
        f"{v.ord('antal_samma_lan')} av dessa från {lan}."
    )


def vara_i_andra(v: Varden, kommun: str, lan: str) -> str:
    """Figure 2, second half: ours, living in another municipality."""
    if v.tal("antal") == 0:
        return f"Ingen som {kommun} ansvarar för bodde i en annan kommun."
    return (
        f"{stor_forsta(v.ord('antal'))} som {kommun} ansvarar för bodde i en annan kommun, "
        f"{v.ord('antal_samma_lan')} av dem i {lan}."
    )


def stor_forsta(text: str) -> str:
    """`ett skyddat antal` → `Ett skyddat antal` at the start of a sentence."""
    return text[:1].upper() + text[1:]


def belaggning(v: Varden, fran: date, till: date) -> str:
    """Figure 3: occupancy of contracted places and what the vacant places cost."""
    if v.dold("belaggning"):
        # occupancy follows the care-days: too few children to say how full the places were
        return (
            f"Från {datum_text(fran)} till {datum_text(till)} var så få barn och unga placerade "
            "på de avtalade platserna att beläggningen inte redovisas."
        )
    return (
        f"Från {datum_text(fran)} till {datum_text(till)} var beläggningen "
        f"{v.text('belaggning', fmt_pct)} av de avtalade platsdygnen: "
        f"{v.text('lediga_platsdygn')} platsdygn stod lediga och kostade "
        f"{v.text('kostnad_lediga_kr', fmt_kr)}."
    )


PROGNOS = {
    "budget": ("prognos_budget_balans", "Utfallet hittills och budgeten för årets återstående"),
    "takt": ("prognos_takt_balans", "Utfallet hittills i samma takt för årets återstående"),
}
"""Forecast method -> its column and how the sentence names it."""


def ekonomi(v: Varden, metod: str = "budget") -> str:
    """Figure 4: the balance so far this year against the budget, and the forecast."""
    if not v.rad.get("antal_manader"):
        return "Det finns ännu inget ekonomiskt utfall för rapportdatumets år."
    avvikelse = v.tal("avvikelse_mot_budget") or 0.0
    riktning = "bättre" if avvikelse >= 0 else "sämre"
    return (
        f"Från {manad_text(str(v.rad['fran_manad']))} till och med "
        f"{manad_text(str(v.rad['till_manad']))} var balansen (intäkt − kostnad) "
        f"{v.text('ack_balans', fmt_kr)}, {fmt_kr(abs(avvikelse))} {riktning} än budget. "
        f"{PROGNOS[metod][1]} månader ger en helårsprognos på "
        f"{v.text(PROGNOS[metod][0], fmt_kr)}."
    )


def ersattning(v: Varden, fran: date, till: date) -> str:
    """Figure 5: the state compensation expected, claimed and booked in the period."""
    mening = (
        f"Från {datum_text(fran)} till {datum_text(till)} var den förväntade statliga "
        f"ersättningen {v.kronor('forvantad')}"
    )
    if v.rad.get("sokt") is None:
        return mening + "."
    return (
        mening + f"; sökt ersättning var {v.text('sokt', fmt_kr)} och bokförd "
        f"{v.text('bokford', fmt_kr)}."
    )


def scenario(sista: Varden, lank: str, fran: date, till: date) -> str:
    """The scenario's effect over the period, named as a scenario, not an outcome."""
    effekt = sista.tal("ack_effekt_balans")
    if effekt is None:
        return f"Scenariot ({lank}) kan inte visas för perioden."
    riktning = "förbättrar" if effekt > 0 else "försämrar" if effekt < 0 else "ändrar inte"
    belopp = f" med {fmt_kr(abs(effekt))}" if effekt else ""
    return (
        f"Scenariot ({lank}) {riktning} balansen{belopp} från {datum_text(fran)} till "
        f"{datum_text(till)} jämfört med utfallet. Det är en beräkning av vad som hade hänt, "
        "inte ett utfall."
    )
