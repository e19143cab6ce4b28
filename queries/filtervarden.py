"""Filter values as the database stores them, whatever spelling a caller used.

The importer stores kommunkoder zero-padded (``0380``), sex as ``K``/``M``/``X`` and each
boendeform and regi in one canonical spelling. A filter written the way an export writes it
(``380``, ``Uppsala``, ``k``, ``Stödboende``) would otherwise match nothing and look like an
empty result, so every filter value goes through the importer's own parsers, and a value
they do not know is refused with a message that names the allowed values.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache

from ingest.load import read_kommuner
from ingest.parse import enum_parser, kommun_parser, parse_kon
from ingest.spec import BOENDEFORMER, REGIER

ALDERSGRUPPER = ("0-13", "14-17", "18-20", "21+")
KOMMUN_TILLATNA = "en kommunkod (t.ex. 0380 eller 380) eller ett kommunnamn (t.ex. Uppsala)"


class FilterError(ValueError):
    """A filter value no spelling of an allowed value matches."""


def _aldersgrupp(text: str) -> str:
    # an en dash is how people write ranges; the stored groups use a hyphen
    value = text.strip().replace("\u2013", "-")
    if value not in ALDERSGRUPPER:
        raise ValueError(text)
    return value


@cache
def _normaliserare() -> dict[str, tuple[Callable[[str], str], str]]:
    """Parameter name -> (parser, the allowed values in words); the reference is read once."""
    kommun = kommun_parser(read_kommuner())
    return {
        "kommun": (kommun, KOMMUN_TILLATNA),
        "vistelsekommun": (kommun, KOMMUN_TILLATNA),
        "kon": (parse_kon, "K, M, X"),
        "boendeform": (enum_parser(BOENDEFORMER), ", ".join(BOENDEFORMER)),
        "regi": (enum_parser(REGIER), ", ".join(REGIER)),
        "aldersgrupp": (_aldersgrupp, ", ".join(ALDERSGRUPPER)),
    }


def normalisera(param: str, value: str, namn: str | None = None) -> str:
    """``value`` as stored for filter ``param``; parameters without a known set pass as they are.

    ``namn`` is what the message calls the filter (``--kommun`` on the command line).
    """
    entry = _normaliserare().get(param)
    if entry is None:
        return value
    parse, tillatna = entry
    try:
        return parse(value.strip())
    except ValueError:
        raise FilterError(
            f"{namn or param}: okänt värde {value!r}. Tillåtna värden: {tillatna}"
        ) from None
