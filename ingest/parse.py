"""Value parsers: one export cell's text to the typed value the schema stores.

Real exports differ in how they write the same thing (Excel's `20240105`,
Swedish `1 350,00`, `Stödboende` for `stodboende`). Each parser accepts the
spellings the contract allows and raises `ValueError` with a Swedish message
for anything else; it never guesses. Low-cardinality parsers are cached
because a national export repeats the same dates and codes millions of times.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from datetime import date
from decimal import Decimal, InvalidOperation
from functools import lru_cache

from ingest.personnummer import contains_personnummer
from ingest.spec import Column, Kind

_FOLD = str.maketrans({"å": "a", "ä": "a", "ö": "o", "é": "e", "ü": "u"})
_ISO_DATE = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})(?:[ T]00:00(?::00(?:\.0+)?)?)?")
_COMPACT_DATE = re.compile(r"([0-9]{4})([0-9]{2})([0-9]{2})")
_ISO_MONTH = re.compile(r"([0-9]{4})-?([0-9]{2})")
_YEAR = re.compile(r"[0-9]{4}")
_NUMBER = re.compile(r"[0-9]+(?:\.[0-9]+)?")
_AMOUNT_LIMIT = Decimal(10) ** 10
_SHOWN = 40

KON_SYNONYMS: dict[str, str] = {
    **dict.fromkeys(("k", "f", "kvinna", "flicka", "kvinnlig", "tjej"), "K"),
    **dict.fromkeys(("m", "man", "pojke", "manlig", "kille"), "M"),
    **dict.fromkeys(("x", "okand", "okant", "annat", "uppgift_saknas"), "X"),
}
ENUM_SYNONYMS: dict[str, str] = {
    "hem_for_vard_eller_boende": "HVB",
    "ebo": "eget_boende",
    "egen_regi": "egen",
    "permanent_uppehallstillstand": "PUT",
    "tidsbegransat_uppehallstillstand": "TUT",
    "ovriga": "ovrig",
    "kostnader": "kostnad",
    "intakter": "intakt",
}


def fold(text: str) -> str:
    """Spelling-insensitive key: `" Födelse-datum "` and `fodelsedatum` match."""
    folded = text.strip().lower().translate(_FOLD)
    return re.sub(r"[\s_-]+", "_", folded).strip("_")


def shown(text: str) -> str:
    """A cell value quoted in a message, cut so a message stays one line."""
    return repr(text if len(text) <= _SHOWN else text[:_SHOWN] + "…")


def looks_like_personnummer(text: str) -> bool:
    """Whether the text contains a personnummer in any written form (see ingest.personnummer)."""
    return contains_personnummer(text)


@lru_cache(maxsize=65536)
def parse_date(text: str) -> date:
    """`YYYY-MM-DD`, `YYYYMMDD`, or a midnight timestamp, as a real calendar date."""
    match = _ISO_DATE.fullmatch(text) or _COMPACT_DATE.fullmatch(text)
    if match is None:
        raise ValueError(f"ogiltigt datum {shown(text)} (skriv ÅÅÅÅ-MM-DD eller ÅÅÅÅMMDD)")
    try:
        return date(int(match[1]), int(match[2]), int(match[3]))
    except ValueError:
        raise ValueError(f"datumet {shown(text)} finns inte i kalendern") from None


@lru_cache(maxsize=4096)
def parse_month(text: str) -> date:
    """`YYYY-MM`, `YYYYMM` or a date on the 1st, as the first day of the month."""
    match = _ISO_MONTH.fullmatch(text)
    if match is not None:
        if not 1 <= int(match[2]) <= 12:
            raise ValueError(f"ogiltig månad {shown(text)}")
        return date(int(match[1]), int(match[2]), 1)
    try:
        day = parse_date(text)
    except ValueError:
        raise ValueError(f"ogiltig månad {shown(text)} (skriv ÅÅÅÅ-MM eller ÅÅÅÅMM)") from None
    if day.day != 1:
        raise ValueError(f"ogiltig månad {shown(text)}: ett datum måste vara den 1:a")
    return day


def parse_budget_period(text: str) -> date | int:
    """A month, or a bare year `YYYY` (an int) that the importer spreads over 12 months."""
    if _YEAR.fullmatch(text):
        return int(text)
    return parse_month(text)


def parse_decimal(text: str) -> Decimal:
    """A number with decimal point or comma and space/NBSP thousands separators."""
    cleaned = re.sub(r"\s", "", text).replace("\u2212", "-")
    sign = ""
    if cleaned[:1] in "+-":
        sign, cleaned = cleaned[:1].replace("+", ""), cleaned[1:]
    if "," in cleaned and "." in cleaned:
        # both present: the rightmost one is the decimal separator
        thousands = "." if cleaned.rfind(",") > cleaned.rfind(".") else ","
        cleaned = cleaned.replace(thousands, "")
    cleaned = cleaned.replace(",", ".")
    if not _NUMBER.fullmatch(cleaned):
        raise ValueError(f"ogiltigt tal {shown(text)}")
    return Decimal(sign + cleaned)


def parse_amount(text: str) -> str:
    """An amount in kronor, as exact decimal text for the database (at most öre)."""
    try:
        value = parse_decimal(text)
    except (ValueError, InvalidOperation):
        raise ValueError(f"ogiltigt belopp {shown(text)} (exempel: 1 350,00)") from None
    if value != value.quantize(Decimal("0.01")):
        raise ValueError(f"beloppet {shown(text)} har fler än två decimaler")
    if abs(value) >= _AMOUNT_LIMIT:
        raise ValueError(f"beloppet {shown(text)} är orimligt stort")
    return str(value.quantize(Decimal("0.01")))


@lru_cache(maxsize=4096)
def parse_integer(text: str) -> int:
    """A whole number; `6`, `6,0` and Excel's `6.0` are accepted, `6,5` is not."""
    try:
        value = parse_decimal(text)
    except (ValueError, InvalidOperation):
        raise ValueError(f"ogiltigt heltal {shown(text)}") from None
    if value != value.to_integral_value() or abs(value) >= 2**31:
        raise ValueError(f"{shown(text)} är inget heltal")
    return int(value)


def parse_kon(text: str) -> str:
    """K, M or X from the spellings Swedish systems use."""
    kon = KON_SYNONYMS.get(fold(text))
    if kon is None:
        raise ValueError(f"okänt kön {shown(text)} (tillåtet: K, M, X)")
    return kon


def enum_parser(allowed: tuple[str, ...]) -> Callable[[str], str]:
    """A parser that maps any spelling of an allowed value to its canonical form."""
    lookup = {fold(value): value for value in allowed}
    lookup.update({k: v for k, v in ENUM_SYNONYMS.items() if v in allowed})

    @lru_cache(maxsize=1024)
    def parse(text: str) -> str:
        value = lookup.get(fold(text))
        if value is None:
            raise ValueError(f"okänt värde {shown(text)} (tillåtet: {', '.join(allowed)})")
        return value

    return parse


def kommun_parser(kommuner: Mapping[str, str]) -> Callable[[str], str]:
    """A parser for kommunkoder (zero-padded) or exact municipality names."""
    by_name = {name.casefold(): code for code, name in kommuner.items()}
    by_name.update({f"{name} kommun": code for name, code in list(by_name.items())})

    @lru_cache(maxsize=1024)
    def parse(text: str) -> str:
        code = text.zfill(4) if text.isdigit() and len(text) <= 4 else by_name.get(text.casefold())
        if code is None or code not in kommuner:
            raise ValueError(f"okänd kommunkod {shown(text)}")
        return code

    return parse


def parser_for(column: Column, kommuner: Mapping[str, str]) -> Callable[[str], object]:
    """The parser for one contract column."""
    simple: dict[Kind, Callable[[str], object]] = {
        Kind.TEXT: str,
        Kind.DATE: parse_date,
        Kind.MONTH: parse_month,
        Kind.BUDGET_PERIOD: parse_budget_period,
        Kind.AMOUNT: parse_amount,
        Kind.INTEGER: parse_integer,
        Kind.KON: parse_kon,
    }
    if column.kind is Kind.ENUM:
        return enum_parser(column.allowed)
    if column.kind is Kind.KOMMUN:
        return kommun_parser(kommuner)
    return simple[column.kind]
