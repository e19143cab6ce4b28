"""What small-number protection must do to each figure: one declaration per figure.

A figure without a declaration is refused by ``queries.skydd.skydda`` (fail closed), and a
test names every figure in ``queries/*.sql`` that lacks one. ``docs/skydd.md`` explains
each choice.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

import polars as pl

from ingest.vocabulary import ALDERSGRANSER

Dims = tuple[str, ...]
RAD = "_skydd_rad"
ALLA = "_skydd_alla"
EXTRA = "_skydd_extra"
"""Working columns of ``queries.skydd``: row number, the all-rows group, a parent's row."""


@dataclass(frozen=True)
class Figurskydd:
    """How one figure is protected; columns not named here are shown as they are."""

    nycklar: Dims = ()
    """The columns that identify a row (descriptive columns that follow a key are left out)."""
    antal: Mapping[str, Dims] = field(default_factory=dict)
    """Counts of persons (or of their placements/anvisningar) -> the key columns along which
    rows add up to a total a reader can see. Masked when 1..threshold-1, then secondary."""
    dygn: Mapping[str, Dims] = field(default_factory=dict)
    """Care-days of a unit or group per month (``manad`` column) -> dimensions, as for antal.
    Masked when they average fewer than threshold persons over the calendar month."""
    foljer: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    """Derived columns (shares, occupancy, vacant days, their cost) -> the columns they are
    computed from: masked when any of those is masked in the same row."""
    komplement: Mapping[str, str] = field(default_factory=dict)
    """A count that is part of another count in the same row -> that count: the difference
    is a count of persons a reader can compute, so it is protected too."""
    delar: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    """A count -> the counts in the same row that add up to it (e.g. persons by sex)."""
    dolda: tuple[str, ...] = ()
    """Counts hidden altogether in the protected view: where a count and a part of it are
    both summed over margins, their difference (a count of persons) could be read from two
    visible margins, which the suppression inside one measure does not see."""
    dagar: str | None = None
    """For a care-day figure without months: the column with the number of days it covers."""
    radniva: bool = False
    """Rows about one person: only for analysts, refused in the protected view."""
    grovre: Mapping[str, tuple[str, pl.Expr]] = field(default_factory=dict)
    """A dimension -> a coarser grouping of it (column name, expression computing it from the
    figure's columns) whose group totals another figure or tile shows: within each group
    the secondary suppression keeps 0 or >= 2 masked parts, or flags the group total
    (``<col>_summa_over_<dim>_inom_<grupp>_maskerad``)."""
    skyddad_vy: bool = True
    """False: not shown in the protected view at all (refused, like row-level data)."""
    urval: str | None = None
    """The count whose total is the number of persons the view covers (``for_fa``)."""
    foljer_alla: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    """Derived columns computed over every row (a mean shown on each row) -> their sources:
    masked in every row when a source is masked in any row."""
    tillsammans: tuple[tuple[str, ...], ...] = ()
    """Counts in one row whose difference a reader knows from elsewhere (new − ended
    placements = the change of the stock, which is shown): one masked masks the others."""
    kronor: Mapping[str, Dims] = field(default_factory=dict)
    """Amounts that are no count and never small in themselves, but totals of a finer
    figure's protected parts: masked only where a link requires (``queries.skyddslankar``),
    then suppressed like counts along their dimensions."""

    def matt(self) -> dict[str, Dims]:
        """Every measure that is masked and suppressed, with its dimensions."""
        return {**self.antal, **self.dygn, **self.kronor}


def _fs(
    nycklar: Dims,
    antal: Mapping[str, Dims] | None = None,
    *,
    dygn: Mapping[str, Dims] | None = None,
    foljer: Mapping[str, tuple[str, ...]] | None = None,
    komplement: Mapping[str, str] | None = None,
    delar: Mapping[str, tuple[str, ...]] | None = None,
    urval: str | None = None,
    dolda: tuple[str, ...] = (),
    dagar: str | None = None,
    grovre: Mapping[str, tuple[str, pl.Expr]] | None = None,
    kronor: Mapping[str, Dims] | None = None,
    tillsammans: tuple[tuple[str, ...], ...] = (),
    foljer_alla: Mapping[str, tuple[str, ...]] | None = None,
    skyddad_vy: bool = True,
) -> Figurskydd:
    return Figurskydd(
        nycklar,
        MappingProxyType(dict(antal or {})),
        MappingProxyType(dict(dygn or {})),
        MappingProxyType(dict(foljer or {})),
        MappingProxyType(dict(komplement or {})),
        MappingProxyType(dict(delar or {})),
        dolda=dolda,
        dagar=dagar,
        urval=urval,
        grovre=MappingProxyType(dict(grovre or {})),
        kronor=MappingProxyType(dict(kronor or {})),
        tillsammans=tillsammans,
        foljer_alla=MappingProxyType(dict(foljer_alla or {})),
        skyddad_vy=skyddad_vy,
    )


def aldersgrupp_uttryck(alder: str) -> pl.Expr:
    """The vocabulary's age group of a whole-years age column."""
    uttryck: pl.Expr = pl.lit(None, dtype=pl.String)
    for kod, (fran, till) in reversed(ALDERSGRANSER.items()):
        villkor = pl.col(alder) >= fran if till is None else pl.col(alder).is_between(fran, till)
        uttryck = pl.when(villkor).then(pl.lit(kod)).otherwise(uttryck)
    return uttryck


_ALDER_KON = ("aldersgrupp", "kon")
ERSATTNINGSKATEGORIER = (
    "plats_avtalad", "plats_belagd", "hvb_asyl", "stodboende", "faktiska_kostnader",
    "schablon_under_18", "schablon_18_20", "anvisning_engangs", "arlig_ersattning",
    "put_engangs", "ankomst_schablon", "arlig_rorlig",
)  # fmt: skip
"""The category columns of ``ersattning`` (one per ``kategori`` of ``ersattning_berakning``)."""
_BELAGGNING_FOLJER = {
    "belaggning": ("vardygn",),
    "lediga_platsdygn": ("vardygn",),
    "kostnad_lediga_kr": ("vardygn",),
}

SKYDD: Mapping[str, Figurskydd] = MappingProxyType(
    {
        # persons in care on a date: every cell adds up along both axes (margins, tiles)
        "alder_kon": _fs(_ALDER_KON, {"antal": _ALDER_KON}, urval="antal"),
        # single ages: the age groups' totals are public (alder_kon, aldersgrupp_manad)
        "alderspyramid": _fs(
            ("alder", "kon"),
            {"antal": ("alder", "kon")},
            urval="antal",
            grovre={"alder": ("aldersgrupp", aldersgrupp_uttryck("alder"))},
        ),
        # a stock per month: months do not add up, age groups and sexes do within a month
        "aldersgrupp_manad": _fs(("manad", *_ALDER_KON), {"antal": _ALDER_KON}, urval="antal"),
        # flows per month: a period total is the sum over months
        "anvisningar_manad": _fs(
            ("manad", *_ALDER_KON),
            {
                "antal": ("manad", *_ALDER_KON),
                "antal_overflyttningar": ("manad", *_ALDER_KON),
            },
            komplement={"antal_overflyttningar": "antal"},
            urval="antal",
            # Σ antal − Σ transfers over a margin = the first anvisningar of that margin
            dolda=("antal_overflyttningar",),
        ),
        "avslut_orsak": _fs(("avslutsorsak",), {"antal": ("avslutsorsak",)}, urval="antal"),
        "fodelsedagar_manad": _fs(
            ("manad", "fyller"), {"antal": ("manad", "fyller")}, urval="antal"
        ),
        "fodelsedagar_kommande": Figurskydd(radniva=True),
        "i_vard_manad": _fs(
            ("manad",),
            {
                "antal_i_vard": (),
                "nya_placeringar": ("manad",),
                "avslutade_placeringar": ("manad",),
            },
            dygn={"vardygn": ()},
            urval="antal_i_vard",
            # stock(month) − stock(month before) = new − ended: either gives the other away,
            # and with both shown a hidden stock follows from the month before's; no page
            # shows them, so the protected view hides both
            tillsammans=(("nya_placeringar", "avslutade_placeringar"),),
            dolda=("nya_placeringar", "avslutade_placeringar"),
        ),
        # within the län and outside it are totals on the tiles (kommunoverskridande_summa)
        "kommunoverskridande": _fs(
            ("riktning", "kommun"),
            {"antal": ("kommun",)},
            urval="antal",
            grovre={"kommun": ("samma_lan", pl.col("samma_lan"))},
        ),
        # its cells repeat kommunoverskridande's and its diagonal is andel's totalt − antal:
        # two protections of the same counts could be played against each other
        "kommunoverskridande_matris": Figurskydd(
            ("ansvarig_kommun", "vistelsekommun"),
            MappingProxyType({"antal": ("ansvarig_kommun", "vistelsekommun")}),
            urval="antal",
            skyddad_vy=False,
        ),
        "kommunoverskridande_andel": _fs(
            ("manad", "riktning"),
            {"antal": (), "totalt": ()},
            foljer={"andel": ("antal", "totalt")},
            komplement={"antal": "totalt"},
            urval="totalt",
        ),
        # units with contracted places: care-days reveal how many children a unit has. Its
        # cells are belaggning_enhet's, protected there with partners in the same boendeform;
        # protected again here it picks other partners, and the two together give a unit's
        # care-days back: not in the protected view (the Export offers belaggning_enhet)
        "belaggning": _fs(
            ("enhet_id", "manad"),
            dygn={"vardygn": ("enhet_id",)},
            foljer={"belaggning": ("vardygn",)},
            skyddad_vy=False,
        ),
        # the units of a boendeform add up to belaggning_boendeform's care-days
        "belaggning_enhet": _fs(
            ("enhet_id", "manad"),
            dygn={"vardygn": ("enhet_id",)},
            foljer=_BELAGGNING_FOLJER,
            grovre={"enhet_id": ("boendeform", pl.col("boendeform"))},
        ),
        "belaggning_boendeform": _fs(
            ("boendeform", "manad"),
            dygn={"vardygn": ("boendeform",)},
            foljer=_BELAGGNING_FOLJER,
            kronor={"kostnad_lediga_kr": ()},
        ),
        # a second split of the same care-days (by the residents' permit status): with the
        # units' split it is a two-way table protected along neither way; a platstyp minus
        # the visible units that hold it can give a masked unit's care-days. Not in the
        # protected view
        "belaggning_platstyp": _fs(
            ("platstyp", "manad"),
            dygn={"vardygn": ("platstyp",)},
            foljer={"belaggning": ("vardygn",), "lediga_platsdygn": ("vardygn",)},
            skyddad_vy=False,
        ),
        # checks count persons, placements or units; the findings (fel and varning) add up to
        # datakvalitet_summa's count
        "datakvalitet": _fs(
            ("kontroll",),
            {"antal": ("kontroll",)},
            grovre={"kontroll": ("fynd", pl.col("allvarlighet").is_in(["fel", "varning"]))},
        ),
        # the rows stored for personer are the number of persons in the export; an import's
        # tables add up to its total (import_senaste)
        "import_logg": _fs(
            ("import_id", "tabell"), {"rader_lasta": ("tabell",), "rader_lagrade": ("tabell",)}
        ),
        # Figures added on main after this branch was cut (whole-period totals, tiles):
        # declared here so that they are protected from the merge on.
        "i_vard_nyckeltal": _fs(
            (),
            {
                c: ()
                for c in (
                    "antal_i_vard",
                    "antal_k",
                    "antal_m",
                    "antal_x",
                    "antal_manad_fore",
                    "antal_ar_fore",
                )
            },
            foljer={
                "forandring_manad": ("antal_i_vard", "antal_manad_fore"),
                "forandring_ar": ("antal_i_vard", "antal_ar_fore"),
            },
            delar={"antal_i_vard": ("antal_k", "antal_m", "antal_x")},
            urval="antal_i_vard",
        ),  # fmt: skip
        "i_vard_manad_kon": _fs(("manad", "kon"), {"antal": ("kon",)}, urval="antal"),
        "kommunoverskridande_summa": _fs(
            ("riktning",),
            {"antal": (), "antal_samma_lan": ()},
            komplement={"antal_samma_lan": "antal"},
            urval="antal",
        ),
        # the cost of vacant days is also linked: hidden unless 0 or >= 3 units inside are
        # (skyddslankar._KOSTNAD)
        "belaggning_manad_totalt": _fs(
            ("manad",),
            dygn={"vardygn": ()},
            foljer=_BELAGGNING_FOLJER,
            kronor={"kostnad_lediga_kr": ()},
        ),
        "belaggning_period": _fs(
            (),
            dygn={"vardygn": ()},
            foljer=_BELAGGNING_FOLJER,
            dagar="antal_dagar",
            kronor={"kostnad_lediga_kr": ()},
        ),
        # care-days at units without contracted places: mostly family homes, one child each
        "vardygn_utan_platser": _fs(("boendeform", "manad"), dygn={"vardygn": ("boendeform",)}),
        "datakvalitet_summa": _fs((), {"antal_fynd": ()}),
        "import_senaste": _fs(("import_id",), {"rader_lagrade": ()}),
        "import_aktualitet": _fs(
            ("tabell",), {"rader_lasta": ("tabell",), "rader_lagrade": ("tabell",)}
        ),
        "budgetbalans_hittills": _fs(()),
        # no counts of persons: ledger sums of the organisation, dates and the municipality
        "dataomfang": _fs(()),
        "budgetbalans": _fs(("manad",)),
        "ekonomi_kategori": _fs(("typ", "kategori")),
        "ekonomi_verksamhet": _fs(("verksamhet",)),
        "import_varningar": _fs(()),
        # state compensation: the drill-down counts care-days per rule and month, which for
        # a rule that fits one child are that child's days: masked as care-days. A category's
        # kronor per month is the total of its rules (masked where the drill-down hides that
        # total, skyddslankar), and the expected sum adds up categories the drill-down shows:
        # it (and the gap to the ledger) hides whenever a category does
        "ersattning": _fs(
            ("manad",),
            kronor={k: () for k in ERSATTNINGSKATEGORIER},
            foljer={"forvantad": ERSATTNINGSKATEGORIER, "differens": ERSATTNINGSKATEGORIER},
        ),
        # the months' sum: hidden when exactly one month's expected sum is (skyddslankar)
        "ersattning_summa": _fs((), kronor={"forvantad": ()}, foljer={"differens": ("forvantad",)}),
        # findings that quote expected kronor: masked through links (skyddslankar)
        "ersattning_avvikelser": _fs(("kontroll", "manad"), kronor={"belopp_kr": ()}),
        # Migrationsverket's payments per person: rows about one person, analysts only
        "ersattning_utbetalning_avstamning": Figurskydd(radniva=True),
        # the data owner's per-person schablons per month: categories of `ersattning` summed
        "ersattning_utbetalning_manad": _fs(
            ("manad",),
            kronor={"forvantad_person": ()},
            foljer={"differens": ("forvantad_person",)},
        ),
        "ersattning_berakning": _fs(
            ("manad", "kategori", "regel_id"),
            dygn={"antal": ("regel_id",)},
            foljer={"summa_kr": ("antal",), "berakning": ("antal",)},
        ),
        # the forecast of persons by age group and sex is a near copy of today's small groups
        "prognos_i_vard": _fs(
            ("manad", "aldersgrupp", "kon"),
            {"prognos_antal": ("aldersgrupp", "kon")},
            urval="prognos_antal",
        ),
        "prognos_manad": _fs(
            ("manad",),
            {"prognos_i_vard": ()},
            foljer={"prognos_belaggning": ("prognos_i_vard",)},
        ),
        "prognos_backtest": _fs(
            ("manad",),
            {"utfall": (), "prognos": ()},
            foljer={"fel": ("utfall", "prognos"), "abs_andel": ("utfall", "prognos")},
            # the mean error over the rows, on every row: with one row's outcome hidden, the
            # mean less the visible rows' errors would give it back
            foljer_alla={"mape": ("utfall", "prognos")},
        ),
        "prognos_ekonomi_backtest": _fs(("manad",)),
        # a what-if recomputed on the outcome: its levers turn counts into kronor (a rule's
        # amount + 1 kr gives the count; a move capped at the persons there gives them), so
        # it is an analyst's tool, not in the protected view (docs/skydd.md rule 13)
        "scenario": _fs(("manad",), skyddad_vy=False),
    }
)
