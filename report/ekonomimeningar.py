"""One generated Swedish sentence per chart of the places and money pages (presentation mode).

The counterpart of ``report.figurmeningar`` for occupancy, the ledger, the state
compensation and the forecasts. Amounts of the organisation are no counts of persons and
may be added up (as the charts do); occupancy and vacant days follow the care-days and are
null where those are masked, so they are only quoted where visible.
"""

from __future__ import annotations

import polars as pl

from charts.ekonomi import kategorietikett
from charts.format import fmt_antal, fmt_kr, fmt_pct
from report.figurmeningar import Kontext, storst
from report.meningar import Varden, datum_text, manad_text


def _period(k: Kontext) -> str:
    return f"Från {datum_text(k.fran)} till {datum_text(k.till)}"


def lediga_per_enhet(df: pl.DataFrame, k: Kontext) -> str:
    """`belaggning_enhet`: the unit with the most vacant place-days over the period."""
    per_enhet = df.group_by("enhet_id", "enhet_namn").agg(
        pl.col("lediga_platsdygn").sum(), pl.col("kostnad_lediga_kr").sum()
    )
    s = storst(per_enhet.sort("enhet_namn"), "lediga_platsdygn")
    if s.rad is None:
        return f"{_period(k)} stod inga avtalade platsdygn lediga som kan redovisas."
    return (
        f"{_period(k)} hade {s.rad['enhet_namn']} flest lediga platsdygn{s.bland()}: "
        f"{fmt_antal(s.rad['lediga_platsdygn'])}, som kostade "  # type: ignore[arg-type]
        f"{fmt_kr(s.rad['kostnad_lediga_kr'])}."  # type: ignore[arg-type]
    )


def varmekarta(df: pl.DataFrame, k: Kontext) -> str:
    """`belaggning_enhet`: the lowest and highest occupancy of one unit in one month."""
    med_platser = df.filter(pl.col("platsdygn") > 0)
    lagst = storst(med_platser, "belaggning", minst=True)
    hogst = storst(med_platser, "belaggning")
    if lagst.rad is None or hogst.rad is None:
        return f"{_period(k)} kan ingen enhets beläggning redovisas."
    return (
        f"{_period(k)} hade {lagst.rad['enhet_namn']} den lägsta beläggningen under en månad"
        f"{lagst.bland()}, {fmt_pct(lagst.rad['belaggning'], 0)} i "  # type: ignore[arg-type]
        f"{manad_text(str(lagst.rad['manad']))}, och {hogst.rad['enhet_namn']} den högsta, "
        f"{fmt_pct(hogst.rad['belaggning'], 0)} i "  # type: ignore[arg-type]
        f"{manad_text(str(hogst.rad['manad']))}."
    )


def manadsutfall(df: pl.DataFrame, k: Kontext) -> str:
    """`budgetbalans`: the month with the highest cost, against its budget."""
    s = storst(df, "kostnad")
    if s.rad is None:
        return f"{_period(k)} finns inga kostnader bokförda."
    return (
        f"{_period(k)} var kostnaden högst i {manad_text(str(s.rad['manad']))}: "
        f"{fmt_kr(s.rad['kostnad'])} mot budgeterade "  # type: ignore[arg-type]
        f"{fmt_kr(s.rad['budget_kostnad'])}."  # type: ignore[arg-type]
    )


def verksamheter(df: pl.DataFrame, k: Kontext) -> str:
    """`ekonomi_verksamhet`: the activity whose balance fell furthest short of its budget."""
    avvikelse = df.with_columns(avvikelse=pl.col("balans") - pl.col("budget_balans"))
    s = storst(avvikelse, "avvikelse", minst=True)
    if s.rad is None or float(s.rad["avvikelse"]) >= 0:  # type: ignore[arg-type]
        return f"{_period(k)} hade ingen verksamhet en sämre balans än budget."
    return (
        f"{_period(k)} låg {s.rad['verksamhet']} längst under budget: balansen var "
        f"{fmt_kr(s.rad['balans'])} mot budgeterade "  # type: ignore[arg-type]
        f"{fmt_kr(s.rad['budget_balans'])}."  # type: ignore[arg-type]
    )


def kategorier(df: pl.DataFrame, k: Kontext) -> str:
    """`ekonomi_kategori`: the largest unfavourable deviation from the budget."""
    s = storst(df, "avvikelse_kr", minst=True)
    if s.rad is None or float(s.rad["avvikelse_kr"]) >= 0:  # type: ignore[arg-type]
        return f"{_period(k)} hade ingen kategori ett sämre utfall än budget."
    etikett = kategorietikett(str(s.rad["kategori"]), str(s.rad["typ"]))
    return (
        f"{_period(k)} var den största ogynnsamma avvikelsen mot budget {etikett}: "
        f"{fmt_kr(s.rad['avvikelse_kr'])}."  # type: ignore[arg-type]
    )


def vattenfall(df: pl.DataFrame, k: Kontext) -> str:
    """`ekonomi_kategori`: from the budgeted balance to the outcome, as the waterfall."""
    if df.is_empty():
        return f"{_period(k)} finns varken utfall eller budget."
    tecken = pl.when(pl.col("typ") == "intakt").then(1).otherwise(-1)
    summor = df.select(
        budget=(tecken * pl.col("budget_kr")).sum(), utfall=(tecken * pl.col("utfall_kr")).sum()
    ).row(0, named=True)
    return (
        f"{_period(k)} var den budgeterade balansen {fmt_kr(summor['budget'])} och utfallet "
        f"{fmt_kr(summor['utfall'])}."
    )


def differens(df: pl.DataFrame, k: Kontext) -> str:
    """`ersattning`: the month where booked and expected compensation differ most."""
    absolut = df.with_columns(skillnad=pl.col("differens").abs())
    s = storst(absolut, "skillnad")
    if df.height and df["bokford"].is_null().all():
        return "Bokförd ersättning finns bara för dataägaren; ingen differens kan visas."
    if s.rad is None and s.maskerad:
        # a hidden month's gap is no agreement: say that it is hidden
        return (
            f"{_period(k)} kan skillnaden mellan bokförd och förväntad ersättning inte "
            "visas: den är dold där den skulle ge uppgifter om enskilda barn."
        )
    if s.rad is None:
        return f"{_period(k)} stämde bokförd och förväntad ersättning överens varje månad."
    return (
        f"{_period(k)} var skillnaden mellan bokförd och förväntad ersättning störst"
        f"{s.bland()} i {manad_text(str(s.rad['manad']))}: "
        f"{fmt_kr(s.rad['differens'])}."  # type: ignore[arg-type]
    )


def prognos_i_vard(df: pl.DataFrame, k: Kontext) -> str:
    """`prognos_manad`: persons in care expected in the first and the last forecast month."""
    if df.is_empty():
        return f"Det finns ingen prognos efter {datum_text(k.datum)}."
    rader = df.sort("manad")
    forsta = Varden(rader.row(0, named=True), k.grans)
    sista = Varden(rader.row(-1, named=True), k.grans)
    return (
        f"Prognosen efter {datum_text(k.datum)} är {forsta.ord('prognos_i_vard')} barn och "
        f"unga i vård i {manad_text(str(forsta.rad['manad']))} och "
        f"{sista.ord('prognos_i_vard')} i {manad_text(str(sista.rad['manad']))}."
    )


def prognos_balans(df: pl.DataFrame, k: Kontext) -> str:
    """`prognos_manad`: the money forecast over the 12 months, added up."""
    if df.is_empty() or df["prognos_balans"].is_null().all():
        return "Prognosen för ersättning och kostnad finns bara för dataägaren."
    s = df.select(pl.sum("prognos_intakt", "prognos_kostnad", "prognos_balans")).row(0)
    return (
        f"Under de 12 månaderna efter {datum_text(k.datum)} väntas ersättningen bli "
        f"{fmt_kr(s[0])}, kostnaden {fmt_kr(s[1])} och balansen {fmt_kr(s[2])}."
    )


def backtest(df: pl.DataFrame, k: Kontext) -> str:
    """`prognos_backtest`: the mean absolute percentage error of the forecast."""
    if df.height and df.row(0, named=True).get("mape_maskerad"):
        return (
            f"{_period(k)} kan prognosens genomsnittliga fel inte visas: det är dolt där det "
            "skulle ge uppgifter om enskilda barn."
        )
    if df.is_empty() or df["mape"][0] is None:
        return f"{_period(k)} är dataserien för kort för att pröva prognosen."
    return (
        f"{_period(k)} avvek prognosen, gjord 12 månader i förväg, i genomsnitt "
        f"{fmt_pct(df['mape'][0])} från antalet i vård."
    )


def ekonomi_backtest(df: pl.DataFrame, k: Kontext) -> str:
    """`prognos_ekonomi_backtest`: the money forecast's errors."""
    if df.is_empty() or df["mape_intakt"][0] is None:
        return f"{_period(k)} kan ekonomiprognosen inte prövas mot utfall."
    return (
        f"{_period(k)} avvek ekonomiprognosen, gjord 12 månader i förväg, i genomsnitt "
        f"{fmt_pct(df['mape_intakt'][0])} för ersättningen och "
        f"{fmt_pct(df['mape_kostnad'][0])} för kostnaden; balansen missade med i genomsnitt "
        f"{fmt_kr(df['mae_balans'][0])} per månad."
    )
