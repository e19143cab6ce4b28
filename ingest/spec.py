"""The import contract as data: which tables exist, their columns and kinds.

Readers, validation and loading all work from these specs, so the import
contract (documented for users in `docs/import-format.md`) is written down
exactly once in code. Column order
follows `data/schema.sql`; table and column names here are also the only
identifiers ever placed in SQL text (a whitelist).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from ingest import vocabulary


class Kind(Enum):
    """How a column's text is parsed and which Python type it becomes."""

    TEXT = "text"
    DATE = "date"
    MONTH = "month"
    BUDGET_PERIOD = "budget_period"
    AMOUNT = "amount"
    INTEGER = "integer"
    ENUM = "enum"
    KON = "kon"
    KOMMUN = "kommun"


@dataclass(frozen=True)
class Column:
    """One contract column."""

    name: str
    """Column name as in the contract and the schema."""
    kind: Kind
    """How values are parsed."""
    required: bool = False
    """Whether the column must be present and every value non-blank."""
    allowed: tuple[str, ...] = ()
    """Canonical values for an ENUM column."""
    non_negative: bool = False
    """For INTEGER columns: refuse values below zero."""


@dataclass(frozen=True)
class Table:
    """One contract table."""

    name: str
    columns: tuple[Column, ...]
    required: bool = False
    """Whether the folder must contain the table."""
    alias: tuple[tuple[str, str], ...] = ()
    """Other header spellings (already folded) and the column each one means."""

    @property
    def column_names(self) -> tuple[str, ...]:
        return tuple(column.name for column in self.columns)


def _req(name: str, kind: Kind, *allowed: str) -> Column:
    return Column(name, kind, required=True, allowed=allowed)


def _opt(name: str, kind: Kind, *allowed: str) -> Column:
    return Column(name, kind, allowed=allowed)


# the accepted codes come from the one vocabulary (ingest/vocabulary.py)
BOENDEFORMER = tuple(vocabulary.BOENDEFORM)
REGIER = tuple(vocabulary.REGI)
UPPEHALLSTILLSTAND = tuple(vocabulary.UPPEHALLSTILLSTAND)
PLATSTYPER = tuple(vocabulary.PLATSTYP)
KONTOTYPER = tuple(vocabulary.TYP)

TABLES: tuple[Table, ...] = (
    Table(
        "personer",
        (
            _req("person_id", Kind.TEXT),
            _req("fodelsedatum", Kind.DATE),
            # the column must be there, but a blank value means unknown (X)
            Column("kon", Kind.KON),
            _opt("medborgarskap", Kind.TEXT),
            _opt("ankomstdatum", Kind.DATE),
        ),
        required=True,
    ),
    Table(
        "aldersandringar",
        (
            _req("person_id", Kind.TEXT),
            _req("beslutsdatum", Kind.DATE),
            _req("tidigare_fodelsedatum", Kind.DATE),
        ),
    ),
    Table(
        "anvisningar",
        (
            _req("anvisning_id", Kind.TEXT),
            _req("person_id", Kind.TEXT),
            _req("anvisningsdatum", Kind.DATE),
            _req("anvisningskommun", Kind.KOMMUN),
            _opt("ankomstkommun", Kind.KOMMUN),
            _opt("uppehallstillstand", Kind.ENUM, *UPPEHALLSTILLSTAND),
            _opt("uppehallstillstand_datum", Kind.DATE),
            _opt("avslutsdatum", Kind.DATE),
            _opt("avslutsorsak", Kind.TEXT),
        ),
        required=True,
    ),
    Table(
        "enheter",
        (
            _req("enhet_id", Kind.TEXT),
            _req("namn", Kind.TEXT),
            _req("boendeform", Kind.ENUM, *BOENDEFORMER),
            _req("kommun", Kind.KOMMUN),
            _opt("regi", Kind.ENUM, *REGIER),
            _opt("dygnspris", Kind.AMOUNT),
        ),
        required=True,
    ),
    Table(
        "platser",
        (
            _req("enhet_id", Kind.TEXT),
            _req("giltig_fran", Kind.DATE),
            _opt("giltig_till", Kind.DATE),
            Column("antal_platser", Kind.INTEGER, required=True, non_negative=True),
            _opt("platstyp", Kind.ENUM, *PLATSTYPER),
            Column("alder_fran", Kind.INTEGER, non_negative=True),
            Column("alder_till", Kind.INTEGER, non_negative=True),
        ),
    ),
    Table(
        "placeringar",
        (
            _req("placering_id", Kind.TEXT),
            _req("person_id", Kind.TEXT),
            _req("enhet_id", Kind.TEXT),
            _req("startdatum", Kind.DATE),
            _opt("slutdatum", Kind.DATE),
            _opt("dygnskostnad", Kind.AMOUNT),
            _opt("vistelsekommun", Kind.KOMMUN),
        ),
        required=True,
    ),
    Table(
        "kontoplan",
        (
            _req("konto", Kind.TEXT),
            _req("benamning", Kind.TEXT),
            _req("typ", Kind.ENUM, *KONTOTYPER),
            _req("kategori", Kind.TEXT),
        ),
    ),
    Table(
        "ekonomi",
        (
            _req("period", Kind.MONTH),
            _req("verksamhet", Kind.TEXT),
            _req("konto", Kind.TEXT),
            _req("belopp", Kind.AMOUNT),
        ),
    ),
    Table(
        "budget",
        (
            _req("period", Kind.BUDGET_PERIOD),
            _req("verksamhet", Kind.TEXT),
            _req("konto", Kind.TEXT),
            _req("belopp", Kind.AMOUNT),
        ),
    ),
    Table(
        "ersattningsansokningar",
        (
            _req("period", Kind.MONTH),
            _req("ersattningstyp", Kind.TEXT),
            _req("sokt_belopp", Kind.AMOUNT),
            _opt("beviljat_belopp", Kind.AMOUNT),
        ),
    ),
    Table(
        # Migrationsverket's payment file (utbetalda schabloner), docs/import-format.md
        "utbetalningar",
        (
            _req("person_id", Kind.TEXT),
            _req("period_fran", Kind.DATE),
            _req("period_till", Kind.DATE),
            _req("belopp", Kind.AMOUNT),
            _opt("ersattningstyp", Kind.TEXT),
            _opt("arende", Kind.TEXT),
        ),
        alias=(
            *((name, "person_id") for name in ("personid", "pseudonym", "person")),
            *(
                (name, "period_fran")
                for name in ("periodstart", "period_start", "fran", "from", "fom", "fran_och_med")
            ),
            *(
                (name, "period_till")
                for name in ("periodslut", "period_slut", "till", "tom", "till_och_med")
            ),
            *((name, "belopp") for name in ("utbetalt", "utbetalt_belopp", "belopp_kr", "summa")),
            ("typ", "ersattningstyp"),
            ("schablon", "ersattningstyp"),
            *((name, "arende") for name in ("arende_id", "arendenummer", "dossiernummer")),
        ),
    ),
)

TABLES_BY_NAME: dict[str, Table] = {table.name: table for table in TABLES}

TABLE_ALIASES: dict[str, str] = {"utbetalda_schabloner": "utbetalningar"}
"""Other (folded) file or sheet names of a table."""


def table_for(name: str) -> str | None:
    """The contract table a folded file or sheet name stands for, if any."""
    name = TABLE_ALIASES.get(name, name)
    return name if name in TABLES_BY_NAME else None


# Columns whose presence is required even though a blank value is allowed.
ALWAYS_PRESENT: frozenset[tuple[str, str]] = frozenset({("personer", "kon")})

# Tables whose accounts must be described by kontoplan.
NEEDS_KONTOPLAN: tuple[str, ...] = ("ekonomi", "budget")


def column_must_exist(table: Table, column: Column) -> bool:
    """Whether a file for `table` is refused when `column` is missing."""
    return column.required or (table.name, column.name) in ALWAYS_PRESENT
