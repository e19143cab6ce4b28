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
2. **Parents.** Per active list filter, the same figure without it. A cell or total whose
   complement (parent − selected) is 1..threshold−1 is masked or flagged; a selection whose
   whole complement is that small is refused with a message.

Pure polars, no streamlit: the dashboard (``ui.figurer``) and ``python -m queries export
--masked`` call the same function, so the download and the command line give the same cells.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date
from types import MappingProxyType
from typing import Any

import polars as pl

import queries
from queries.skydd import SkyddsFel, figurskydd, for_fa, maskgrans, skydda
from queries.skyddsspec import aldersgrupp_uttryck

Hamta = Callable[[str, dict[str, Any]], pl.DataFrame]
"""Fetch a figure's unprotected rows for the given parameters (None = no filter)."""
LISTPARAMETRAR = ("vistelsekommun", "boendeform", "regi", "aldersgrupp", "kon", "verksamhet")


@dataclass(frozen=True)
class Lank:
    """This figure's ``mal`` columns are totals that the finer figure ``fin`` flags."""

    fin: str
    flagga: str
    """The finer figure's flag (or cell mask) for the total equal to this figure's cell."""
    mal: tuple[str, ...]
    nycklar: Mapping[str, pl.Expr] = field(default_factory=dict)
    """This figure's key columns, computed from the finer figure's rows."""
    rader: Callable[[Mapping[str, Any]], pl.Expr | None] = lambda _p: pl.lit(True)
    """Which of the finer figure's rows the total covers, from the parameters; None: the
    link does not apply to these parameters."""
    per_manad: bool = False
    """This figure is a stock per month: the finer one is taken at each month's stock date."""
    datum_fran: str | None = None
    """A one-row figure's date column: the finer one is taken on that date."""
    utan: tuple[str, ...] = ()
    """Parameters the finer figure is read without (it is shown unfiltered beside this)."""


def _utan(param: str) -> Callable[[Mapping[str, Any]], pl.Expr | None]:
    return lambda p: None if p.get(param) else pl.lit(True)


def _valda_enheter(p: Mapping[str, Any]) -> pl.Expr | None:
    return pl.col("enhet_id").is_in(list(p["enhet"])) if p.get("enhet") else None


def _valda_grupper(p: Mapping[str, Any]) -> pl.Expr | None:
    return pl.col("aldersgrupp").is_in(list(p["aldersgrupp"])) if p.get("aldersgrupp") else None


def _kon(kod: str) -> Lank:
    return Lank("alderspyramid", "antal_summa_over_alder_maskerad", (f"antal_{kod.lower()}",),
                rader=lambda _p: pl.col("kon") == kod)  # fmt: skip


_GRUPP_KON = MappingProxyType({"aldersgrupp": aldersgrupp_uttryck("alder"), "kon": pl.col("kon")})
_INOM_GRUPP = "antal_summa_over_alder_inom_aldersgrupp_maskerad"
_RIKTNING = MappingProxyType({"riktning": pl.col("riktning")})
_FORM_MANAD = MappingProxyType({"boendeform": pl.col("boendeform"), "manad": pl.col("manad")})
_MANAD = MappingProxyType({"manad": pl.col("manad")})
_KON_MANAD = MappingProxyType({"kon": pl.col("kon"), "manad": pl.col("manad")})

LANKAR: Mapping[str, tuple[Lank, ...]] = MappingProxyType(
    {
        "alder_kon": (Lank("alderspyramid", _INOM_GRUPP, ("antal",), _GRUPP_KON),),
        "aldersgrupp_manad": (
            Lank("alderspyramid", _INOM_GRUPP, ("antal",), _GRUPP_KON, per_manad=True),
        ),
        "i_vard_manad_kon": (
            Lank(
                "alderspyramid",
                "antal_summa_over_alder_maskerad",
                ("antal",),
                MappingProxyType({"kon": pl.col("kon")}),
                per_manad=True,
            ),
            # the clicked age groups' cells of the chart beside it, summed: masked where any is
            Lank(
                "aldersgrupp_manad",
                "antal_maskerad",
                ("antal",),
                _KON_MANAD,
                rader=_valda_grupper,
                utan=("aldersgrupp",),
            ),
        ),
        # persons in care per month (Export): the pyramid at each month's stock date
        "i_vard_manad": (
            Lank("alderspyramid", "antal_summa_maskerad", ("antal_i_vard",), per_manad=True),
        ),
        "i_vard_nyckeltal": (
            Lank("alderspyramid", "antal_summa_maskerad", ("antal_i_vard",)),
            *(_kon(k) for k in ("K", "M", "X")),
            # the change tiles give the earlier counts back (now − change)
            Lank(
                "alderspyramid",
                "antal_summa_maskerad",
                ("antal_manad_fore",),
                datum_fran="datum_manad_fore",
            ),
            Lank(
                "alderspyramid",
                "antal_summa_maskerad",
                ("antal_ar_fore",),
                datum_fran="datum_ar_fore",
            ),
        ),
        # those turning 18 (21) in the next 12 months are the 17- (20-)year-olds on the date
        "fodelsedagar_manad": (
            Lank(
                "alderspyramid",
                "antal_summa_over_kon_maskerad",
                ("antal",),
                MappingProxyType({"fyller": pl.col("alder") + 1}),
                rader=lambda _p: pl.col("alder").is_in([17, 20]),
            ),
        ),
        "kommunoverskridande_summa": (
            Lank("kommunoverskridande", "antal_summa_maskerad", ("antal",), _RIKTNING),
            # within the län or outside it: either group total gives the other away
            Lank(
                "kommunoverskridande",
                "antal_summa_over_kommun_inom_samma_lan_maskerad",
                ("antal_samma_lan",),
                _RIKTNING,
            ),
        ),
        "kommunoverskridande_andel": (
            Lank(
                "kommunoverskridande", "antal_summa_maskerad", ("antal",), _RIKTNING, per_manad=True
            ),
            # all the municipality is responsible for: the pyramid's total at the stock date
            Lank(
                "alderspyramid",
                "antal_summa_maskerad",
                ("totalt",),
                MappingProxyType({"riktning": pl.lit("vara_i_andra")}),
                per_manad=True,
            ),
        ),
        "belaggning_boendeform": (
            Lank(
                "belaggning_enhet",
                "vardygn_summa_over_enhet_id_inom_boendeform_maskerad",
                ("vardygn",),
                _FORM_MANAD,
                rader=_utan("enhet"),
            ),
            Lank(
                "belaggning_enhet",
                "vardygn_maskerad",
                ("vardygn",),
                _FORM_MANAD,
                rader=_valda_enheter,
            ),
        ),
        "belaggning_manad_totalt": (
            Lank(
                "belaggning_enhet",
                "vardygn_summa_maskerad",
                ("vardygn",),
                _MANAD,
                rader=_utan("enhet"),
            ),
            Lank(
                "belaggning_enhet", "vardygn_maskerad", ("vardygn",), _MANAD, rader=_valda_enheter
            ),
        ),
        # the period is the sum of its months: hidden when any month's total is
        "belaggning_period": (Lank("belaggning_manad_totalt", "vardygn_maskerad", ("vardygn",)),),
    }
)


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
    for lank in LANKAR.get(namn, ()):
        rader = lank.rader(params)
        if rader is None or ra.is_empty():
            continue
        lank_params = params
        if lank.datum_fran:
            if ra[lank.datum_fran][0] is None:
                continue
            lank_params = params | {"datum": ra[lank.datum_fran][0]}
        flaggor = _fin_flaggor(lank, rader, lank_params, hamta, grans)
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
    lank: Lank, rader: pl.Expr, params: dict[str, Any], hamta: Hamta, grans: int
) -> pl.DataFrame:
    """The finer figure's flag per key of this figure (``_f``: any of its rows flagged)."""
    deklarerade = queries.figure(lank.fin).params
    fin_params = {p: v for p, v in params.items() if p in deklarerade and p not in lank.utan}
    datum: dict[str | None, Any] = {None: fin_params.get("datum")}
    if lank.per_manad:
        datum = _lagerdagar(params, hamta)
    delar = []
    for manad, dag in datum.items():
        vy = skydda_vy(lank.fin, fin_params | ({"datum": dag} if manad else {}), hamta, grans)
        df = vy.df if vy.besked is None else vy.df.with_columns(pl.lit(True).alias(lank.flagga))
        df = df.filter(rader).select(*(u.alias(k) for k, u in lank.nycklar.items()), lank.flagga)
        if manad:
            df = df.with_columns(manad=pl.lit(manad))
        delar.append(df)
    nycklar = [*lank.nycklar, *(["manad"] if lank.per_manad else [])]
    alla = pl.concat(delar, how="diagonal_relaxed") if delar else pl.DataFrame()
    if not nycklar:
        return (
            alla.select(pl.col(lank.flagga).alias("_f"))
            if alla.width
            else pl.DataFrame({"_f": []}, schema={"_f": pl.Boolean})
        )
    return alla.group_by(nycklar).agg(pl.col(lank.flagga).any().alias("_f"))


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
