"""One generated Swedish sentence per chart of the persons pages, for the presentation mode.

The report's five figures have theirs in ``report.meningar``; these cover the dashboard's
other charts (age groups over time, birthdays, the two cross-municipal directions, the
flow and the share). Each takes the figure's frame as the viewer may see it (masked cells
are null) and quotes only cells of it, never a new sum: a sum of visible cells beside a
visible total could give a masked count away. A masked count reads ``ett skyddat antal``, and a
"largest group" among masked cells is said to be the largest *of those shown*.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import polars as pl

from charts.etiketter import ALDERSGRUPP, namn
from charts.format import fmt_antal, fmt_pct
from report.meningar import Varden, datum_text, manad_text, placerade_hos_oss, vara_i_andra

KON_ORD = {"K": "flickor och unga kvinnor", "M": "pojkar och unga män", "X": "med okänt kön"}


@dataclass(frozen=True)
class Kontext:
    """What every sentence needs besides its frame: the filters and the threshold."""

    datum: date
    """The reporting date."""
    fran: date
    till: date
    kommun: str
    """The perspective municipality's name, e.g. ``Nacka``."""
    lan: str
    """Its county, e.g. ``Stockholms län``."""
    grans: int
    """The masking threshold (5)."""


@dataclass(frozen=True)
class Storst:
    """The largest visible cell of a frame, and whether any cell was masked."""

    rad: dict[str, object] | None
    maskerad: bool

    def bland(self) -> str:
        """` av dem som redovisas` when a masked cell might have been larger."""
        return " av dem som redovisas" if self.maskerad else ""


def storst(df: pl.DataFrame, kolumn: str, *, minst: bool = False) -> Storst:
    """The row with the largest (or smallest) non-zero visible ``kolumn``."""
    maskerad = df.height > 0 and bool(df[kolumn].is_null().any())
    synliga = df.filter(pl.col(kolumn).is_not_null() & (pl.col(kolumn) != 0))
    if synliga.is_empty():
        return Storst(None, maskerad)
    rad = synliga.sort(kolumn, descending=not minst, maintain_order=True).row(0, named=True)
    return Storst(rad, maskerad)


def _sista_manad(df: pl.DataFrame) -> pl.DataFrame:
    return df.filter(pl.col("manad") == df["manad"].max()) if df.height else df


def aldersgrupper(df: pl.DataFrame, k: Kontext) -> str:
    """`aldersgrupp_manad`: the largest age group and sex in care in the last month."""
    if df.is_empty():
        return "Inga barn eller unga var i vård under perioden med valda filter."
    manad = manad_text(str(df["manad"].max()))
    s = storst(_sista_manad(df), "antal")
    if s.rad is None:
        if s.maskerad:
            return f"I {manad} var varje åldersgrupp och kön för liten för att redovisas."
        return f"I {manad} var inga barn eller unga i vård med valda filter."
    grupp = f"{KON_ORD.get(str(s.rad['kon']), 'okänt kön')} {namn(ALDERSGRUPP, str(s.rad['aldersgrupp']))}"
    return (
        f"I {manad} var {grupp} den största gruppen i vård{s.bland()}: "
        f"{fmt_antal(s.rad['antal'])} personer."  # type: ignore[arg-type]
    )


def fodelsedagar(df: pl.DataFrame, k: Kontext) -> str:
    """`fodelsedagar_manad`: the month in which most turn 18, and 21."""
    arton, tjugoett = (_fyller(df.filter(pl.col("fyller") == alder), alder) for alder in (18, 21))
    # after the opening adverbial the verb comes first (V2), after "och" the subject
    return f"Under de 12 månaderna efter {datum_text(k.datum)} {arton[0]}, och {tjugoett[1]}."


def _fyller(df: pl.DataFrame, alder: int) -> tuple[str, str]:
    """The clause for one age, inverted and in straight word order."""
    s = storst(df, "antal")
    if s.rad is not None:
        bland = " av de månader som redovisas" if s.maskerad else ""
        nar = (
            f"{alder} år i {manad_text(str(s.rad['manad']))}{bland} "
            f"({fmt_antal(s.rad['antal'])} personer)"  # type: ignore[arg-type]
        )
        return f"fyller flest {nar}", f"flest fyller {nar}"
    if s.maskerad:
        # a cell masked to protect another may hold 5 or more: "too few", not "fewer than 5"
        return (
            f"är de som fyller {alder} år för få för att redovisas per månad",
            f"de som fyller {alder} år är för få för att redovisas per månad",
        )
    return f"fyller ingen {alder} år", f"ingen fyller {alder} år"


def kommun_hos_oss(
    summa: Varden, df: pl.DataFrame, k: Kontext, bor_har: Varden | None = None
) -> str:
    """`kommunoverskridande`, living here: the report's sentence and the largest sender."""
    mening = placerade_hos_oss(summa, k.datum, k.kommun, k.lan, bor_har)
    s = storst(df, "antal")
    if s.rad is None:
        return mening
    return (
        f"{mening} Flest{s.bland()} hade {s.rad['kommun_namn']} som ansvarig kommun "
        f"({fmt_antal(s.rad['antal'])})."  # type: ignore[arg-type]
    )


def kommun_i_andra(summa: Varden, df: pl.DataFrame, k: Kontext) -> str:
    """`kommunoverskridande`, ours elsewhere: the report's sentence and where most live."""
    mening = vara_i_andra(summa, k.kommun, k.lan)
    s = storst(df, "antal")
    if s.rad is None:
        return mening
    return (
        f"{mening} Flest{s.bland()} bodde i {s.rad['kommun_namn']} "
        f"({fmt_antal(s.rad['antal'])})."  # type: ignore[arg-type]
    )


def flode(df: pl.DataFrame, k: Kontext) -> str:
    """`kommunoverskridande_matris`: the largest flow between two municipalities."""
    over = df.filter(pl.col("ansvarig_kommun") != pl.col("vistelsekommun"))
    s = storst(over, "antal")
    if s.rad is not None:
        return (
            f"Den {datum_text(k.datum)} gick det största flödet{s.bland()} från "
            f"{s.rad['ansvarig_namn']} (ansvarig kommun) till {s.rad['vistelse_namn']} "
            f"(vistelsekommun): {fmt_antal(s.rad['antal'])} barn och unga."  # type: ignore[arg-type]
        )
    if s.maskerad:
        return (
            f"Den {datum_text(k.datum)} var varje flöde mellan två kommuner för litet för att "
            "redovisas."
        )
    return f"Den {datum_text(k.datum)} fanns inga placeringar mellan två olika kommuner."


def andel(df: pl.DataFrame, k: Kontext) -> str:
    """`kommunoverskridande_andel`: both shares in the last month of the period."""
    sista = _sista_manad(df)
    if sista.is_empty():
        return "Det finns inga data för perioden med valda filter."
    rader = {str(r["riktning"]): Varden(r, k.grans) for r in sista.iter_rows(named=True)}
    manad = manad_text(str(sista["manad"][0]))
    hos_oss, andra = rader.get("placerade_hos_oss"), rader.get("vara_i_andra")
    meningar = []
    if hos_oss is not None:
        meningar.append(
            f"I {manad} bodde {hos_oss.ord('totalt')} ensamkommande barn och unga i {k.kommun}. "
            f"{_del(hos_oss)} var anvisade till en annan kommun."
        )
    if andra is not None:
        meningar.append(
            f"Av de {andra.ord('totalt')} som {k.kommun} ansvarade för bodde "
            f"{andra.ord('antal')}{_procent(andra)} i en annan kommun."
        )
    return " ".join(meningar)


def _del(v: Varden) -> str:
    """`70 av dem (36 %)`, or `Färre än 5 av dem`."""
    text = f"{v.ord('antal')} av dem{_procent(v)}"
    return text[:1].upper() + text[1:]


def _procent(v: Varden) -> str:
    andel_ = v.tal("andel")
    return f" ({fmt_pct(andel_, 0)})" if andel_ is not None and not v.dold("antal") else ""
