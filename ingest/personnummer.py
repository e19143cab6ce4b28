"""Finding personnummer and samordningsnummer in any text, however they were written.

An export reaches the importer through people and office software: Word's
autocorrect turns `-` into an en dash, Excel drops a leading zero, a form
pastes a non-breaking space or full-width digits. The product must never
store any of these, so the search accepts every separator people use, and a
real calendar date plus the Luhn check digit keep ids that merely have ten
digits from being refused. What is and is not caught is listed in
`docs/privacy.md`.
"""

from __future__ import annotations

import calendar
import re
import unicodedata

# Dashes of every kind (Unicode category Pd: hyphen, en/em dash, figure dash,
# full-width hyphen-minus, …) and the minus signs, which office software uses alike.
_DASHES = (
    "-\u058a\u05be\u1400\u1806\u2010-\u2015\u2e17\u2e1a\u2e3a\u2e3b\u2e40\u2e5d"
    "\u301c\u3030\u30a0\ufe31\ufe32\ufe58\ufe63\uff0d\U00010ead\u2212\u2796\u207b\u208b"
)
_PLUSES = "+\uff0b\u207a\u208a"
# one character between the parts of the date: none, a dash, a dot, a slash, a
# space (any Unicode space) or an underscore; the same one both times
_DATE_SEP = rf"[{_DASHES}./_\s]?"
# between the date and the last four digits: spaces around at most one mark (only
# after a date written without separators; `2014-05-01 – 2015` is a range); no match
# when the four digits go on as a date (`2014-05-01-2015-06-01`)
_SERIAL_SEP = rf"\s*[{_DASHES}{_PLUSES}./_:]?\s*"
_PATTERN = re.compile(
    rf"(?<!\d)(\d\d)??(\d\d)({_DATE_SEP})(\d\d)\3(\d\d)({_SERIAL_SEP})(\d\d\d\d)(?!\d|[-.]\d\d)"
)
# Zero-width and other invisible format characters (category Cf, e.g. U+200B,
# U+00AD soft hyphen, U+FEFF) are removed before the search, so they cannot split a number.
_INVISIBLE = re.compile("[\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u206f\ufeff]")
_NINE_DIGITS = re.compile(r"\d{9}")
CENTURIES = (18, 19, 20)


def _digits(text: str) -> str:
    """Any Unicode decimal digits (full-width, Arabic-Indic, …) as ASCII digits."""
    return "".join(str(unicodedata.digit(char)) for char in text)


def luhn_ok(ten: str) -> bool:
    """The Luhn check over YYMMDDNNNC, as Skatteverket computes the last digit."""
    total = 0
    for position, char in enumerate(ten):
        value = int(char) * (2 if position % 2 == 0 else 1)
        total += value // 10 + value % 10
    return total % 10 == 0


def _real_date(century: str | None, year: str, month: str, day: str) -> bool:
    """A calendar date; a day + 60 (samordningsnummer) counts as the day."""
    number_month, number_day = int(month), int(day)
    if number_day > 60:
        number_day -= 60
    if not 1 <= number_month <= 12 or number_day < 1:
        return False
    centuries = (int(century),) if century is not None else CENTURIES[1:]
    if any(c not in CENTURIES for c in centuries):
        return False
    return any(
        number_day <= calendar.monthrange(c * 100 + int(year), number_month)[1] for c in centuries
    )


def _is_personnummer(match: re.Match[str]) -> bool:
    century, year, date_sep, month, day, serial_sep, serial = match.groups()
    if date_sep and len(serial_sep) > 1:
        return False  # `2014-05-01 – 2015` is a date range, not a number
    parts = [_digits(part) for part in (year, month, day, serial)]
    if not _real_date(None if century is None else _digits(century), *parts[:3]):
        return False
    return luhn_ok("".join(parts))


def _without_invisible(text: str) -> str:
    return _INVISIBLE.sub("", text) if _INVISIBLE.search(text) else text


def contains_personnummer(text: str) -> bool:
    """Whether `text` contains a personnummer or samordningsnummer in any written form."""
    text = _without_invisible(text)
    return any(_is_personnummer(match) for match in _PATTERN.finditer(text))


def is_id_without_leading_zero(text: str) -> bool:
    """A 9-digit id that is a personnummer once its lost leading zero is back.

    Excel and numeric id columns drop a leading zero: 0501011234 becomes 501011234.
    (A 12-digit personnummer starts with 18, 19 or 20, so it has no zero to lose.)
    """
    text = _without_invisible(text).strip()
    return bool(_NINE_DIGITS.fullmatch(text)) and contains_personnummer("0" + _digits(text))
