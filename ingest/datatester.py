"""Declarative data tests on the derived models, run on every import and in the test suite.

Like dbt's schema tests: each test is one line of data (model, kind, columns or an
expression), turned into one SQL query that returns the offending rows. Every table model's
key comes from its own file header (`-- key: …`), so a model cannot be added without one. An import whose
derived models fail any test is refused, because a failing test means a definition is
wrong, not the municipality's data (the importer has validated that already). Identifiers
in the SQL come only from this file (a whitelist checked by `_identifierare`); no value
from outside is ever put into it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import duckdb

from ingest.modeller import modeller
from ingest.vocabulary import ALDERSGRUPPER, BOENDEFORM, KON, PLATSTYP

Kind = str
"""`unik`, `ej_null`, `tillatna`, `intervall`, `ej_overlapp` or `uttryck`."""


@dataclass(frozen=True)
class Datatest:
    """One assertion about one model."""

    modell: str
    """The derived table it checks."""
    slag: Kind
    """What kind of assertion (see `Kind`)."""
    kolumner: tuple[str, ...] = ()
    """The columns it is about: the key, the nullable columns, or (fran, till)."""
    uttryck: str = ""
    """For `uttryck`: a SQL condition every row must meet. For `ej_overlapp`: the group key."""

    @property
    def namn(self) -> str:
        return f"{self.modell}: {self.slag}({', '.join(self.kolumner) or self.uttryck})"


TESTER: tuple[Datatest, ...] = (
    Datatest("fodelsedatum_perioder", "ej_null", ("person_id", "giltig_fran", "fodelsedatum")),
    Datatest("fodelsedatum_perioder", "intervall", ("giltig_fran", "giltig_till")),
    Datatest("fodelsedatum_perioder", "ej_overlapp", ("giltig_fran", "giltig_till"), "person_id"),
    Datatest("ansvar_perioder", "ej_null", ("person_id", "anvisningskommun", "giltig_fran")),
    Datatest("ansvar_perioder", "intervall", ("giltig_fran", "giltig_till")),
    Datatest("ansvar_perioder", "ej_overlapp", ("giltig_fran", "giltig_till"), "person_id"),
    Datatest("placering_perioder", "ej_null", ("placering_id", "person_id", "startdatum")),
    Datatest("placering_perioder", "intervall", ("startdatum", "effektiv_slut")),
    Datatest("placering_perioder", "tillatna", ("boendeform",)),
    Datatest("status_perioder", "intervall", ("giltig_fran", "giltig_till")),
    Datatest("status_perioder", "ej_overlapp", ("giltig_fran", "giltig_till"), "person_id"),
    Datatest("status_perioder", "tillatna", ("platstyp",)),
    Datatest("vard_perioder", "ej_null", ("placering_id", "person_id", "fran", "till", "kon")),
    Datatest("vard_perioder", "intervall", ("fran", "till")),
    # counting rows on a date counts persons only because a person's rows never overlap
    Datatest("vard_perioder", "ej_overlapp", ("fran", "till"), "person_id"),
    Datatest("vard_perioder", "tillatna", ("aldersgrupp",)),
    Datatest("vard_perioder", "tillatna", ("kon",)),
    Datatest("vard_perioder", "tillatna", ("boendeform",)),
    Datatest("belaggning_perioder", "intervall", ("fran", "till")),
    Datatest("belaggning_perioder", "ej_overlapp", ("fran", "till"), "enhet_id, platstyp"),
    Datatest("belaggning_perioder", "uttryck", (), "antal_platser >= 0 and antal_placeringar >= 0"),
    # care-days and place-days of a unit in a month never exceed what the month can hold
    Datatest(
        "belaggning_manader",
        "uttryck",
        (),
        "lediga_platsdygn between 0 and platsdygn and vardygn >= 0 "
        "and manad_start = date_trunc('month', manad_start)",
    ),
    # a person's care-days in a month never exceed the days of that month
    Datatest("vard_perioder", "vardygn_per_manad"),
    Datatest("anvisningar_berikade", "uttryck", (), "nummer >= 1"),
)

VARDYGN_PER_MANAD = """
select person_id, manad, sum(dagar) as vardygn, any_value(dagar_i_manaden) as dagar_i_manaden
from (
    select
        v.person_id,
        m.manad,
        day(last_day(m.manad)) as dagar_i_manaden,
        least(v.till, (m.manad + interval 1 month)::date) - greatest(v.fran, m.manad) as dagar,
    from vard_perioder as v
    cross join lateral (
        select unnest(generate_series(date_trunc('month', v.fran),
            date_trunc('month', v.till - 1), interval 1 month))::date as manad
    ) as m
)
group by all
having sum(dagar) > any_value(dagar_i_manaden)
"""

ACCEPTED: dict[str, list[str]] = {
    "boendeform": list(BOENDEFORM),
    "kon": list(KON),
    "aldersgrupp": list(ALDERSGRUPPER),
    # 'alla' is the derived models' own row for all of a unit's places
    "platstyp": [*PLATSTYP, "alla"],
}
"""Accepted values per column, from the one vocabulary (ingest/vocabulary.py)."""

_IDENTIFIERARE = re.compile(r"[a-z_][a-z0-9_]*")


def _identifierare(*namn: str) -> None:
    """Every identifier put into SQL must be a plain lower-case name from this file."""
    for n in namn:
        for del_ in n.split(","):
            if not _IDENTIFIERARE.fullmatch(del_.strip()):
                raise ValueError(f"ogiltigt namn i datatest: {n!r}")


def sql_for(test: Datatest) -> str:
    """The query returning the rows that break `test` (empty when it holds)."""
    _identifierare(test.modell, *test.kolumner)
    m, k = test.modell, test.kolumner
    if test.slag == "unik":
        cols = ", ".join(k)
        return f"select {cols}, count(*) as n from {m} group by all having count(*) > 1"  # noqa: S608
    if test.slag == "ej_null":
        villkor = " or ".join(f"{c} is null" for c in k)
        return f"select * from {m} where {villkor}"  # noqa: S608
    if test.slag == "tillatna":
        (kolumn,) = k
        return (
            f"select distinct {kolumn} from {m} "  # noqa: S608
            f"where {kolumn} is not null and not list_contains($tillatna, {kolumn})"
        )
    if test.slag == "intervall":
        fran, till = k
        return f"select * from {m} where {till} is not null and {fran} > {till}"  # noqa: S608
    if test.slag == "ej_overlapp":
        _identifierare(test.uttryck)
        fran, till = k
        return (
            f"select * from (select *, lead({fran}) over (partition by {test.uttryck} "  # noqa: S608
            f"order by {fran}, {till}) as nasta from {m}) where nasta < coalesce({till}, date '9999-12-31')"
        )
    if test.slag == "uttryck":
        return f"select * from {m} where not ({test.uttryck})"  # noqa: S608
    if test.slag == "vardygn_per_manad":
        return VARDYGN_PER_MANAD
    raise ValueError(f"okänt slag av datatest: {test.slag}")


@dataclass(frozen=True)
class Fynd:
    """A test that failed: its name and how many rows break it."""

    test: str
    rader: int


def nyckeltester() -> tuple[Datatest, ...]:
    """A uniqueness test for every table model's key, as its file header declares it."""
    return tuple(Datatest(m.namn, "unik", m.nyckel) for m in modeller() if m.tabell)


def alla() -> tuple[Datatest, ...]:
    """The declared tests above and the key test of every table model."""
    return nyckeltester() + TESTER


def kor(con: duckdb.DuckDBPyConnection, tester: tuple[Datatest, ...] | None = None) -> list[Fynd]:
    """Run the tests against the models in `con`; the failures, empty when all hold."""
    fynd = []
    for test in alla() if tester is None else tester:
        params = {"tillatna": ACCEPTED[test.kolumner[0]]} if test.slag == "tillatna" else {}
        fraga = "select count(*) from (" + sql_for(test) + ")"  # noqa: S608 - whitelisted names
        antal = con.execute(fraga, params).fetchone()
        if antal and antal[0]:
            fynd.append(Fynd(test.namn, int(antal[0])))
    return fynd
