"""Which figures show totals of which finer figure: one link per pair (``queries.skyddsvy``).

Every pair of figures about the same persons at different granularity that a page, the
Export page, the PDF report or ``--masked`` can show is declared here; ``docs/skydd.md``
lists them page by page.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

import polars as pl

from queries.skyddsspec import ERSATTNINGSKATEGORIER, aldersgrupp_uttryck


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
    dataagare: bool = False
    """The finer figure is read for the data owner (``dataomfang.perspektivkommun``), whose
    money this figure, without a municipality parameter, is."""
    precis_en: bool = False
    """This figure's cell is hidden when exactly one of the finer rows it sums is flagged
    (a sum of two or more hidden parts gives none of them); else when any is."""
    farre_an: int = 0
    """Hidden when 1 to ``farre_an`` − 1 of the finer rows are flagged: for a second sum of
    the same parts with known weights (vacant days' cost at each unit's public price), two
    sums give two hidden parts, so fewer than three hidden parts are not enough."""


def _KOSTNAD(nycklar: Mapping[str, pl.Expr]) -> Lank:  # noqa: N802 (a link's name)
    """Vacant days and their cost are two sums over the same units, the second weighted by
    each unit's public price: with two units hidden they give both units' vacant days (and
    care-days), so the cost is hidden unless three or more unit-months inside are."""
    return Lank("belaggning_enhet", "vardygn_maskerad", ("kostnad_lediga_kr",), nycklar,
                rader=_utan("enhet"), farre_an=3)  # fmt: skip


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
# the organisation's own sums, no proxy of persons: contracted places (public, as
# platsdygn) and the fixed yearly amount; the drill-down masks their "1 month" as care-days
_ORGANISATIONENS = frozenset({"plats_avtalad", "arlig_ersattning"})


def _fynd(kontroll: str, *, manad: bool = False) -> Mapping[str, pl.Expr]:
    """``ersattning_avvikelser``'s rows of one check (in the finer row's month)."""
    nycklar = {"kontroll": pl.lit(kontroll)} | ({"manad": pl.col("manad")} if manad else {})
    return MappingProxyType(nycklar)


def _kategori(kod: str) -> Lank:
    """``ersattning``'s column ``kod``: the month's total of that category's rules."""
    return Lank("ersattning_berakning", "antal_summa_maskerad", (kod,), _MANAD,
                rader=lambda _p: pl.col("kategori") == kod)  # fmt: skip


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
            # both directions' totalt − antal are the same persons (responsible here, living
            # here), and the other direction's totalt is the pyramid's (public): a masked
            # antal in either direction would follow from the other three, so all living here
            # is hidden in that month too
            Lank(
                "kommunoverskridande",
                "antal_summa_maskerad",
                ("totalt",),
                MappingProxyType({"riktning": pl.lit("placerade_hos_oss")}),
                per_manad=True,
            ),
        ),
        "belaggning_boendeform": (
            _KOSTNAD(_FORM_MANAD),
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
            _KOSTNAD(_MANAD),
            # the month's cost minus the visible boendeformer's is the one hidden form's cost
            Lank(
                "belaggning_boendeform",
                "kostnad_lediga_kr_maskerad",
                ("kostnad_lediga_kr",),
                _MANAD,
                rader=_utan("enhet"),
                precis_en=True,
            ),
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
        # a category's kronor in a month = its rules' care-days × rates in the drill-down
        "ersattning": tuple(
            _kategori(k) for k in ERSATTNINGSKATEGORIER if k not in _ORGANISATIONENS
        ),
        # the period's expected sum less the visible months' is the hidden months' sum, and
        # their hidden categories are the same few children's days over several months (a
        # small group's days still): hidden when any month's is
        "ersattning_summa": (Lank("ersattning", "forvantad_maskerad", ("forvantad",)),),
        # the per-person schablons of a month are those categories summed (the data owner's)
        "ersattning_utbetalning_manad": (
            Lank("ersattning", "forvantad_maskerad", ("forvantad_person",), _MANAD, dataagare=True),
        ),  # fmt: skip
        # findings that quote the expected sum: the month's, the running sum (booked is
        # shown), and a rule's period kronor resting on an assumption
        "ersattning_avvikelser": (
            Lank(
                "ersattning",
                "forvantad_maskerad",
                ("belopp_kr",),
                _fynd("ansokan_saknas", manad=True),
            ),
            Lank("ersattning", "forvantad_maskerad", ("belopp_kr",), _fynd("bokford_slapar")),
            Lank(
                "ersattning_berakning",
                "antal_maskerad",
                ("belopp_kr",),
                _fynd("antagande"),
                rader=lambda _p: pl.col("antagande") != "",
            ),
        ),  # fmt: skip
        # the forecast's persons per month are its age groups and sexes summed
        "prognos_manad": (
            Lank("prognos_i_vard", "prognos_antal_summa_maskerad", ("prognos_i_vard",), _MANAD),
        ),
        # the outcome is the stock on each month's stock date (as i_vard_manad)
        "prognos_backtest": (
            Lank("alderspyramid", "antal_summa_maskerad", ("utfall",), per_manad=True),
        ),
        # the period is the sum of its months: hidden when any month's total is
        "belaggning_period": (
            Lank("belaggning_manad_totalt", "vardygn_maskerad", ("vardygn",)),
            # the period's cost minus the visible months' is the hidden months' cost: the
            # same few units' vacant days weighted by the same prices, whose month sums are
            # shown, so two months hidden give as much as one
            Lank("belaggning_manad_totalt", "kostnad_lediga_kr_maskerad", ("kostnad_lediga_kr",)),
            _KOSTNAD(MappingProxyType({})),
        ),
        # the findings counted are the sum of the fel and varning checks
        "datakvalitet_summa": (
            Lank(
                "datakvalitet",
                "antal_summa_over_kontroll_inom_fynd_maskerad",
                ("antal_fynd",),
                rader=lambda _p: pl.col("allvarlighet").is_in(["fel", "varning"]),
            ),
        ),
        # the latest import's rows are the sum of its tables' (the import log beside it)
        "import_senaste": (
            Lank(
                "import_logg",
                "rader_lagrade_summa_maskerad",
                ("rader_lagrade",),
                MappingProxyType({"import_id": pl.col("import_id")}),
            ),
        ),
    }
)
