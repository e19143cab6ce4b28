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
from collections.abc import Mapping, Sequence
from dataclasses import replace
from types import MappingProxyType

import polars as pl

from queries.skyddsnivaer import grupp, komplementkolumner, liten, summor
from queries.skyddsspec import ALLA, EXTRA, RAD, SKYDD, Dims, Figurskydd

MASKGRANS_ENV = "EKB_MASKGRANS"
STANDARDGRANS = 5


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


def skydda(
    namn: str,
    df: pl.DataFrame,
    troskel: int | None = None,
    *,
    tvingade: Mapping[str, pl.Series] | None = None,
    foraldrar: Sequence[pl.DataFrame] = (),
) -> pl.DataFrame:
    """Figure ``namn`` as the protected view may show it (see the module docstring).

    ``tvingade``: per measure, cells another figure requires masked (a total it shows at
    coarser granularity, ``queries.skyddsvy``). ``foraldrar``: the same figure without one
    list filter each; a cell or total whose complement (parent − this) is small is masked.
    """
    spec = figurskydd(namn)
    if spec.radniva or "person_id" in df.columns:
        raise SkyddsFel(f"{namn}: uppgifter om enskilda personer visas bara för analytiker")
    grans = troskel or maskgrans()
    if not spec.matt():
        return df
    arbete, spec = forbered(spec, df, tvingade or {}, foraldrar)
    arbete = arbete.with_columns(
        (_primar(spec, c, grans, arbete) | pl.col(_t(c))).alias(_m(c)) for c in spec.matt()
    )
    arbete = _celler_stabila(spec, arbete, grans)
    flaggor = [summor(spec, arbete, c, grans, df.height) for c in spec.matt()]
    return _utdata(spec, arbete.filter(~pl.col(EXTRA)), flaggor, df.columns)


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


def maskerad_text(namn: str, kolumn: str, troskel: int | None = None) -> str:
    """What a masked cell of `namn` reads: `<5` for a count of persons (a primary and a
    secondary mask read alike, see docs/skydd.md), `dold` for anything else (care-days,
    place-days, shares, kronor), which a `<5` would misstate as a small number."""
    spec = figurskydd(namn)
    return (
        f"<{troskel or maskgrans()}"
        if kolumn in {*spec.antal, *spec.komplement, *spec.delar}
        else "dold"
    )


def regeltext(troskel: int | None = None) -> str:
    """The rule and threshold as one Swedish sentence, for under every protected view."""
    grans = troskel or maskgrans()
    return (
        f"Antal från 1 till {grans - 1} visas som <{grans} (i löptext: ett skyddat antal). "
        f"Summor, andelar och ibland ett annat antal, som då också visas som <{grans} trots "
        "att det kan vara större, döljs när de annars skulle låta någon räkna fram ett sådant "
        "antal."
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


def _t(kolumn: str) -> str:
    return f"_skydd_t_{kolumn}"


def forbered(
    spec: Figurskydd,
    df: pl.DataFrame,
    tvingade: Mapping[str, pl.Series],
    foraldrar: Sequence[pl.DataFrame],
) -> tuple[pl.DataFrame, Figurskydd]:
    """The working frame and the spec it is protected under.

    Coarser groupings become key columns and dimensions of the measures (so their group
    totals are margins); each parent adds, per measure, a complement column
    ``_skydd_k<i>__<col>`` = parent − this, and the parent's rows this figure lacks (this
    figure's count there is 0) as extra rows, which are never shown but count in totals.
    """
    grova = {g: uttryck for g, uttryck in spec.grovre.values()}
    arbete = df.with_row_index(RAD).with_columns(
        pl.lit(1).alias(ALLA),
        pl.lit(False).alias(EXTRA),
        pl.col(RAD).cast(pl.Int64),
    )
    arbete = arbete.with_columns(
        (tvingade[c].fill_null(False) if c in tvingade else pl.lit(False)).alias(_t(c))
        for c in spec.matt()
    )
    arbete = arbete.with_columns(u.alias(g) for g, u in grova.items() if g not in df.columns)
    utokad = _med_grovre(spec)
    for i, foralder in enumerate(foraldrar):
        foralder = foralder.with_columns(
            u.alias(g) for g, u in grova.items() if g not in foralder.columns
        )
        arbete = _med_komplement(utokad, arbete, foralder, i)
    return arbete.sort(RAD), utokad


def _med_grovre(spec: Figurskydd) -> Figurskydd:
    """``spec`` with every coarser grouping as a key and as a dimension beside its fine one."""
    if not spec.grovre:
        return spec
    grova = [g for g, _ in spec.grovre.values()]

    def dims(d: Dims) -> Dims:
        return (*d, *(spec.grovre[x][0] for x in d if x in spec.grovre))

    return replace(
        spec,
        nycklar=(*spec.nycklar, *(g for g in grova if g not in spec.nycklar)),
        antal=MappingProxyType({c: dims(d) for c, d in spec.antal.items()}),
        dygn=MappingProxyType({c: dims(d) for c, d in spec.dygn.items()}),
    )


def _med_komplement(
    spec: Figurskydd, arbete: pl.DataFrame, foralder: pl.DataFrame, i: int
) -> pl.DataFrame:
    matt = list(spec.matt())
    nycklar = list(spec.nycklar)
    p = foralder.select(*nycklar, *(pl.col(c).alias(f"_skydd_p_{c}") for c in matt))
    hojd = arbete.height + i * 1_000_000_000
    if nycklar:
        ut = arbete.join(p, on=nycklar, how="full", coalesce=True, nulls_equal=True)
    else:  # a one-row figure (tiles): the parent's one row beside it
        ut = arbete.join(p, how="cross")
    extra = pl.col(EXTRA).is_null() | pl.col(EXTRA)
    ut = ut.with_columns(
        pl.col(RAD).fill_null(pl.int_range(pl.len()) + hojd),
        pl.col(ALLA).fill_null(1),
        extra.alias(EXTRA),
        *(pl.col(t).fill_null(False) for t in ut.columns if t.startswith("_skydd_t_")),
        *(pl.col(k).fill_null(0) for k in ut.columns if k.startswith("_skydd_k")),
    )
    ut = ut.with_columns(pl.when(pl.col(EXTRA)).then(0).otherwise(pl.col(c)).alias(c) for c in matt)
    return ut.with_columns(
        (pl.col(f"_skydd_p_{c}").fill_null(0) - pl.col(c).fill_null(0)).alias(f"_skydd_k{i}__{c}")
        for c in matt
    ).drop(f"_skydd_p_{c}" for c in matt)


def _primar(spec: Figurskydd, kolumn: str, grans: int, arbete: pl.DataFrame) -> pl.Expr:
    uttryck = liten(spec, kolumn, pl.col(kolumn), grans)
    for k in komplementkolumner(arbete, kolumn):
        uttryck = uttryck | liten(spec, kolumn, pl.col(k), grans)
    return uttryck & ~pl.col(EXTRA)


def _celler_stabila(spec: Figurskydd, arbete: pl.DataFrame, grans: int) -> pl.DataFrame:
    """Secondary suppression of cells, repeated until no further cell gets masked.

    Along a dimension with a coarser grouping, first within each group (its total is shown
    elsewhere), then across the whole dimension.
    """
    grova = {g: d for d, (g, _) in spec.grovre.items()}
    while True:
        fore = sum(int(arbete[_m(c)].sum()) for c in spec.matt())
        arbete = _komplement(spec, arbete, grans)
        arbete = _delar_i_rad(spec, arbete)
        arbete = _tillsammans(spec, arbete)
        for kolumn, dims in spec.matt().items():
            kk = komplementkolumner(arbete, kolumn)
            for dim in (d for d in dims if d not in grova):
                arbete = _sekundar(arbete, kolumn, grupp(spec, (dim,)), kk)
                if dim in spec.grovre:
                    hela = grupp(spec, (dim, spec.grovre[dim][0]))
                    arbete = _sekundar(arbete, kolumn, hela, kk)
        if sum(int(arbete[_m(c)].sum()) for c in spec.matt()) == fore:
            return arbete


def sekundar_over(
    df: pl.DataFrame, kolumn: str, grupper: Sequence[Sequence[str]], grans: int
) -> pl.Series:
    """Rules 1 and 2 for a table of counts whose margins are ``grupper`` (each a list of key
    columns that identify one visible total): the cells to mask, repeated until stable."""
    arbete = df.with_row_index(RAD).with_columns(
        pl.col(RAD).cast(pl.Int64),
        pl.lit(False).alias(EXTRA),
        ((pl.col(kolumn) >= 1) & (pl.col(kolumn) < grans)).fill_null(False).alias(_m(kolumn)),
    )
    while True:
        fore = int(arbete[_m(kolumn)].sum())
        for g in grupper:
            arbete = _sekundar(arbete, kolumn, list(g), [])
        if int(arbete[_m(kolumn)].sum()) == fore:
            return arbete[_m(kolumn)]


def _sekundar(arbete: pl.DataFrame, kolumn: str, grupp: list[str], kk: list[str]) -> pl.DataFrame:
    """Within each group with exactly one masked non-zero part, mask the smallest other
    non-zero part: for the figure's values, then for each complement to a parent."""
    for varden in (kolumn, *kk):
        arbete = _sekundar_vy(arbete, kolumn, varden, grupp, ej_publik(kk))
    return arbete


def ej_publik(kk: Sequence[str]) -> pl.Expr:
    """A cell equal to its parent's (complement 0) is public through the parent view, where
    its mask is the parent's: it cannot be a partner that hides another cell here."""
    return pl.all_horizontal(pl.lit(True), *(pl.col(k) != 0 for k in kk))


def _sekundar_vy(
    arbete: pl.DataFrame, kolumn: str, varden: str, grupp: list[str], ej_pub: pl.Expr
) -> pl.DataFrame:
    varde, maskerad = pl.col(varden), pl.col(_m(kolumn))
    kandidat = ~maskerad & (varde != 0) & (pl.col(kolumn) != 0) & pl.col(kolumn).is_not_null()
    kandidat = kandidat & ~pl.col(EXTRA) & ej_pub
    arbete = arbete.with_columns(
        _skydd_n=(maskerad & (varde != 0)).sum().over(grupp) == 1,
        _skydd_min=varde.filter(kandidat).min().over(grupp),
    )
    forst = pl.col(RAD).filter(kandidat & (varde == pl.col("_skydd_min"))).min().over(grupp)
    valt = (pl.col("_skydd_n") & (pl.col(RAD) == forst)).fill_null(False)
    return arbete.with_columns((maskerad | valt).alias(_m(kolumn))).drop("_skydd_n", "_skydd_min")


def _komplement(spec: Figurskydd, arbete: pl.DataFrame, grans: int) -> pl.DataFrame:
    """A part and its total in one row: their difference must not give a small count away."""
    for del_, helhet in spec.komplement.items():
        md, mh = pl.col(_m(del_)), pl.col(_m(helhet))
        skillnad = pl.col(helhet) - pl.col(del_)
        liten_ = (skillnad >= 1) & (skillnad < grans) & (pl.col(del_) != 0)
        arbete = arbete.with_columns(
            (md | (~md & ~mh & liten_)).alias(_m(del_)),
            (mh | (md & (skillnad == 0))).alias(_m(helhet)),
        )
    return arbete


def _tillsammans(spec: Figurskydd, arbete: pl.DataFrame) -> pl.DataFrame:
    """Counts whose difference is known elsewhere: masked together, or not at all."""
    for grupp_ in spec.tillsammans:
        nagon = pl.any_horizontal(pl.col(_m(c)) for c in grupp_) & ~pl.col(EXTRA)
        arbete = arbete.with_columns((pl.col(_m(c)) | nagon).alias(_m(c)) for c in grupp_)
    return arbete


def _delar_i_rad(spec: Figurskydd, arbete: pl.DataFrame) -> pl.DataFrame:
    """Columns that add up to another in the same row: the rule of ``_sekundar`` across them,
    for the figure's values and for each complement to a parent."""
    for helhet, delar in spec.delar.items():
        kk = {d: komplementkolumner(arbete, d) for d in delar}
        for i in range(-1, len(kk[delar[0]])):
            varden = {d: d if i < 0 else kk[d][i] for d in delar}
            arbete = _delar_vy(arbete, helhet, varden, kk)
    return arbete


def _delar_vy(
    arbete: pl.DataFrame, helhet: str, varden: dict[str, str], kk: dict[str, list[str]]
) -> pl.DataFrame:
    kandidat = {
        d: ~pl.col(_m(d)) & (pl.col(v) != 0) & (pl.col(d) != 0) & pl.col(d).is_not_null()
        & ej_publik(kk[d])
        for d, v in varden.items()
    }  # fmt: skip
    n = pl.sum_horizontal(
        (pl.col(_m(d)) & (pl.col(v) != 0)).cast(pl.Int32) for d, v in varden.items()
    )
    minst = pl.min_horizontal(pl.when(kandidat[d]).then(pl.col(v)) for d, v in varden.items())
    valda, tagen = [], pl.lit(False)
    for d, v in varden.items():
        vald = ((n == 1) & kandidat[d] & (pl.col(v) == minst) & ~tagen).fill_null(False)
        valda.append((pl.col(_m(d)) | vald).alias(_m(d)))
        tagen = tagen | vald
    ingen = ((n == 1) & minst.is_null()).fill_null(False)
    return arbete.with_columns(*valda, (pl.col(_m(helhet)) | ingen).alias(_m(helhet)))


def _utdata(
    spec: Figurskydd, arbete: pl.DataFrame, flaggor: list[pl.DataFrame], kolumner: list[str]
) -> pl.DataFrame:
    """The figure's own columns, masked cells as null, then the companion flag columns."""
    masker = {c: pl.col(_m(c)) for c in spec.matt()}
    for dold in spec.dolda:  # hidden in every row, whatever its value
        masker[dold] = pl.lit(True)
    for foljare, kallor in spec.foljer.items():
        # a measure that also follows others (a linked cost that follows its care-days) keeps
        # its own mask too
        masker[foljare] = pl.any_horizontal(
            masker.get(foljare, pl.lit(False)), *(pl.col(_m(k)) for k in kallor)
        )
    for foljare, kallor in spec.foljer_alla.items():
        masker[foljare] = pl.any_horizontal(pl.col(_m(k)) for k in kallor).any()
    ut = arbete.with_columns(m.alias(f"{c}_maskerad") for c, m in masker.items())
    ut = ut.with_columns(
        pl.when(pl.col(f"{c}_maskerad")).then(None).otherwise(pl.col(c)).alias(c) for c in masker
    )
    ut = ut.select(*kolumner, *(f"{c}_maskerad" for c in masker))
    return pl.concat([ut, *flaggor], how="horizontal")
