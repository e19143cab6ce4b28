"""Demo exports at county and national scale, written vectorised with numpy and polars.

Why it exists: the import and the figures must be measured on data of the size a county
collaboration (Stockholms län, ~50 000 persons) or a national authority (~400 000 persons)
holds, and the municipal demo (`data/demo.py`) is written row by row for realism of detail,
not for size. Every column here is drawn as a whole array from one `numpy` generator seeded
by the caller, so the same seed gives the same bytes. The story's numbers (SOURCES.md §3/§5):
the 2015 peak of applications and the decline after it, KSL's 2016 county mapping (35 %
placed in the assigned municipality, 45 % elsewhere in the län, 20 % in another län), the
average cost per dygn (HVB 2 017 kr, familjehem 1 258 kr, jourhem 2 102 kr), mostly boys
aged 16–17. All files are plain comma CSV in UTF-8, a format the contract accepts.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

import numpy as np
import polars as pl

from data.demo_ekonomi import KONTOPLAN
from data.demo_skala_ekonomi import skriv_ekonomi

UTTAG_SKALA = date(2020, 12, 31)
REFERENS = Path(__file__).parent / "reference" / "kommuner.csv"


@dataclass(frozen=True)
class Skala:
    """How big an export is and which municipalities it covers (None: all of Sweden)."""

    personer: int
    lanskod: str | None
    flyttar: float = 2.0
    """Mean number of moves per person (Poisson): placements per person = 1 + moves."""
    max_placeringar: int = 6


SKALOR: dict[str, Skala] = {
    "county": Skala(50_000, "01"),
    # 1 500 000 placements for 400 000 persons: 3.75 each, more moves than in one county
    "national": Skala(400_000, None, 2.85, 8),
}

# Monthly applications by unaccompanied minors (SCB/Migrationsverket, SOURCES.md §3/§5):
# 2015 totals 35 369 with 9 339 in October and 8 808 in November; the other years are flat.
AR_2015 = (700, 600, 700, 700, 900, 1100, 1600, 2300, 5405, 9339, 8808, 3217)
AR_2016 = (800, 400, 107, *([99] * 9))
ARSTOTAL = {2014: 7049, 2017: 1336, 2018: 944, 2019: 900, 2020: 500}

MALFORDELNING = (0.35, 0.45, 0.20)
"""KSL 2016: in the assigned municipality, elsewhere in the län, in another län."""
BOENDEFORMER = ("HVB", "familjehem", "jourhem", "stodboende", "traningslagenhet")
FORMANDEL = (0.50, 0.25, 0.07, 0.13, 0.05)
DYGNSPRIS = (2017, 1258, 2102, 900, 700)
"""Average kr per dygn: HVB, familjehem, jourhem from KSL 2015; the last two are estimates."""
ALDER_VID_ANKOMST = (13, 14, 15, 16, 17)
ALDERSANDEL = (0.05, 0.08, 0.17, 0.35, 0.35)
ANDEL_POJKAR = 0.88
"""SCB: 92 % boys in 2015, 80 % in 2014 and 2016."""
ANDEL_ANDRAD_ALDER = 0.03


def manadsvikter() -> tuple[np.ndarray, np.ndarray]:
    """First day of each month 2014–2020 (as numpy dates) and its share of all anvisningar."""
    vikter: list[float] = []
    for ar in range(2014, 2021):
        if ar == 2015:
            vikter.extend(AR_2015)
        elif ar == 2016:
            vikter.extend(AR_2016)
        else:
            vikter.extend([ARSTOTAL[ar] / 12] * 12)
    manader = np.arange("2014-01", "2021-01", dtype="datetime64[M]").astype("datetime64[D]")
    andel = np.array(vikter) / sum(vikter)
    return manader, andel


def kommuner(lanskod: str | None) -> pl.DataFrame:
    """The municipalities whose units appear in the export, sorted by län then code."""
    alla = pl.read_csv(REFERENS, schema_overrides={"kommunkod": pl.Utf8, "lanskod": pl.Utf8})
    alla = alla.sort("lanskod", "kommunkod").select("kommunkod", "lanskod")
    if lanskod is None:
        return alla
    # a county's children are also placed in other län: units in every ninth other municipality
    andra = alla.filter(pl.col("lanskod") != lanskod).gather_every(9)
    return pl.concat([alla.filter(pl.col("lanskod") == lanskod), andra]).sort(
        "lanskod", "kommunkod"
    )


def generera(mapp: Path, skala: Skala, seed: int) -> None:
    """Write the ten contract tables of one scale demo into `mapp`."""
    mapp.mkdir(parents=True, exist_ok=True)
    rng = np.random.default_rng(seed)
    alla = kommuner(skala.lanskod)
    egna = alla if skala.lanskod is None else alla.filter(pl.col("lanskod") == skala.lanskod)
    per_form = max(1, min(8, skala.personer // 1000))
    enheter = _enheter(rng, alla, per_form)
    folk = _personer(rng, skala.personer, egna["kommunkod"].to_numpy())
    vard = _placeringar(rng, folk, alla, per_form, skala)
    _skriv(
        mapp,
        "personer",
        folk.select("person_id", "fodelsedatum", "kon", "medborgarskap", "ankomstdatum"),
    )
    _skriv(mapp, "aldersandringar", _aldersandringar(rng, folk))
    _skriv(mapp, "anvisningar", _anvisningar(rng, folk))
    _skriv(mapp, "enheter", enheter.drop("kommunnr"))
    _skriv(mapp, "platser", _platser(rng, enheter))
    _skriv(mapp, "placeringar", vard.drop("boendeform", "lan"))
    skriv_ekonomi(mapp, vard, KONTOPLAN, UTTAG_SKALA)


def _skriv(mapp: Path, tabell: str, df: pl.DataFrame) -> None:
    df.write_csv(mapp / f"{tabell}.csv", date_format="%Y-%m-%d", null_value="")


def _koder(prefix: str, nr: np.ndarray, bredd: int) -> pl.Series:
    return prefix + pl.Series(nr).cast(pl.Utf8).str.zfill(bredd)


def _val(rng: np.random.Generator, n: int, varden: tuple, andelar: tuple) -> np.ndarray:
    return np.asarray(varden)[rng.choice(len(varden), size=n, p=np.asarray(andelar))]


def _enheter(rng: np.random.Generator, alla: pl.DataFrame, per_form: int) -> pl.DataFrame:
    """`per_form` units of every form in every municipality, in (kommun, form, nr) order."""
    m, f = alla.height, len(BOENDEFORMER)
    nr = np.arange(m * f * per_form)
    kommunnr, formnr = nr // (f * per_form), (nr // per_form) % f
    # ±25 % around the form's average keeps the mean at the published figure
    pris = np.asarray(DYGNSPRIS)[formnr] * rng.uniform(0.75, 1.25, size=nr.size)
    koder = alla["kommunkod"].to_numpy()[kommunnr]
    form = np.asarray(BOENDEFORMER)[formnr]
    return pl.DataFrame({
        "enhet_id": _koder("E", nr, 6),
        "namn": pl.Series(form) + " " + pl.Series(koder) + " nr " + pl.Series(nr % per_form + 1).cast(pl.Utf8),
        "boendeform": form,
        "kommun": koder,
        "regi": _val(rng, nr.size, ("egen", "upphandlad", "entreprenad"), (0.3, 0.5, 0.2)),
        "dygnspris": pl.Series(np.round(pris).astype(int)).cast(pl.Utf8) + ".00",
        "kommunnr": kommunnr,
    })  # fmt: skip


def _personer(rng: np.random.Generator, n: int, egna: np.ndarray) -> pl.DataFrame:
    manader, andel = manadsvikter()
    anvisad = manader[rng.choice(manader.size, size=n, p=andel)] + rng.integers(0, 28, n)
    anvisad = np.sort(anvisad)  # person numbers follow arrival, as case systems number them
    alder = _val(rng, n, ALDER_VID_ANKOMST, ALDERSANDEL).astype(int)
    fodd = anvisad - (alder * 365.25 + rng.integers(0, 365, n)).astype("timedelta64[D]")
    arton = fodd + np.timedelta64(6575, "D")  # 18 years, near enough for a story
    # most leave care at 18; a third stay on towards 21 (förlängd vård, stödboende)
    forlangt = rng.random(n) < 0.33
    slut = arton + np.where(forlangt, rng.integers(100, 1000, n), rng.integers(-60, 30, n))
    slut = np.maximum(slut, anvisad + 200).astype("datetime64[D]")
    return pl.DataFrame({
        "person_id": _koder("P", np.arange(1, n + 1), 7),
        "fodelsedatum": fodd.astype("datetime64[D]"),
        "kon": _val(rng, n, ("M", "K", "X"), (ANDEL_POJKAR, 1 - ANDEL_POJKAR - 0.005, 0.005)),
        "medborgarskap": _val(rng, n, ("Afghanistan", "Syrien", "Somalia", "Eritrea", "Irak"),
                              (0.66, 0.11, 0.06, 0.09, 0.08)),
        "ankomstdatum": anvisad - rng.integers(1, 10, n),
        "anvisningsdatum": anvisad,
        "anvisningskommun": egna[rng.integers(0, egna.size, n)],
        "vard_slut": slut,
    }).with_columns(pl.col("^.*datum$", "vard_slut").cast(pl.Date))  # fmt: skip


def _aldersandringar(rng: np.random.Generator, folk: pl.DataFrame) -> pl.DataFrame:
    """A few persons were registered a year younger until a decision some months in."""
    urval = folk.filter(pl.Series(rng.random(folk.height) < ANDEL_ANDRAD_ALDER))
    return urval.select(
        "person_id",
        beslutsdatum=pl.col("anvisningsdatum") + pl.duration(days=120),
        tidigare_fodelsedatum=pl.col("fodelsedatum").dt.offset_by("1y"),
    ).filter(pl.col("beslutsdatum") <= UTTAG_SKALA)


def _anvisningar(rng: np.random.Generator, folk: pl.DataFrame) -> pl.DataFrame:
    n = folk.height
    avslutad = pl.col("vard_slut") <= UTTAG_SKALA
    return folk.select(
        anvisning_id=pl.format("A{}", pl.col("person_id").str.slice(1)),
        person_id="person_id",
        anvisningsdatum="anvisningsdatum",
        anvisningskommun="anvisningskommun",
        ankomstkommun=pl.lit(None, pl.Utf8),
        uppehallstillstand=pl.Series(
            _val(rng, n, ("PUT", "TUT", "asylsokande", "avslag"), (0.55, 0.2, 0.1, 0.15))
        ),
        uppehallstillstand_datum=pl.col("anvisningsdatum") + pl.duration(days=300),
        avslutsdatum=pl.when(avslutad).then("vard_slut"),
        avslutsorsak=pl.when(avslutad).then(pl.lit("arbete")),
    ).with_columns(
        uppehallstillstand_datum=pl.when(
            pl.col("uppehallstillstand").is_in(["PUT", "TUT"])
            & (pl.col("uppehallstillstand_datum") <= UTTAG_SKALA)
        ).then("uppehallstillstand_datum")
    )


def _platser(rng: np.random.Generator, enheter: pl.DataFrame) -> pl.DataFrame:
    """Contracted places for the institutional forms, open-ended from 2014."""
    inst = enheter.filter(pl.col("boendeform").is_in(["HVB", "stodboende"]))
    return inst.select(
        "enhet_id",
        giltig_fran=pl.lit(date(2014, 1, 1)),
        giltig_till=pl.lit(None, pl.Date),
        antal_platser=pl.Series(rng.integers(6, 25, inst.height)),
        platstyp=pl.lit("asyl"),
        alder_fran=pl.lit(None, pl.Int64),
        alder_till=pl.lit(None, pl.Int64),
    )


def _placeringar(
    rng: np.random.Generator, folk: pl.DataFrame, alla: pl.DataFrame, per_form: int, skala: Skala
) -> pl.DataFrame:
    """Consecutive placements per person, each in a unit chosen by KSL's mapping."""
    antal = np.clip(rng.poisson(skala.flyttar, folk.height) + 1, 1, skala.max_placeringar)
    idx = np.repeat(np.arange(folk.height), antal)
    n = idx.size
    rader = folk[idx].select("person_id", "anvisningsdatum", "vard_slut", "anvisningskommun")
    kommunnr = _malkommun(rng, rader["anvisningskommun"].to_numpy(), alla)
    formnr = rng.choice(len(BOENDEFORMER), size=n, p=np.asarray(FORMANDEL))
    enhetnr = (kommunnr * len(BOENDEFORMER) + formnr) * per_form + rng.integers(0, per_form, n)
    vikt = rng.uniform(0.5, 1.5, n)
    df = rader.with_columns(
        enhet_id=_koder("E", enhetnr, 6),
        boendeform=pl.Series(np.asarray(BOENDEFORMER)[formnr]),
        vikt=pl.Series(vikt),
        pris=pl.Series(np.asarray(DYGNSPRIS)[formnr] * rng.uniform(0.75, 1.25, n)),
    )
    return _delade_perioder(df)


def _delade_perioder(df: pl.DataFrame) -> pl.DataFrame:
    """Split each person's care into consecutive placements by the rows' random weights."""
    langd = (pl.col("vard_slut") - pl.col("anvisningsdatum")).dt.total_days()
    summa = pl.col("vikt").cum_sum().over("person_id")
    total = pl.col("vikt").sum().over("person_id")
    start = pl.col("anvisningsdatum") + pl.duration(
        days=(langd * (summa - pl.col("vikt")) / total).floor()
    )
    slut = pl.col("anvisningsdatum") + pl.duration(days=(langd * summa / total).floor())
    ut = df.with_columns(startdatum=start, slutdatum=slut).filter(
        pl.col("startdatum") <= UTTAG_SKALA
    )
    return ut.with_row_index("nr", 1).select(
        placering_id=pl.format("PL{}", pl.col("nr").cast(pl.Utf8).str.zfill(8)),
        person_id="person_id",
        enhet_id="enhet_id",
        startdatum="startdatum",
        slutdatum=pl.when(pl.col("slutdatum") <= UTTAG_SKALA).then("slutdatum"),
        dygnskostnad=pl.format("{}.00", pl.col("pris").round(0).cast(pl.Int64)),
        vistelsekommun=pl.lit(None, pl.Utf8),
        boendeform="boendeform",
        lan=pl.col("anvisningskommun").str.slice(0, 2),
    )  # fmt: skip


def _malkommun(rng: np.random.Generator, anvisad: np.ndarray, alla: pl.DataFrame) -> np.ndarray:
    """Index (in `alla`) of the municipality each placement is in, by KSL's 35/45/20 mapping."""
    koder, lan = alla["kommunkod"].to_numpy(), alla["lanskod"].to_numpy()
    egen = np.searchsorted(koder, anvisad) if _sorterad(koder) else _index(koder, anvisad)
    lan_start = np.searchsorted(lan, lan[egen], side="left")
    lan_antal = np.searchsorted(lan, lan[egen], side="right") - lan_start
    n, m = anvisad.size, koder.size
    slag = rng.choice(3, size=n, p=np.asarray(MALFORDELNING))
    # elsewhere in the län: any other municipality of the block, skipping the own one
    r = (rng.random(n) * np.maximum(lan_antal - 1, 1)).astype(int)
    inom = lan_start + r
    inom = np.where(inom >= egen, inom + 1, inom)
    inom = np.where(lan_antal > 1, inom, egen)
    # another län: any municipality outside the block
    r2 = (rng.random(n) * (m - lan_antal)).astype(int)
    annat = np.where(r2 >= lan_start, r2 + lan_antal, r2)
    return np.select([slag == 0, slag == 1], [egen, inom], annat)


def _sorterad(koder: np.ndarray) -> bool:
    return bool(np.all(koder[:-1] <= koder[1:]))


def _index(koder: np.ndarray, sokta: np.ndarray) -> np.ndarray:
    ordning = np.argsort(koder)
    return ordning[np.searchsorted(koder, sokta, sorter=ordning)]
