"""The ledger, budget and compensation claims of a scale demo, from its placements' days.

Why a module of its own: the ledger is the one part that needs placements cut into months
(one row per placement and month), done with polars so that 1.5 million placements stay
quick. Costs are booked on the chart of accounts of the municipal demo; the state
compensation is booked as income at 90 % of the placement costs, the budget is last
year's outcome plus 3 %, rounded to thousands. One verksamhet per län of the assigned
municipality: a national month in one row would pass the importer's limit on an amount.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import polars as pl

KONTO_PER_FORM = {
    "HVB": "4591",
    "stodboende": "4593",
    "familjehem": "5460",
    "jourhem": "5460",
    "traningslagenhet": "4593",
}
INTAKTSKONTO = "3612"
ERSATTNINGSANDEL = 0.9
BEVILJAD_ANDEL = 0.95


def manadskostnader(vard: pl.DataFrame, uttag: date) -> pl.DataFrame:
    """Booked cost per month, län and account: days in care in the month × dygnskostnad."""
    slut = pl.col("slutdatum").fill_null(uttag)
    delar = vard.select(
        "startdatum",
        "lan",
        slut=slut,
        konto=pl.col("boendeform").replace_strict(KONTO_PER_FORM),
        pris=pl.col("dygnskostnad").str.replace(r"\.00$", "").cast(pl.Int64),
        manad=pl.date_ranges(pl.col("startdatum").dt.month_start(), slut, interval="1mo"),
    ).explode("manad")
    nasta = pl.col("manad").dt.offset_by("1mo")
    dagar = pl.min_horizontal(nasta, "slut") - pl.max_horizontal("manad", "startdatum")
    return (
        delar.with_columns(belopp=dagar.dt.total_days() * pl.col("pris"))
        .group_by("manad", "lan", "konto")
        .agg(pl.col("belopp").sum())
        .filter(pl.col("belopp") > 0)
        .sort("manad", "lan", "konto")
    )


def skriv_ekonomi(
    mapp: Path, vard: pl.DataFrame, kontoplan: tuple[tuple[str, str, str, str], ...], uttag: date
) -> None:
    """Write kontoplan, ekonomi, budget and ersattningsansokningar."""
    kolumner = ["konto", "benamning", "typ", "kategori"]
    pl.DataFrame(list(kontoplan), schema=kolumner, orient="row").write_csv(mapp / "kontoplan.csv")
    kostnad = manadskostnader(vard, uttag)
    intakt = (
        kostnad.group_by("manad", "lan")
        .agg(belopp=(-pl.col("belopp").sum() * ERSATTNINGSANDEL).round(0).cast(pl.Int64))
        .with_columns(konto=pl.lit(INTAKTSKONTO))
    )
    ekonomi = pl.concat([kostnad, intakt.select(kostnad.columns)]).sort("manad", "lan", "konto")
    _belopp(ekonomi).write_csv(mapp / "ekonomi.csv")
    budget = ekonomi.with_columns(
        manad=pl.col("manad").dt.offset_by("1y"),
        belopp=(pl.col("belopp") * 1.03 / 1000).round(0).cast(pl.Int64) * 1000,
    ).filter(pl.col("manad") <= uttag)
    _belopp(budget).write_csv(mapp / "budget.csv")
    sokt = intakt.select("manad", "lan", sokt=-pl.col("belopp")).sort("manad", "lan")
    pl.DataFrame(sokt).select(
        period=pl.col("manad").dt.strftime("%Y-%m"),
        ersattningstyp=pl.lit("dygnsersattning"),
        sokt_belopp=pl.format("{}.00", pl.col("sokt")),
        beviljat_belopp=pl.format("{}.00", (pl.col("sokt") * BEVILJAD_ANDEL).round(0).cast(pl.Int64)),
    ).write_csv(mapp / "ersattningsansokningar.csv")  # fmt: skip


def _belopp(df: pl.DataFrame) -> pl.DataFrame:
    return df.select(
        period=pl.col("manad").dt.strftime("%Y-%m"),
        verksamhet=pl.format("EKB län {}", "lan"),
        konto="konto",
        belopp=pl.format("{}.00", pl.col("belopp").cast(pl.Int64)),
    )
