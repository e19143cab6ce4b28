"""Value objects that carry what an import found back to the caller.

The contract asks that every error in a folder is reported at once, naming
file, line and column. Validation therefore never raises on the first fault:
it collects `Problem` rows, and the importer raises `ImportRefused` with all
of them before anything touches the database.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    """One fault in the export folder, worded for the municipality's IT staff."""

    fil: str
    """File name as found in the folder; a workbook sheet is `bok.xlsx[blad]`."""
    rad: int | None
    """The file's line (header = 1) or the sheet's row; None for file-level faults."""
    kolumn: str | None
    """The contract's column name, or None when the fault is not about one column."""
    meddelande: str
    """What is wrong, in Swedish. Never contains a personnummer."""

    def __str__(self) -> str:
        plats = self.fil if self.rad is None else f"{self.fil}:{self.rad}"
        if self.kolumn is None:
            return f"{plats}: {self.meddelande}"
        return f"{plats}: {self.kolumn}: {self.meddelande}"


class ImportRefused(Exception):
    """The folder had at least one error; the database file was not touched."""

    def __init__(self, problems: list[Problem], antal: int | None = None) -> None:
        self.problems = sorted(problems, key=_sort_key)
        self.antal = len(self.problems) if antal is None else antal
        """Every problem found; more than listed when a file had very many."""
        super().__init__(f"{self.antal} fel i exporten")


def _sort_key(problem: Problem) -> tuple[str, int, str, str]:
    return (problem.fil, problem.rad or 0, problem.kolumn or "", problem.meddelande)
