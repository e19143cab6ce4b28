"""The definition of every figure in plain Swedish: one click from each chart, and in the
"Om datan" sheet of every XLSX download and CLI export.

The text is not written here: it is the quoted block under each section of
`docs/metrics.md`, marked `<!-- ui: figur figur … -->`. One source for the documentation
and the screen means a definition changed in the docs is the definition users read, and a
test checks that every figure has one and that each names its sign convention. Markdown
in the docs (rather than a Python or YAML source generating both) keeps the definitions
where their readers and reviewers already look, in a file GitHub renders.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

METRICS_MD = Path(__file__).resolve().parents[1] / "docs" / "metrics.md"
"""Shipped with the project (not the shared spec): the app reads its own docs."""
_BLOCK = re.compile(r"^<!-- ui: ([a-z_ ]+) -->\n((?:>.*\n?)+)", re.M)
SAKNAS = "Definitionen saknas i docs/metrics.md."


@cache
def definitioner() -> dict[str, str]:
    """Figure name -> its Swedish definition, read once from docs/metrics.md."""
    out: dict[str, str] = {}
    for namn, block in _BLOCK.findall(METRICS_MD.read_text(encoding="utf-8")):
        text = " ".join(rad.removeprefix(">").strip() for rad in block.splitlines())
        for figur in namn.split():
            out[figur] = text
    return out


def definition_text(figur: str) -> str:
    """The Swedish definition of a figure alone: what the XLSX sheet "Om datan" carries."""
    return definitioner().get(figur, SAKNAS)


def definition(figur: str) -> str:
    """The Swedish definition of a figure, with how to get the same data from the CLI."""
    return (
        f"{definition_text(figur)}\n\n"
        f"Samma data från kommandoraden: `python -m queries export {figur} …`"
    )
