"""Small-number protection: what a viewer outside the analyst role may see of a figure.

Counts of persons from 1 to threshold-1 are masked (primary suppression); then, wherever
masked parts add up to a total a reader can see, a second part is masked or the total is
marked as masked (secondary suppression), until nothing changes. Masked cells stay numeric
as null, with a boolean companion ``<col>_maskerad``; totals a page must hide are flagged in
``<col>_summa…_maskerad`` columns. ``docs/skydd.md`` describes the rule per figure.

Pure polars and no streamlit, so the dashboard, the export CLI and tests share it; every
step is a column expression or a group-by, never Python per row.
"""

from __future__ import annotations

import os
from itertools import combinations

import polars as pl

from queries.skyddsspec import SKYDD, Dims, Figurskydd

MASKGRANS_ENV = "EKB_MASKGRANS"
STANDARDGRANS = 5
_ALLA = "_skydd_alla"
_RAD = "_skydd_rad"


class SkyddsFel(ValueError):
    """A figure the protection does not know, row-level data, or a bad threshold setting."""


def maskgrans() -> int:
    """The threshold: counts below it are masked. One setting, ``EKB_MASKGRANS`` (default 5)."""
    text = os.environ.get(MASKGRANS_ENV, "").strip()
    if not text:
        return STANDARDGRANS
    if not text.isdigit() or int(text) < 2:
        raise SkyddsFel(f"{MASKGRANS_ENV}={text!r}: ange ett heltal, minst 2 (t.ex. 5 eller 6)")
    return int(text)


def figurskydd(namn: str) -> Figurskydd:
    """The declaration for ``namn``; a figure without one is refused, never shown unprotected."""
    if namn not in SKYDD:
        raise SkyddsFel(f"{namn}: saknar skyddsregler i queries/skyddsspec.py och visas inte")
    return SKYDD[namn]


def skydda(namn: str, df: pl.DataFrame, troskel: int | None = None) -> pl.DataFrame:
    """Figure ``namn`` as the protected view may show it (see the module docstring)."""
    spec = figurskydd(namn)
    if spec.radniva or "person_id" in df.columns:
        raise SkyddsFel(f"{namn}: uppgifter om enskilda personer visas bara för analytiker")
    grans = troskel or maskgrans()
    matt = spec.matt()
    if not matt:
        return df
    arbete = df.with_row_index(_RAD).with_columns(pl.lit(1).alias(_ALLA))
    arbete = arbete.with_columns(_primar(spec, c, grans).alias(_m(c)) for c in matt)
    arbete = _celler_stabila(spec, arbete, grans)
    flaggor = [_summor(spec, arbete, c, grans) for c in matt]
    return _utdata(spec, arbete, flaggor, df.columns)


def for_fa(namn: str, df: pl.DataFrame, troskel: int | None = None) -> str | None:
    """A Swedish message to show instead of the figure when the unprotected ``df`` covers
    fewer persons than the threshold (but not none), else None."""
    spec = figurskydd(namn)
    grans = troskel or maskgrans()
    if spec.urval is None or df.is_empty():
        return None
    dims = spec.matt()[spec.urval]
    ovriga = [k for k in spec.nycklar if k not in dims]
    summor = df.group_by(ovriga or pl.lit(1)).agg(pl.col(spec.urval).sum())[spec.urval]
    storst = summor.max()
    if storst is None or not 0 < storst < grans:  # type: ignore[operator]
        return None
    return (
        f"Urvalet omfattar färre än {grans} personer. För att ingen ska kunna identifieras "
        "visas inga siffror för det; välj ett bredare urval."
    )


def regeltext(troskel: int | None = None) -> str:
    """The rule and threshold as one Swedish sentence, for under every protected view."""
    grans = troskel or maskgrans()
    return (
        f"Antal från 1 till {grans - 1} visas som <{grans}, och summor och andelar som skulle "
        "låta någon räkna fram ett sådant antal döljs också."
    )


def till_text(
    df: pl.DataFrame, troskel: int | None = None, decimaltecken: str = "."
) -> pl.DataFrame:
    """``df`` from ``skydda`` for a file: masked cells as the text ``<5``, companions dropped.

    Only columns with a masked cell become text (numbers in them written with
    ``decimaltecken``); the others keep their type.
    """
    grans = troskel or maskgrans()
    ersatt = []
    for namn in df.columns:
        flagga = f"{namn}_maskerad"
        if flagga not in df.columns or not df[flagga].any():
            continue
        text = pl.col(namn).cast(pl.String)
        if decimaltecken != ".":
            text = text.str.replace(".", decimaltecken, literal=True)
        ersatt.append(pl.when(pl.col(flagga)).then(pl.lit(f"<{grans}")).otherwise(text).alias(namn))
    return df.with_columns(ersatt).select(c for c in df.columns if not c.endswith("_maskerad"))


def _m(kolumn: str) -> str:
    return f"_skydd_m_{kolumn}"


def _primar(spec: Figurskydd, kolumn: str, grans: int) -> pl.Expr:
    varde = pl.col(kolumn)
    if kolumn in spec.antal:
        return ((varde >= 1) & (varde < grans)).fill_null(False)
    return _fa_dygn(varde, grans, spec)


def _grupp(spec: Figurskydd, utan: Dims) -> list[str]:
    """The columns that identify a total: the keys except ``utan`` (what is summed over)."""
    return [_ALLA, *(k for k in spec.nycklar if k not in utan)]


def _celler_stabila(spec: Figurskydd, arbete: pl.DataFrame, grans: int) -> pl.DataFrame:
    """Secondary suppression of cells, repeated until no further cell gets masked."""
    while True:
        fore = sum(int(arbete[_m(c)].sum()) for c in spec.matt())
        arbete = _komplement(spec, arbete, grans)
        arbete = _delar_i_rad(spec, arbete)
        for kolumn, dims in spec.matt().items():
            for dim in dims:
                arbete = _sekundar(arbete, kolumn, _grupp(spec, (dim,)))
        if sum(int(arbete[_m(c)].sum()) for c in spec.matt()) == fore:
            return arbete


def _sekundar(arbete: pl.DataFrame, kolumn: str, grupp: list[str]) -> pl.DataFrame:
    """Within each group with exactly one masked non-zero part, mask the smallest other one."""
    varde, maskerad = pl.col(kolumn), pl.col(_m(kolumn))
    kandidat = ~maskerad & (varde != 0) & varde.is_not_null()
    arbete = arbete.with_columns(
        _skydd_n=(maskerad & (varde != 0)).sum().over(grupp),
        _skydd_min=varde.filter(kandidat).min().over(grupp),
    )
    forst = pl.col(_RAD).filter(kandidat & (varde == pl.col("_skydd_min"))).min().over(grupp)
    valt = ((pl.col("_skydd_n") == 1) & (pl.col(_RAD) == forst)).fill_null(False)
    return arbete.with_columns((maskerad | valt).alias(_m(kolumn))).drop("_skydd_n", "_skydd_min")


def _komplement(spec: Figurskydd, arbete: pl.DataFrame, grans: int) -> pl.DataFrame:
    """A part and its total in one row: their difference must not give a small count away."""
    for del_, helhet in spec.komplement.items():
        md, mh = pl.col(_m(del_)), pl.col(_m(helhet))
        skillnad = pl.col(helhet) - pl.col(del_)
        liten = (skillnad >= 1) & (skillnad < grans) & (pl.col(del_) != 0)
        arbete = arbete.with_columns(
            (md | (~md & ~mh & liten)).alias(_m(del_)),
            (mh | (md & (skillnad == 0))).alias(_m(helhet)),
        )
    return arbete


def _delar_i_rad(spec: Figurskydd, arbete: pl.DataFrame) -> pl.DataFrame:
    """Columns that add up to another in the same row: the rule of ``_sekundar`` across them."""
    for helhet, delar in spec.delar.items():
        kandidat = {d: ~pl.col(_m(d)) & (pl.col(d) != 0) & pl.col(d).is_not_null() for d in delar}
        n = pl.sum_horizontal((pl.col(_m(d)) & (pl.col(d) != 0)).cast(pl.Int32) for d in delar)
        minst = pl.min_horizontal(pl.when(kandidat[d]).then(pl.col(d)) for d in delar)
        valda, tagen = [], pl.lit(False)
        for d in delar:
            vald = ((n == 1) & kandidat[d] & (pl.col(d) == minst) & ~tagen).fill_null(False)
            valda.append((pl.col(_m(d)) | vald).alias(_m(d)))
            tagen = tagen | vald
        ingen = ((n == 1) & minst.is_null()).fill_null(False)
        arbete = arbete.with_columns(*valda, (pl.col(_m(helhet)) | ingen).alias(_m(helhet)))
    return arbete


def _summor(spec: Figurskydd, arbete: pl.DataFrame, kolumn: str, grans: int) -> pl.DataFrame:
    """One row per figure row with a flag per total over a non-empty subset of the dimensions."""
    dims = spec.matt()[kolumn]
    delmangder = [frozenset(s) for n in range(1, len(dims) + 1) for s in combinations(dims, n)]
    celler = arbete.select(
        _ALLA,
        *spec.nycklar,
        pl.col(kolumn).fill_null(0).alias("_summa"),
        (pl.col(_m(kolumn)) & (pl.col(kolumn) != 0)).cast(pl.Int64).alias("_dolda"),
        pl.col(_m(kolumn)).alias("_f"),
    )
    nivaer: dict[frozenset[str], pl.DataFrame] = {frozenset(): celler}
    for s in delmangder:
        grupp = _grupp(spec, tuple(s))
        nivaer[s] = celler.group_by(grupp).agg(pl.col("_summa").sum(), pl.col("_dolda").sum())
        nivaer[s] = nivaer[s].with_columns(_primar_summa(spec, kolumn, grans).alias("_f"))
    while _summor_steg(spec, dims, delmangder, nivaer):
        pass
    ut = arbete.select(_RAD, _ALLA, *spec.nycklar)
    for s in delmangder:
        grupp = _grupp(spec, tuple(s))
        flagga = nivaer[s].select(*grupp, pl.col("_f").alias(_summanamn(kolumn, dims, s)))
        ut = ut.join(flagga, on=grupp, how="left", nulls_equal=True)
    return ut.sort(_RAD).drop(_RAD, _ALLA, *spec.nycklar)


def _primar_summa(spec: Figurskydd, kolumn: str, grans: int) -> pl.Expr:
    if kolumn in spec.antal:
        return ((pl.col("_summa") >= 1) & (pl.col("_summa") < grans)).fill_null(False)
    return _fa_dygn(pl.col("_summa"), grans, spec)


def _fa_dygn(dygn: pl.Expr, grans: int, spec: Figurskydd) -> pl.Expr:
    """Care-days that average fewer than ``grans`` persons over the row's calendar month, or
    over the days a whole-period figure covers (its ``dagar`` column; else 31 days)."""
    dagar: pl.Expr = pl.lit(31, dtype=pl.Int64)
    if spec.dagar:
        dagar = pl.col(spec.dagar).cast(pl.Int64)
    elif "manad" in spec.nycklar:
        dagar = pl.col("manad").str.to_date("%Y-%m").dt.month_end().dt.day().cast(pl.Int64)
    return ((dygn > 0) & (dygn < grans * dagar)).fill_null(False)


def _summor_steg(
    spec: Figurskydd, dims: Dims, delmangder: list[frozenset[str]], nivaer: dict
) -> bool:
    """One pass over every total and the parts it is the sum of; True when a flag was added."""
    andrat = False
    for s in delmangder:
        grupp = _grupp(spec, tuple(s))
        for dim in s:
            delar = nivaer[s - {dim}]
            f, summa = pl.col("_f"), pl.col("_summa")
            n = (f & (summa != 0)).sum().over(grupp)
            # a total can be hidden only if it contains a masked cell; cells are already stable
            kandidat = ~f & (summa != 0) & (pl.col("_dolda") > 0) & pl.lit(bool(s - {dim}))
            delar = delar.with_row_index("_i").with_columns(
                _n=n, _k=kandidat, _min=summa.filter(kandidat).min().over(grupp)
            )
            forst = pl.col("_i").filter(pl.col("_k") & (summa == pl.col("_min"))).min().over(grupp)
            delar = delar.with_columns(_forst=forst)
            ny = f | ((pl.col("_n") == 1) & (pl.col("_i") == pl.col("_forst"))).fill_null(False)
            utan_kandidat = delar.filter((pl.col("_n") == 1) & pl.col("_forst").is_null())
            flagga = utan_kandidat.select(grupp).unique().with_columns(_ny=pl.lit(True))
            hel = nivaer[s].join(flagga, on=grupp, how="left", nulls_equal=True)
            hel = hel.with_columns(_f=f | pl.col("_ny").fill_null(False)).drop("_ny")
            delar = delar.with_columns(_f=ny).drop("_i", "_n", "_k", "_min", "_forst")
            andrat |= int(hel["_f"].sum()) != int(nivaer[s]["_f"].sum())
            andrat |= int(delar["_f"].sum()) != int(nivaer[s - {dim}]["_f"].sum())
            nivaer[s], nivaer[s - {dim}] = hel, delar
    return andrat


def _summanamn(kolumn: str, dims: Dims, s: frozenset[str]) -> str:
    if len(s) == len(dims):
        return f"{kolumn}_summa_maskerad"
    return f"{kolumn}_summa_over_{'_'.join(d for d in dims if d in s)}_maskerad"


def _utdata(
    spec: Figurskydd, arbete: pl.DataFrame, flaggor: list[pl.DataFrame], kolumner: list[str]
) -> pl.DataFrame:
    """The figure's own columns, masked cells as null, then the companion flag columns."""
    masker = {c: pl.col(_m(c)) for c in spec.matt()}
    for dold in spec.dolda:  # hidden in every row, whatever its value
        masker[dold] = pl.lit(True)
    for foljare, kallor in spec.foljer.items():
        masker[foljare] = pl.any_horizontal(pl.col(_m(k)) for k in kallor)
    ut = arbete.with_columns(m.alias(f"{c}_maskerad") for c, m in masker.items())
    ut = ut.with_columns(
        pl.when(pl.col(f"{c}_maskerad")).then(None).otherwise(pl.col(c)).alias(c) for c in masker
    )
    ut = ut.select(*kolumner, *(f"{c}_maskerad" for c in masker))
    return pl.concat([ut, *flaggor], how="horizontal")
