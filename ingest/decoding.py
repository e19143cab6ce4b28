"""Text encoding of a CSV file: one encoding for the whole file, or a refusal.

Swedish exports come as UTF-8 (with or without BOM), as Windows-1252 from
Excel's "CSV (semikolonavgränsad)", or as UTF-16 from "Unicode-text". A file
edited by two programs can hold both UTF-8 and Windows-1252 lines; decoding it
either way turns half its names into mojibake without a word, so such a file
is refused and its odd lines are named.
"""

from __future__ import annotations

import codecs

from ingest.problems import Problem

UNKNOWN = "okänd teckenkodning (spara som UTF-8 eller Windows-1252)"
MIXED = (
    "raden är inte UTF-8 som resten av filen (troligen Windows-1252); "
    "filen har blandad teckenkodning: spara hela filen som UTF-8"
)


def decode(data: bytes) -> str | None:
    """Strict UTF-8 (BOM optional), Excel's UTF-16 text, else Windows-1252."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        encodings: tuple[str, ...] = ("utf-16",)
    else:
        encodings = ("utf-8-sig", "cp1252")
    for encoding in encodings:
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return None


def decode_file(data: bytes, fil: str) -> tuple[str | None, list[Problem]]:
    """The file's text, or None and the problems that say why it is not read."""
    try:
        return data.decode("utf-8-sig"), []
    except UnicodeDecodeError:
        pass
    mixed = _non_utf8_lines(data)
    if mixed:
        return None, [Problem(fil, line, None, MIXED) for line in mixed]
    text = decode(data)
    return text, [] if text is not None else [Problem(fil, None, None, UNKNOWN)]


def _non_utf8_lines(data: bytes) -> list[int]:
    """The lines that are not UTF-8, when other lines hold UTF-8 beyond ASCII; else none."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return []
    bad: list[int] = []
    utf8_beyond_ascii = data.startswith(codecs.BOM_UTF8)
    for number, line in enumerate(data.split(b"\n"), start=1):
        if line.isascii():
            continue
        try:
            line.decode("utf-8")
        except UnicodeDecodeError:
            bad.append(number)
        else:
            utf8_beyond_ascii = True
    return bad if utf8_beyond_ascii else []
