"""The protected view of a figure together with what is shown beside it and around it.

``queries.skydd.skydda`` protects one frame. A reader sees more than one frame: the same
persons at another granularity (an age group's total beside its single ages, a tile beside
a table), and the same figure under a nearby filter setting (all, and all but one
municipality). ``skydda_vy`` fetches, through the caller's (cached) fetch function:

1. **Links.** For a figure whose cells are totals of a finer figure (``LANKAR``), the finer
   figure with the same parameters (for a stock per month: at each month's stock date),
   protected; every cell the finer figure flags as a hidden total is masked here too,
   before this figure's own secondary suppression. The finer figure declares the grouping
   (``Figurskydd.grovre``), so its own suppression already keeps 0 or ≥ 2 masked parts in
   every group or flags the group total; together the two views are one suppression.
   A count by pair of municipalities takes its cells from one decision over the whole
   table, shared by both municipalities' views (``queries.skyddspar``).
2. **Parents.** Per active list filter, the same figure without it. A cell or total whose
   complement (parent − selected) is 1..threshold−1 is masked or flagged; a selection whose
   whole complement is that small is refused with a message.

Pure polars, no streamlit: the dashboard (``ui.figurer``) and ``python -m queries export
--masked`` call the same function, so the download and the command line give the same cells.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

import polars as pl

import queries
from queries.skydd import SkyddsFel, figurskydd, for_fa, maskgrans, skydda
from queries.skyddslankar import LANKAR, Lank
from queries.skyddspar import tvingade as par_tvingade

Hamta = Callable[[str, dict[str, Any]], pl.DataFrame]
"""Fetch a figure's unprotected rows for the given parameters (None = no filter)."""
LISTPARAMETRAR = ("vistelsekommun", "boendeform", "regi", "aldersgrupp", "kon", "verksamhet")


@dataclass(frozen=True)
class Vy:
    """A figure as the protected view shows it, or the message to show instead."""

    df: pl.DataFrame
    besked: str | None = None


def skydda_vy(namn: str, params: Mapping[str, Any], hamta: Hamta, troskel: int | None = None) -> Vy:
    """Figure ``namn`` for ``params`` as the protected view shows it (module docstring)."""
    spec = figurskydd(namn)
    if not spec.skyddad_vy:
        raise SkyddsFel(f"{namn}: visas inte i den skyddade vyn (se docs/skydd.md)")
    grans = troskel or maskgrans()
    params = dict(params)
    ra = hamta(namn, params)
    aktiva = aktiva_listfilter(namn, params)
    foraldrar = [hamta(namn, params | {p: None}) for p in aktiva]
    besked = for_fa(namn, ra, grans) or _komplement_besked(namn, ra, foraldrar, grans)
    tvingade = _tvingade(namn, ra, params, hamta, grans)
    # a pair of municipalities is masked alike from both of its perspectives
    _eller(tvingade, par_tvingade(namn, ra, params, hamta, grans))
    for p, foralder in zip(aktiva, foraldrar, strict=True):
        # a cell equal to the parent's is the parent's cell: masked where the parent's is
        vy = skydda_vy(namn, params | {p: None}, hamta, grans)
        _eller(tvingade, _som_foraldern(spec.nycklar, ra, foralder, vy.df, spec.matt()))
    return Vy(skydda(namn, ra, grans, tvingade=tvingade, foraldrar=foraldrar), besked)


def _som_foraldern(
    nycklar: tuple[str, ...],
    ra: pl.DataFrame,
    foralder: pl.DataFrame,
    foralder_vy: pl.DataFrame,
    matt: Mapping[str, Any],
) -> dict[str, pl.Series]:
    """Per measure: this view's cells that equal the parent's and are masked there."""
    if ra.is_empty():
        return {}
    valda = [c for c in matt if f"{c}_maskerad" in foralder_vy.columns]
    far = foralder.select(*nycklar, *(pl.col(c).alias(f"_p_{c}") for c in valda))
    far = far.with_columns(foralder_vy.select(f"{c}_maskerad" for c in valda))
    if nycklar:
        traff = ra.with_row_index("_r").join(far, on=list(nycklar), how="left", nulls_equal=True)
        traff = traff.sort("_r")
    else:
        traff = pl.concat([ra, far], how="horizontal")
    return {
        c: ((traff[f"_p_{c}"] == traff[c]) & traff[f"{c}_maskerad"]).fill_null(False) for c in valda
    }


def _eller(tvingade: dict[str, pl.Series], fler: Mapping[str, pl.Series]) -> None:
    for c, maske in fler.items():
        tvingade[c] = tvingade[c] | maske if c in tvingade else maske


def aktiva_listfilter(namn: str, params: Mapping[str, Any]) -> list[str]:
    """The list filters of ``params`` that narrow figure ``namn``: one parent view each."""
    deklarerade = queries.figure(namn).params
    return [p for p in LISTPARAMETRAR if p in deklarerade and params.get(p)]


def _komplement_besked(
    namn: str, ra: pl.DataFrame, foraldrar: list[pl.DataFrame], grans: int
) -> str | None:
    """A message when the persons a filter leaves out number 1..threshold−1 in any row group
    (e.g. month): the view and the view without the filter would give them away."""
    spec = figurskydd(namn)
    if spec.urval is None:
        return None
    dims = spec.matt()[spec.urval]
    ovriga = [k for k in spec.nycklar if k not in dims]
    for foralder in foraldrar:
        skillnad = _summa(foralder, ovriga, spec.urval).join(
            _summa(ra, ovriga, spec.urval), on=ovriga or ["_alla"], how="left", nulls_equal=True
        )
        komplement = skillnad["_s"] - skillnad["_s_right"].fill_null(0)
        if ((komplement >= 1) & (komplement < grans)).any():
            return (
                f"Valt filter utelämnar färre än {grans} personer. Eftersom siffrorna utan "
                "filtret också visas skulle de kunna räknas fram; välj ett bredare urval "
                "eller inget filter."
            )
    return None


def _summa(df: pl.DataFrame, ovriga: list[str], kolumn: str) -> pl.DataFrame:
    nycklar: list[str | pl.Expr] = [*ovriga] or [pl.lit(1).alias("_alla")]
    return df.group_by(nycklar).agg(pl.col(kolumn).fill_null(0).sum().alias("_s"))


def _tvingade(
    namn: str, ra: pl.DataFrame, params: dict[str, Any], hamta: Hamta, grans: int
) -> dict[str, pl.Series]:
    """Per measure, the cells a finer figure requires masked (any of its links)."""
    ut: dict[str, pl.Series] = {}
    vyer: dict[tuple[str, tuple[tuple[str, Any], ...]], Vy] = {}  # several links, one view
    for lank in LANKAR.get(namn, ()):
        rader = lank.rader(params)
        if rader is None or ra.is_empty():
            continue
        lank_params = params
        if lank.dataagare:
            omfang = hamta("dataomfang", {})
            agare = omfang["perspektivkommun"][0] if omfang.height else None
            lank_params = params | {"kommun": agare}
        if lank.datum_fran:
            if ra[lank.datum_fran][0] is None:
                continue
            lank_params = params | {"datum": ra[lank.datum_fran][0]}
        flaggor = _fin_flaggor(lank, rader, lank_params, hamta, grans, vyer)
        nycklar = [*lank.nycklar, *(["manad"] if lank.per_manad else [])]
        if nycklar:
            flaggor = flaggor.with_columns(pl.col(k).cast(ra.schema[k]) for k in nycklar)
            traff = (
                ra.select(nycklar)
                .with_row_index("_r")
                .join(flaggor, on=nycklar, how="left", nulls_equal=True)
            )
            maske = traff.sort("_r")["_f"].fill_null(False)
        else:
            maske = pl.Series([bool(flaggor["_f"].any())] * ra.height)
        _eller(ut, {mal: maske for mal in lank.mal})
    return ut


def _fin_flaggor(
    lank: Lank,
    rader: pl.Expr,
    params: dict[str, Any],
    hamta: Hamta,
    grans: int,
    vyer: dict[tuple[str, tuple[tuple[str, Any], ...]], Vy],
) -> pl.DataFrame:
    """The finer figure's flag per key of this figure (``_f``: any of its rows flagged)."""
    deklarerade = queries.figure(lank.fin).params
    fin_params = {p: v for p, v in params.items() if p in deklarerade and p not in lank.utan}
    datum: dict[str | None, Any] = {None: fin_params.get("datum")}
    if lank.per_manad:
        datum = _lagerdagar(params, hamta)
    delar = []
    for manad, dag in datum.items():
        p = fin_params | ({"datum": dag} if manad else {})
        nyckel = (lank.fin, tuple(sorted((k, _hashbar(v)) for k, v in p.items())))
        if nyckel not in vyer:
            vyer[nyckel] = skydda_vy(lank.fin, p, hamta, grans)
        vy = vyer[nyckel]
        df = vy.df if vy.besked is None else vy.df.with_columns(pl.lit(True).alias(lank.flagga))
        df = df.filter(rader).select(*(u.alias(k) for k, u in lank.nycklar.items()), lank.flagga)
        if manad:
            df = df.with_columns(manad=pl.lit(manad))
        delar.append(df)
    nycklar = [*lank.nycklar, *(["manad"] if lank.per_manad else [])]
    alla = pl.concat(delar, how="diagonal_relaxed") if delar else pl.DataFrame()
    flagga = pl.col(lank.flagga)
    if lank.farre_an:
        f = flagga.sum().is_between(1, lank.farre_an - 1)
    else:
        f = (flagga.sum() == 1) if lank.precis_en else flagga.any()
    if not nycklar:
        if not alla.width:
            return pl.DataFrame({"_f": []}, schema={"_f": pl.Boolean})
        return alla.select(f.alias("_f"))
    return alla.group_by(nycklar).agg(f.alias("_f"))


def _hashbar(varde: Any) -> Any:
    return tuple(varde) if isinstance(varde, list) else varde


def _lagerdagar(params: Mapping[str, Any], hamta: Hamta) -> dict[str | None, Any]:
    """Month (``YYYY-MM``) -> its stock date: the month's last day, the period's end or the
    extraction date, whichever comes first (docs/metrics.md "Monthly series")."""
    omfang = hamta("dataomfang", {})
    uttag = omfang["uttagsdatum"][0] if omfang.height else None
    fran, till = _dag(params.get("fran")), _dag(params.get("till"))
    if fran is None or till is None:
        return {}
    slut = min(d for d in (till, uttag) if d is not None)
    manader = pl.date_range(fran.replace(day=1), slut, "1mo", eager=True)
    dagar = manader.dt.month_end().clip(upper_bound=slut)
    return dict(zip(manader.dt.strftime("%Y-%m").to_list(), dagar.to_list(), strict=True))


def _dag(varde: Any) -> date | None:
    if varde is None or isinstance(varde, date):
        return varde
    return date.fromisoformat(str(varde))
