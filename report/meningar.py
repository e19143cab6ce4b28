"""Values and generated Swedish sentences of the report, masked cells written as ``<5``.

A masked cell is null in the frame from ``queries.skydd.skydda``; here it becomes the text
``<5`` (the threshold from ``maskgrans``), never a number, in tables and sentences alike.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from decimal import Decimal

from charts.format import fmt_antal, fmt_kr, fmt_pct

MANADER_LANGA = (
    "januari februari mars april maj juni juli augusti september oktober november december"
).split()

Format = Callable[[float | int | None], str]


def datum_text(dag: date) -> str:
    """`30 januari 2017`, as in a sentence."""
    return f"{dag.day} {MANADER_LANGA[dag.month - 1]} {dag.year}"


def manad_text(manad: str) -> str:
    """`2017-01` → `januari 2017`."""
    ar, man = manad.split("-")
    return f"{MANADER_LANGA[int(man) - 1]} {ar}"


class Varden:
    """One row of a figure, read with its masking flags: masked cells read as ``<5``."""

    def __init__(self, rad: dict[str, object], grans: int) -> None:
        self.rad = rad
        self.grans = grans

    def dold(self, kolumn: str) -> bool:
        """Whether the cell may not be shown (masked, or a total flagged as masked)."""
        flaggor = (f"{kolumn}_maskerad", f"{kolumn}_summa_maskerad", f"{kolumn}_dold")
        return any(bool(self.rad.get(f)) for f in flaggor)

    def text(self, kolumn: str, fmt: Format = fmt_antal) -> str:
        if self.dold(kolumn):
            return f"<{self.grans}"
        return fmt(self._tal(kolumn))

    def tal(self, kolumn: str) -> float | None:
        """The value for arithmetic in a sentence; None when masked or missing."""
        return None if self.dold(kolumn) else self._tal(kolumn)

    def _tal(self, kolumn: str) -> float | None:
        varde = self.rad.get(kolumn)
        # DuckDB's decimal sums arrive as Decimal
        return float(varde) if isinstance(varde, int | float | Decimal) else None


def andel(del_: float | None, helhet: float | None) -> str:
    """` (36 %)` when both counts are visible and the whole is not zero, else nothing."""
    if del_ is None or not helhet:
        return ""
    return f" ({fmt_pct(del_ / helhet, 0)})"


def i_vard(v: Varden, dag: date, kommun: str) -> str:
    """Figure 1: persons in care on the reporting date, by sex, against a year earlier."""
    mening = (
        f"Den {datum_text(dag)} var {v.text('antal_i_vard')} ensamkommande barn och unga i "
        f"vård med {kommun} som ansvarig kommun: {v.text('antal_k')} flickor och "
        f"{v.text('antal_m')} pojkar"
    )
    if v.dold("antal_x") or v.tal("antal_x"):
        mening += f", {v.text('antal_x')} med okänt kön"
    mening += "."
    if v.dold("antal_ar_fore") or v.rad.get("antal_ar_fore") is not None:
        mening += f" Ett år tidigare var de {v.text('antal_ar_fore')}."
    return mening


def kommunoverskridande(hos_oss: Varden, andra: Varden, dag: date, kommun: str, lan: str) -> str:
    """Figure 2: placed here by other municipalities, and ours living elsewhere."""
    return (
        f"Den {datum_text(dag)} bodde {hos_oss.text('antal')} barn och unga i {kommun} som var "
        f"anvisade till en annan kommun, {hos_oss.text('antal_samma_lan')} av dessa från {lan}"
        f"{andel(hos_oss.tal('antal_samma_lan'), hos_oss.tal('antal'))}. "
        f"{andra.text('antal')} som {kommun} ansvarar för bodde i en annan kommun, "
        f"{andra.text('antal_samma_lan')} av dem i {lan}."
    )


def belaggning(v: Varden, fran: date, till: date) -> str:
    """Figure 3: occupancy of contracted places and what the vacant places cost."""
    return (
        f"Från {datum_text(fran)} till {datum_text(till)} var beläggningen "
        f"{v.text('belaggning', fmt_pct)} av de avtalade platsdygnen: "
        f"{v.text('lediga_platsdygn')} platsdygn stod lediga och kostade "
        f"{v.text('kostnad_lediga_kr', fmt_kr)}."
    )


def ekonomi(v: Varden) -> str:
    """Figure 4: the balance so far this year against the budget, and the forecast."""
    if not v.rad.get("antal_manader"):
        return "Det finns ännu inget ekonomiskt utfall för rapportdatumets år."
    avvikelse = v.tal("avvikelse_mot_budget") or 0.0
    riktning = "bättre" if avvikelse >= 0 else "sämre"
    return (
        f"Från {manad_text(str(v.rad['fran_manad']))} till och med "
        f"{manad_text(str(v.rad['till_manad']))} var balansen (intäkt − kostnad) "
        f"{v.text('ack_balans', fmt_kr)}, {fmt_kr(abs(avvikelse))} {riktning} än budget. "
        f"Utfallet hittills och budgeten för årets återstående månader ger en helårsprognos på "
        f"{v.text('prognos_budget_balans', fmt_kr)}."
    )


def ersattning(v: Varden, fran: date, till: date) -> str:
    """Figure 5: the state compensation expected, claimed and booked in the period."""
    mening = (
        f"Från {datum_text(fran)} till {datum_text(till)} var den förväntade statliga "
        f"ersättningen {v.text('forvantad', fmt_kr)}"
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
