"""Plausibility: values that parse but cannot be true, and data that looks stale.

A `9999-12-31` birth date, a `0001-01-01` start or 2 147 483 647 places are
well-formed, so the cell parsers accept them; stored, they would silently
skew every figure. Impossible values are errors (the import is refused);
unlikely ones are warnings (printed and logged, the import goes on). Each
rule is listed in `docs/import-format.md` ("Plausibility").
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from ingest.problems import Problem
from ingest.spec import Kind
from ingest.validate import ParsedTable

Tables = dict[str, ParsedTable]

BIRTH_DATES = frozenset(
    {("personer", "fodelsedatum"), ("aldersandringar", "tidigare_fodelsedatum")}
)
# dates that say something happened: more than a year after the extraction date is odd
EVENT_DATES = frozenset(
    {
        ("placeringar", "startdatum"),
        ("anvisningar", "anvisningsdatum"),
        ("anvisningar", "uppehallstillstand_datum"),
        ("aldersandringar", "beslutsdatum"),
        ("personer", "ankomstdatum"),
        ("platser", "giltig_fran"),
        ("ekonomi", "period"),
        ("ersattningsansokningar", "period"),
    }
)
EARLIEST_BIRTH = date(1900, 1, 1)
EARLIEST_EVENT = date(1990, 1, 1)
LATEST_ANY = date(2100, 1, 1)
FUTURE_MARGIN = timedelta(days=366)
STALE_AFTER = timedelta(days=90)
MAX_PLATSER = 10_000
MAX_DYGNSPRIS = Decimal(50_000)
MAX_ALDER = 25
NEVER_NEGATIVE = frozenset({("enheter", "dygnspris"), ("placeringar", "dygnskostnad")})
WARN_NEGATIVE = frozenset(
    {("ersattningsansokningar", "sokt_belopp"), ("ersattningsansokningar", "beviljat_belopp")}
)


@dataclass(frozen=True)
class Finding:
    """One plausibility finding: an error refuses the import, a warning is printed and logged."""

    problem: Problem
    error: bool


def check_plausibility(tables: Tables, uttagsdatum: date) -> Iterator[Finding]:
    """Every implausible value in the parsed tables."""
    for parsed in tables.values():
        if not parsed.complete:
            continue
        for column in parsed.spec.columns:
            low, high = _plain_range(parsed.spec.name, column.name, column.kind, uttagsdatum)
            if low is None:
                continue
            values = parsed.values[column.name]
            key = _KEYS.get(column.kind, _same)
            # a fast pass keeps the per-value rules off the usual, plausible rows
            odd = [
                row for row, v in enumerate(values) if v is not None and not low <= key(v) <= high
            ]
            for row in odd:
                judged = _judge(
                    parsed.spec.name, column.name, column.kind, values[row], uttagsdatum
                )
                for message, error in judged:
                    problem = Problem(parsed.fil, parsed.line_of(row), column.name, message)
                    yield Finding(problem, error)


def _same(value: Any) -> Any:
    return value


_KEYS: dict[Kind, Callable[[Any], Any]] = {
    Kind.AMOUNT: Decimal,
    Kind.BUDGET_PERIOD: lambda value: value if isinstance(value, int) else value.year,
}


def _plain_range(table: str, column: str, kind: Kind, uttag: date) -> tuple[Any, Any]:
    """Bounds within which a value needs no closer look; (None, None) for unchecked columns."""
    where = (table, column)
    if kind is Kind.BUDGET_PERIOD:
        return EARLIEST_EVENT.year, LATEST_ANY.year - 1
    if kind in (Kind.DATE, Kind.MONTH):
        if where in BIRTH_DATES:
            return EARLIEST_BIRTH, uttag
        high = uttag + FUTURE_MARGIN if where in EVENT_DATES else LATEST_ANY - timedelta(days=1)
        return EARLIEST_EVENT, high
    if kind is Kind.INTEGER:
        return 0, MAX_ALDER if column.startswith("alder") else MAX_PLATSER
    if kind is Kind.AMOUNT and where in NEVER_NEGATIVE:
        return Decimal(0), MAX_DYGNSPRIS
    if kind is Kind.AMOUNT and where in WARN_NEGATIVE:
        return Decimal(0), Decimal(10) ** 12
    return None, None


def _judge(
    table: str, column: str, kind: Kind, value: object, uttag: date
) -> Iterator[tuple[str, bool]]:
    if kind is Kind.BUDGET_PERIOD and isinstance(value, int):
        value = date(max(value, 1), 1, 1)
    if isinstance(value, date):
        yield from _judge_date((table, column), value, uttag)
    elif kind is Kind.INTEGER and isinstance(value, int):
        if column == "antal_platser" and value > MAX_PLATSER:
            yield (
                f"{value} platser är orimligt många (högst {MAX_PLATSER:,})".replace(",", " "),
                True,
            )
        if column in ("alder_fran", "alder_till") and value > MAX_ALDER:
            yield f"åldern {value} är ovanligt hög för en plats för barn och unga", False
    elif kind is Kind.AMOUNT and isinstance(value, str):
        yield from _judge_amount((table, column), Decimal(value))


def _judge_date(where: tuple[str, str], value: date, uttag: date) -> Iterator[tuple[str, bool]]:
    text = value.isoformat()
    if value >= LATEST_ANY:
        yield f"datumet {text} är orimligt (ett platshållardatum?); lämna tomt om det saknas", True
    elif where in BIRTH_DATES and value > uttag:
        yield f"födelsedatum {text} ligger efter uttagsdatum {uttag.isoformat()}", True
    elif where in EVENT_DATES and value > uttag + FUTURE_MARGIN:
        yield f"datumet {text} ligger mer än ett år efter uttagsdatum {uttag.isoformat()}", False
    if where in BIRTH_DATES and value < EARLIEST_BIRTH:
        yield f"födelsedatum {text} ligger före {EARLIEST_BIRTH.isoformat()}", True
    elif where not in BIRTH_DATES and value < EARLIEST_EVENT:
        yield f"datumet {text} ligger före {EARLIEST_EVENT.isoformat()}", True


def _judge_amount(where: tuple[str, str], value: Decimal) -> Iterator[tuple[str, bool]]:
    if where in NEVER_NEGATIVE and value < 0:
        yield "ett dygnspris får inte vara negativt", True
    elif where in NEVER_NEGATIVE and value > MAX_DYGNSPRIS:
        yield f"dygnspriset är över {MAX_DYGNSPRIS:,} kr".replace(",", " "), False
    if where in WARN_NEGATIVE and value < 0:
        yield "beloppet är negativt", False


def newest_event(tables: Tables) -> date | None:
    """The latest start, end, anvisning or ledger date in the data (what it describes up to)."""
    columns = (
        ("placeringar", "startdatum"),
        ("placeringar", "slutdatum"),
        ("anvisningar", "anvisningsdatum"),
        ("ekonomi", "period"),
    )
    dates = [
        value
        for table, column in columns
        if table in tables
        for value in tables[table].values[column]
        if isinstance(value, date)
    ]
    return max(dates, default=None)


def stale_warning(newest: date | None, uttagsdatum: date) -> str | None:
    """A warning when the data ends long before the extraction date it is counted up to."""
    if newest is None or uttagsdatum - newest <= STALE_AFTER:
        return None
    days = f"{(uttagsdatum - newest).days:,}".replace(",", " ")
    return (
        f"den senaste händelsen i exporten är {newest.isoformat()}, {days} dagar före "
        f"uttagsdatum {uttagsdatum.isoformat()} (dagens datum, eftersom --uttagsdatum inte "
        "angavs); pågående placeringar räknas fram till uttagsdatum. Ange exportens "
        "uttagsdatum med --uttagsdatum ÅÅÅÅ-MM-DD och importera igen"
    )
