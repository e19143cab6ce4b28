"""Secondary suppression of totals: every total over a subset of a figure's dimensions.

Part of ``queries.skydd``: once the cells are stable, each total a reader could see is
flagged when it is itself small (or its complement to a parent view is), or when exactly
one of its parts is hidden and no other part containing a masked cell can be hidden with it.
Coarser groupings are dimensions here too, so their group totals are a level of their own.
"""

from __future__ import annotations

from itertools import combinations

import polars as pl

from queries.skyddsspec import ALLA, RAD, Dims, Figurskydd


def komplementkolumner(arbete: pl.DataFrame, kolumn: str) -> list[str]:
    """The complement columns of ``kolumn`` (one per parent)."""
    return [k for k in arbete.columns if k.startswith("_skydd_k") and k.split("__", 1)[1] == kolumn]


def liten(spec: Figurskydd, kolumn: str, varde: pl.Expr, grans: int) -> pl.Expr:
    """A count of 1..threshold-1, or care-days that few persons average (see _fa_dygn);
    never an amount (kronor are masked only through links)."""
    if kolumn in spec.antal:
        return ((varde >= 1) & (varde < grans)).fill_null(False)
    if kolumn in spec.kronor:
        return pl.lit(False)
    return fa_dygn(varde, grans, spec)


def grupp(spec: Figurskydd, utan: Dims) -> list[str]:
    """The columns that identify a total: the keys except ``utan`` (what is summed over)."""
    return [ALLA, *(k for k in spec.nycklar if k not in utan)]


def fa_dygn(dygn: pl.Expr, grans: int, spec: Figurskydd) -> pl.Expr:
    """Care-days that average fewer than ``grans`` persons over the row's calendar month, or
    over the days a whole-period figure covers (its ``dagar`` column; else 31 days)."""
    dagar: pl.Expr = pl.lit(31, dtype=pl.Int64)
    if spec.dagar:
        dagar = pl.col(spec.dagar).cast(pl.Int64)
    elif "manad" in spec.nycklar:
        dagar = pl.col("manad").str.to_date("%Y-%m").dt.month_end().dt.day().cast(pl.Int64)
    return ((dygn > 0) & (dygn < grans * dagar)).fill_null(False)


def _m(kolumn: str) -> str:
    return f"_skydd_m_{kolumn}"


def summor(
    spec: Figurskydd, arbete: pl.DataFrame, kolumn: str, grans: int, hojd: int
) -> pl.DataFrame:
    """One row per figure row (the first ``hojd``) with a flag per total over a non-empty
    subset of the dimensions."""
    dims = spec.matt()[kolumn]
    delmangder = [frozenset(s) for n in range(1, len(dims) + 1) for s in combinations(dims, n)]
    kk = komplementkolumner(arbete, kolumn)
    celler = arbete.select(
        ALLA,
        *spec.nycklar,
        pl.col(kolumn).fill_null(0).alias("_summa"),
        (pl.col(_m(kolumn)) & (pl.col(kolumn) != 0)).cast(pl.Int64).alias("_dolda"),
        *(pl.col(k).alias(f"_ksumma{i}") for i, k in enumerate(kk)),
        *((pl.col(_m(kolumn)) & (pl.col(k) != 0)).cast(pl.Int64).alias(f"_kdolda{i}")
          for i, k in enumerate(kk)),
        pl.col(_m(kolumn)).alias("_f"),
    )  # fmt: skip
    summerade = [c for c in celler.columns if c.startswith(("_summa", "_dolda", "_k"))]
    nivaer: dict[frozenset[str], pl.DataFrame] = {frozenset(): celler}
    for s in delmangder:
        g = grupp(spec, tuple(s))
        nivaer[s] = celler.group_by(g).agg(pl.col(summerade).sum())
        nivaer[s] = nivaer[s].with_columns(_primar_summa(spec, kolumn, grans, len(kk)).alias("_f"))
    while _summor_steg(dims, delmangder, nivaer, spec, len(kk)):
        pass
    ut = arbete.select(RAD, ALLA, *spec.nycklar)
    for s in delmangder:
        namn = _summanamn(spec, kolumn, dims, s)
        if namn is None:
            continue
        g = grupp(spec, tuple(s))
        flagga = nivaer[s].select(*g, pl.col("_f").alias(namn))
        ut = ut.join(flagga, on=g, how="left", nulls_equal=True)
    ut = ut.filter(pl.col(RAD) < hojd).sort(RAD)
    return ut.drop(RAD, ALLA, *spec.nycklar)


def _primar_summa(spec: Figurskydd, kolumn: str, grans: int, antal_k: int) -> pl.Expr:
    uttryck = liten(spec, kolumn, pl.col("_summa"), grans)
    for i in range(antal_k):
        uttryck = uttryck | liten(spec, kolumn, pl.col(f"_ksumma{i}"), grans)
    return uttryck


def _summor_steg(
    dims: Dims, delmangder: list[frozenset[str]], nivaer: dict, spec: Figurskydd, antal_k: int
) -> bool:
    """One pass over every total and the parts it is the sum of, for the figure's values and
    each complement to a parent; True when a flag was added."""
    andrat = False
    vyer = [("_summa", "_dolda"), *((f"_ksumma{i}", f"_kdolda{i}") for i in range(antal_k))]
    for s in delmangder:
        for dim in s:
            for summa, dolda in vyer:
                andrat |= _summa_steg(spec, nivaer, s, dim, pl.col(summa), pl.col(dolda), antal_k)
    return andrat


def _summa_steg(
    spec: Figurskydd,
    nivaer: dict,
    s: frozenset[str],
    dim: str,
    summa: pl.Expr,
    dolda: pl.Expr,
    antal_k: int,
) -> bool:
    """Totals over ``s`` with exactly one hidden non-zero part along ``dim``: hide another
    part that contains a masked cell, or else flag the total."""
    g = grupp(spec, tuple(s))
    delar = nivaer[s - {dim}]
    f = pl.col("_f")
    # a total can be hidden only if it contains a masked cell; cells are already stable
    kandidat = ~f & (summa != 0) & (dolda > 0) & (pl.col("_summa") != 0) & pl.lit(bool(s - {dim}))
    # a total equal to its parent's (complement 0) is public through the parent view
    kandidat = pl.all_horizontal(kandidat, *(pl.col(f"_ksumma{i}") != 0 for i in range(antal_k)))
    delar = delar.with_row_index("_i").with_columns(
        _n=(f & (summa != 0)).sum().over(g) == 1,
        _k=kandidat,
        _min=summa.filter(kandidat).min().over(g),
    )
    forst = pl.col("_i").filter(pl.col("_k") & (summa == pl.col("_min"))).min().over(g)
    delar = delar.with_columns(_forst=forst)
    ny = f | (pl.col("_n") & (pl.col("_i") == pl.col("_forst"))).fill_null(False)
    utan_kandidat = delar.filter(pl.col("_n") & pl.col("_forst").is_null())
    flagga = utan_kandidat.select(g).unique().with_columns(_ny=pl.lit(True))
    hel = nivaer[s].join(flagga, on=g, how="left", nulls_equal=True)
    hel = hel.with_columns(_f=f | pl.col("_ny").fill_null(False)).drop("_ny")
    delar = delar.with_columns(_f=ny).drop("_i", "_n", "_k", "_min", "_forst")
    andrat = int(hel["_f"].sum()) != int(nivaer[s]["_f"].sum())
    andrat |= int(delar["_f"].sum()) != int(nivaer[s - {dim}]["_f"].sum())
    nivaer[s], nivaer[s - {dim}] = hel, delar
    return andrat


def _summanamn(spec: Figurskydd, kolumn: str, dims: Dims, s: frozenset[str]) -> str | None:
    """The flag column of the total over ``s``; None for a grouping without its fine
    dimension (that level is the cells themselves)."""
    fin_till_grov = {d: g for d, (g, _) in spec.grovre.items()}
    grova = set(fin_till_grov.values())
    if any(g in s and d not in s for d, g in fin_till_grov.items()):
        return None
    fina = [d for d in dims if d not in grova]
    over = [d for d in fina if d in s]
    inom = [fin_till_grov[d] for d in over if d in fin_till_grov and fin_till_grov[d] not in s]
    if len(over) == len(fina) and not inom:
        return f"{kolumn}_summa_maskerad"
    namn = f"{kolumn}_summa_over_{'_'.join(over)}"
    return namn + "".join(f"_inom_{g}" for g in inom) + "_maskerad"
