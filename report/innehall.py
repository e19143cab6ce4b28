"""What the report shows: the figures, read once from a read-only connection, masked or not.

Every number comes from a figure of ``queries/``; this module only picks the rows, applies
``queries.skydd`` (unless the internal version is asked for), hides totals that another
figure on the same page flags, and hands each section its sentence, table and chart.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import duckdb
import plotly.graph_objects as go
import polars as pl

import queries
from charts.alder import alderspyramid
from charts.belaggning import vardygn_mot_platser
from charts.ekonomi import ackumulerad_balans
from charts.ersattning import scenario as scenario_diagram
from charts.format import fmt_kr, fmt_pct
from charts.kommun import per_kommun
from queries import scenario_lank, skydd, skyddsvy, stamp
from report import meningar
from report.diagram import grova_antalsaxel
from report.meningar import Varden


class RapportFel(ValueError):
    """A database the report cannot be built from, with a Swedish message."""


@dataclass(frozen=True)
class Urval:
    """What the report is about: the filters every figure gets."""

    kommun: str
    """The responsible (perspective) municipality's code, e.g. ``0182``."""
    datum: date
    """The reporting date: stocks are counted on it."""
    fran: date
    """First day of the period for flows, occupancy and finance."""
    till: date
    """Last day of the period."""
    intern: bool = False
    """True: the unmasked internal version."""
    scenario: str = ""
    """A what-if as its link's `s_*` query string (queries.scenario_lank); '' = none."""


@dataclass
class Figur:
    """One numbered section of the report."""

    titel: str
    mening: str
    tabell: list[tuple[str, str]]
    diagram: go.Figure | None
    definitioner: tuple[str, ...]
    notering: str = ""
    kolumner: tuple[str, ...] = ()
    """Header of a table with one row per month (`rader`), beside the two-column one."""
    rader: list[tuple[str, ...]] = field(default_factory=list)


@dataclass
class Innehall:
    """Everything the report prints, and the frames its content hash is taken from."""

    urval: Urval
    kommun_namn: str
    lan: str
    """The municipality's län, e.g. ``Stockholms län``."""
    demo: bool
    uttagsdatum: date | None
    importerad: Any
    agare: str | None = None
    """The data owner (perspective municipality of the import): its places and ledger."""
    figurer: list[Figur] = field(default_factory=list)
    ramar: list[pl.DataFrame] = field(default_factory=list)

    def innehallskod(self) -> str:
        """A short hash of the figures' data: the same code means the same figures."""
        h = hashlib.sha256()
        for ram in self.ramar:
            h.update(ram.write_csv().encode("utf-8"))
        return h.hexdigest()[:12]


class Hamtare:
    """Runs figures on one connection and protects them, remembering what it showed."""

    def __init__(self, con: duckdb.DuckDBPyConnection, u: Urval, innehall: Innehall) -> None:
        self.con, self.u, self.innehall = con, u, innehall
        self.grans = skydd.maskgrans()

    def hamta(self, namn: str, **params: Any) -> pl.DataFrame:
        if self.u.intern:
            df = queries.run(namn, con=self.con, **params)
        else:
            # as the dashboard's protected view: with the finer figures it shows totals of
            df = skyddsvy.skydda_vy(namn, params, self._ra, self.grans).df
        self.innehall.ramar.append(df)
        return df

    def _ra(self, namn: str, params: dict[str, Any]) -> pl.DataFrame:
        return queries.run(namn, con=self.con, **params)

    def varden(self, df: pl.DataFrame, **dolda: bool) -> Varden:
        return meningar.rad_varden(df, self.grans, **dolda)


def las(con: duckdb.DuckDBPyConnection, u: Urval) -> Innehall:
    """The report's content from the database on ``con`` (checked for its build stamp)."""
    fel = stamp.check(con)
    if fel:
        raise RapportFel(fel)
    imp = queries.run("import_senaste", con=con)
    if imp.is_empty():
        raise RapportFel("Databasen innehåller ännu inga importerade data.")
    namn = con.execute(
        "select kommun, lan from kommuner where kommunkod = ?", [u.kommun]
    ).fetchone()
    if namn is None:
        raise RapportFel(f"Okänd kommunkod {u.kommun!r}: ange en kod som 0182.")
    senaste = imp.row(0, named=True)
    innehall = Innehall(
        u, namn[0], namn[1], bool(senaste["demo"]), senaste["uttagsdatum"], senaste["importerad"]
    )
    h = Hamtare(con, u, innehall)
    innehall.agare = queries.run("dataomfang", con=con)["perspektivkommun"][0]
    for bygg in (_i_vard, _kommunoverskridande):
        innehall.figurer.append(bygg(h))
    # contracted places, ledger and budget are the data owner's: another municipality's
    # report would show the owner's occupancy and money under its own name
    if innehall.agare == u.kommun:
        for valfri in (_belaggning, _ekonomi, _ersattning, _scenario):
            figur = valfri(h)
            if figur is not None:
                innehall.figurer.append(figur)
    return innehall


def _synliga(df: pl.DataFrame, kolumn: str) -> pl.DataFrame:
    """Rows a chart can draw: masked cells (null) are left out, the table says `<5`."""
    return df.filter(pl.col(kolumn).is_not_null())


def _i_vard(h: Hamtare) -> Figur:
    u = h.u
    filt = {"datum": u.datum, "kommun": u.kommun}
    nyckeltal = h.hamta("i_vard_nyckeltal", **filt)
    pyramid = h.hamta("alderspyramid", **filt)
    v = h.varden(nyckeltal, **meningar.i_vard_dolda(pyramid))
    synliga = _synliga(pyramid, "antal")
    diagram = alderspyramid(synliga) if synliga.height else None
    if diagram is not None and not u.intern:
        grova_antalsaxel(diagram, "x", float(synliga["antal"].max()), h.grans)  # type: ignore[arg-type]
    tabell = [
        ("I vård på rapportdatumet", v.text("antal_i_vard")),
        ("varav flickor", v.text("antal_k")),
        ("varav pojkar", v.text("antal_m")),
        ("varav okänt kön", v.text("antal_x")),
        ("En månad tidigare", v.text("antal_manad_fore")),
        ("Ett år tidigare", v.text("antal_ar_fore")),
    ]
    return Figur(
        "Barn och unga i vård, per ålder och kön",
        meningar.i_vard(v, u.datum, h.innehall.kommun_namn),
        tabell,
        diagram,
        ("i_vard_nyckeltal", "alderspyramid"),
        _dold_notering(h, pyramid, "antal", "Åldrar", diagram),
    )


def _dold_notering(
    h: Hamtare, df: pl.DataFrame, kolumn: str, vad: str, diagram: go.Figure | None
) -> str:
    if h.u.intern or df.is_empty() or not df[f"{kolumn}_maskerad"].any():
        return ""
    if diagram is None:
        return f"Diagrammet visas inte: alla dess värden är skyddade (<{h.grans})."
    return f"{vad} med ett skyddat värde (<{h.grans}) visas inte i diagrammet."


def _kommunoverskridande(h: Hamtare) -> Figur:
    u = h.u
    summa = h.hamta("kommunoverskridande_summa", datum=u.datum, kommun=u.kommun)
    per_kommun_df = h.hamta("kommunoverskridande", datum=u.datum, kommun=u.kommun)
    varden = {}
    for riktning in ("placerade_hos_oss", "vara_i_andra"):
        delar = per_kommun_df.filter(pl.col("riktning") == riktning)
        dolda = meningar.riktning_dolda(delar)
        varden[riktning] = h.varden(summa.filter(pl.col("riktning") == riktning), **dolda)
    hos_oss, andra = varden["placerade_hos_oss"], varden["vara_i_andra"]
    # all living here on the reporting date, and the share placed by others: the stock of
    # the month's first day to the reporting date is taken on the reporting date
    andel_df = h.hamta(
        "kommunoverskridande_andel",
        fran=date(u.datum.year, u.datum.month, 1),
        till=u.datum,
        kommun=u.kommun,
    ).filter(pl.col("riktning") == "placerade_hos_oss")
    bor_har = Varden(andel_df.row(-1, named=True), h.grans) if andel_df.height else None
    synliga_alla = per_kommun_df.filter(pl.col("riktning") == "placerade_hos_oss")
    synliga = _synliga(synliga_alla, "antal")
    diagram = per_kommun(synliga, "") if synliga.height else None
    if diagram is not None and not u.intern:
        langst = synliga.group_by("kommun").agg(pl.col("antal").sum())["antal"].max()
        grova_antalsaxel(diagram, "x", float(langst), h.grans)  # type: ignore[arg-type]
    tabell = [
        ("Bor här, annan ansvarig kommun", hos_oss.text("antal")),
        (f"varav från {h.innehall.lan}", hos_oss.text("antal_samma_lan")),
        ("Vår kommun ansvarig, bor i annan kommun", andra.text("antal")),
        (f"varav i {h.innehall.lan}", andra.text("antal_samma_lan")),
    ]
    visar = "Diagrammet: de som bor här, per ansvarig kommun. " if diagram else ""
    return Figur(
        "Kommunöverskridande placeringar",
        meningar.kommunoverskridande(
            hos_oss, andra, u.datum, h.innehall.kommun_namn, h.innehall.lan, bor_har
        ),
        tabell,
        diagram,
        ("kommunoverskridande_summa", "kommunoverskridande"),
        visar + _dold_notering(h, synliga_alla, "antal", "Kommuner", diagram),
    )


def _belaggning(h: Hamtare) -> Figur | None:
    u = h.u
    period = h.hamta("belaggning_period", fran=u.fran, till=u.till)
    if period.is_empty() or not period["platsdygn"][0]:
        return None
    per_form = h.hamta("belaggning_boendeform", fran=u.fran, till=u.till)
    v = h.varden(period)
    tabell = [
        ("Avtalade platsdygn", v.text("platsdygn")),
        ("Vårddygn", v.text("vardygn")),
        ("Beläggning", v.text("belaggning", fmt_pct)),
        ("Lediga platsdygn", v.text("lediga_platsdygn")),
        ("Kostnad för lediga platsdygn", v.text("kostnad_lediga_kr", fmt_kr)),
    ]
    synliga = _synliga(per_form, "vardygn")
    diagram = vardygn_mot_platser(synliga) if synliga.height else None
    return Figur(
        "Beläggning av avtalade platser",
        meningar.belaggning(v, u.fran, u.till),
        tabell,
        diagram,
        ("belaggning_period", "belaggning_boendeform"),
        _dold_notering(h, per_form, "vardygn", "Boendeformer och månader", diagram),
    )


def _ekonomi(h: Hamtare) -> Figur | None:
    u = h.u
    hittills = h.hamta("budgetbalans_hittills", datum=u.datum)
    manader = h.hamta("budgetbalans", fran=u.fran, till=u.till)
    belopp = manader.select("kostnad", "intakt", "budget_kostnad", "budget_intakt")
    # a month without ledger or budget rows is all zeros: no finance data to report
    if not belopp.select(pl.any_horizontal(pl.all().fill_null(0) != 0).any()).item():
        return None
    v = h.varden(hittills)
    tabell = [
        ("Balans hittills i år", v.text("ack_balans", fmt_kr)),
        ("Budgetens balans samma månader", v.text("ack_budget_balans", fmt_kr)),
        ("Avvikelse mot budget", v.text("avvikelse_mot_budget", fmt_kr)),
        ("Helårsprognos (budget för resten av året)", v.text("prognos_budget_balans", fmt_kr)),
        ("Helårsprognos (takt hittills)", v.text("prognos_takt_balans", fmt_kr)),
    ]
    return Figur(
        "Ekonomi: balans mot budget",
        meningar.ekonomi(v),
        tabell,
        ackumulerad_balans(manader, "budget") if manader.height else None,
        ("budgetbalans_hittills", "budgetbalans"),
    )


def _ersattning(h: Hamtare) -> Figur | None:
    u = h.u
    summa = h.hamta("ersattning_summa", fran=u.fran, till=u.till, kommun=u.kommun)
    v = h.varden(summa)
    if not (v.dold("forvantad") or v.tal("forvantad") or v.tal("sokt") or v.tal("bokford")):
        return None
    tabell = [
        ("Förväntad ersättning", v.kronor("forvantad")),
        ("Sökt ersättning", v.kronor("sokt")),
        ("Bokförd ersättning", v.kronor("bokford")),
        ("Differens", v.kronor("differens")),
    ]
    return Figur(
        "Statlig ersättning",
        meningar.ersattning(v, u.fran, u.till),
        tabell,
        None,
        ("ersattning_summa",),
    )


def _scenario(h: Hamtare) -> Figur | None:
    u = h.u
    if not u.scenario:
        return None
    parametrar = scenario_lank.parametrar(scenario_lank.las_lank(u.scenario))
    df = h.hamta("scenario", fran=u.fran, till=u.till, kommun=u.kommun, **parametrar).sort("manad")
    if df.is_empty():
        return None
    sista = h.varden(df.tail(1))
    rader = [
        (meningar.manad_text(r["manad"]), *(fmt_kr(r[k]) for k in SCENARIOKOLUMNER))
        for r in df.iter_rows(named=True)
    ]
    return Figur(
        "Scenario: balans med och utan scenariot",
        meningar.scenario(sista, u.scenario, u.fran, u.till),
        [("Scenariots effekt på balansen i perioden", sista.text("ack_effekt_balans", fmt_kr))],
        scenario_diagram(df),
        ("scenario",),
        f"Scenario, inte utfall: {u.scenario}",
        ("Månad", "Kostnad", "Kostnad, scenario", "Intäkt", "Intäkt, scenario", "Balans",
         "Balans, scenario", "Effekt"),
        rader,
    )  # fmt: skip


SCENARIOKOLUMNER = (
    "kostnad", "scenario_kostnad", "intakt", "scenario_intakt", "balans", "scenario_balans",
    "effekt_balans",
)  # fmt: skip
