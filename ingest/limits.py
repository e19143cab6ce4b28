"""Bounds on what one import reads and reports.

A hostile or broken export must not exhaust memory or bury the one useful
message under millions: files and cells have a size cap, and problems are
kept up to a number per file and column, then only counted.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import SupportsIndex

from ingest.problems import Problem
from ingest.safe_files import DEFAULT_MAX_BYTES

PER_COLUMN = 20


@dataclass(frozen=True)
class Limits:
    """The caps of one import."""

    max_bytes: int = DEFAULT_MAX_BYTES
    """Largest file read."""
    max_cell_chars: int = 10_000
    """Longest cell value accepted (a cell is a name, a date or a short note)."""


class Problems(list[Problem]):
    """A problem list that keeps the first `PER_COLUMN` per (file, column) and counts the rest.

    Validation code appends freely; memory stays bounded even when every one of
    millions of rows is wrong.
    """

    def __init__(self, items: Iterable[Problem] = ()) -> None:
        super().__init__()
        self.counts: dict[tuple[str, str | None], int] = {}
        self.extend(items)

    def append(self, problem: Problem) -> None:
        key = (problem.fil, problem.kolumn)
        self.counts[key] = self.counts.get(key, 0) + 1
        if self.counts[key] <= PER_COLUMN:
            super().append(problem)

    def extend(self, problems: Iterable[Problem]) -> None:
        for problem in problems:
            self.append(problem)
        if isinstance(problems, Problems):  # carry what the other list only counted
            for key, count in problems.counts.items():
                self.counts[key] += count - min(count, PER_COLUMN)

    def __iadd__(self, problems: Iterable[Problem]) -> Problems:  # type: ignore[override, misc]
        self.extend(problems)
        return self

    def insert(self, index: SupportsIndex, problem: Problem) -> None:
        self.append(problem)

    @property
    def total(self) -> int:
        """Every problem found, also those not kept."""
        return sum(self.counts.values())

    def with_summaries(self) -> list[Problem]:
        """The kept problems plus, per (file, column) over the cap, how many more there were."""
        summaries = [
            Problem(fil, None, kolumn, _more(count - PER_COLUMN, kolumn))
            for (fil, kolumn), count in self.counts.items()
            if count > PER_COLUMN
        ]
        return [*self, *summaries]


def _more(count: int, kolumn: str | None) -> str:
    where = "i kolumnen" if kolumn else "i filen"
    number = f"{count:,}".replace(",", " ")
    return f"ytterligare {number} fel {where} visas inte (de första {PER_COLUMN} visas)"
