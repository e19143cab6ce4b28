"""Checks across rows and tables: keys, references, date order and overlaps.

These are the contract's rules that no single cell can break on its own. A
problem names the later of two rows (the line a person reaches last when
reading the file) and mentions the other line, so both can be found.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from ingest.parse import shown
from ingest.problems import Problem
from ingest.validate import ParsedTable

Tables = dict[str, ParsedTable]

UNIQUE_KEYS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("personer", ("person_id",)),
    ("anvisningar", ("anvisning_id",)),
    ("enheter", ("enhet_id",)),
    ("placeringar", ("placering_id",)),
    ("kontoplan", ("konto",)),
    ("aldersandringar", ("person_id", "beslutsdatum")),
)
REFERENCES: tuple[tuple[str, str, str], ...] = (
    ("aldersandringar", "person_id", "personer"),
    ("anvisningar", "person_id", "personer"),
    ("placeringar", "person_id", "personer"),
    ("placeringar", "enhet_id", "enheter"),
    ("platser", "enhet_id", "enheter"),
    ("ekonomi", "konto", "kontoplan"),
    ("budget", "konto", "kontoplan"),
    ("utbetalningar", "person_id", "personer"),
)
# (table, first column, later column, message when later < first)
ORDERS: tuple[tuple[str, str, str, str], ...] = (
    ("placeringar", "startdatum", "slutdatum", "slutdatum är före startdatum"),
    ("platser", "giltig_fran", "giltig_till", "giltig_till är före giltig_fran"),
    ("platser", "alder_fran", "alder_till", "alder_till är lägre än alder_fran"),
    ("utbetalningar", "period_fran", "period_till", "period_till är före period_fran"),
)


def check_tables(tables: Tables) -> list[Problem]:
    """Every cross-row and cross-table problem in the parsed tables."""
    problems: list[Problem] = []
    for table, key in UNIQUE_KEYS:
        if table in tables:
            problems.extend(_unique(tables[table], key))
    for table, column, target in REFERENCES:
        if table in tables and target in tables and tables[target].complete:
            problems.extend(_references(tables[table], column, tables[target]))
    for table, first, later, message in ORDERS:
        if table in tables:
            problems.extend(_order(tables[table], first, later, message))
    if "placeringar" in tables:
        problems.extend(_placement_overlaps(tables["placeringar"]))
    if "platser" in tables:
        problems.extend(_platser_overlaps(tables["platser"]))
    return problems


def _unique(parsed: ParsedTable, key: tuple[str, ...]) -> Iterator[Problem]:
    seen: dict[tuple[object, ...], int] = {}
    columns = [parsed.values[name] for name in key]
    for row, values in enumerate(zip(*columns, strict=True)):
        if any(value is None for value in values):
            continue
        first = seen.setdefault(values, row)
        if first != row:
            what = " och ".join(key)
            message = f"{what} finns redan på rad {parsed.line_of(first)}; värdet måste vara unikt"
            yield Problem(parsed.fil, parsed.line_of(row), key[-1], message)


def _references(parsed: ParsedTable, column: str, target: ParsedTable) -> Iterator[Problem]:
    known = set(target.values[column])
    for row, value in enumerate(parsed.values[column]):
        if value is not None and value not in known:
            message = f"{shown(str(value))} finns inte i {target.spec.name} ({target.fil})"
            yield Problem(parsed.fil, parsed.line_of(row), column, message)


def _order(parsed: ParsedTable, first: str, later: str, message: str) -> Iterator[Problem]:
    pairs = zip(parsed.values[first], parsed.values[later], strict=True)
    for row, (start, end) in enumerate(pairs):
        if start is not None and end is not None and end < start:  # type: ignore[operator]
            yield Problem(parsed.fil, parsed.line_of(row), later, message)


Interval = tuple[date, date | None, int]
"""(start, end or None for open-ended, row index)"""


def _placement_overlaps(parsed: ParsedTable) -> Iterator[Problem]:
    """One person's placements are half-open [start, end): a move-out may be the next move-in."""
    groups = _intervals(parsed, ("person_id",), "startdatum", "slutdatum")
    for intervals in groups.values():
        for earlier, later in _overlapping(intervals, closed=False):
            message = "placeringen överlappar personens placering på rad {rad}"
            yield _later_row(parsed, earlier, later, "startdatum", message)


def _platser_overlaps(parsed: ParsedTable) -> Iterator[Problem]:
    """Contracted place periods include giltig_till, so touching periods overlap."""
    groups = _intervals(parsed, ("enhet_id", "platstyp"), "giltig_fran", "giltig_till")
    for intervals in groups.values():
        for earlier, later in _overlapping(intervals, closed=True):
            message = "perioden överlappar perioden på rad {rad} (samma enhet och platstyp)"
            yield _later_row(parsed, earlier, later, "giltig_fran", message)


def _later_row(parsed: ParsedTable, one: int, two: int, column: str, template: str) -> Problem:
    """The problem on whichever of two rows comes later in the file."""
    row, other = (two, one) if parsed.line_of(two) > parsed.line_of(one) else (one, two)
    message = template.format(rad=parsed.line_of(other))
    return Problem(parsed.fil, parsed.line_of(row), column, message)


def _intervals(
    parsed: ParsedTable, key: tuple[str, ...], start: str, end: str
) -> dict[tuple[object, ...], list[Interval]]:
    groups: dict[tuple[object, ...], list[Interval]] = {}
    keys = zip(*(parsed.values[name] for name in key), strict=True)
    starts, ends = parsed.values[start], parsed.values[end]
    for row, group in enumerate(keys):
        begin, finish = starts[row], ends[row]
        if group[0] is None or not isinstance(begin, date):
            continue
        if finish is not None and finish < begin:  # type: ignore[operator]
            continue  # already reported as a date-order problem
        groups.setdefault(group, []).append((begin, finish, row))  # type: ignore[arg-type]
    return groups


def _overlapping(intervals: list[Interval], *, closed: bool) -> Iterator[tuple[int, int]]:
    """Pairs (reaching row, row) where a row starts before the furthest earlier end."""
    intervals.sort(key=lambda interval: (interval[0], interval[2]))
    reach: Interval | None = None
    for interval in intervals:
        if reach is not None and _overlaps(reach, interval[0], closed):
            yield reach[2], interval[2]
        if reach is None or _ends_later(interval, reach):
            reach = interval


def _overlaps(reach: Interval, start: date, closed: bool) -> bool:
    end = reach[1]
    if end is None:
        return True
    return start <= end if closed else start < end


def _ends_later(interval: Interval, reach: Interval) -> bool:
    if reach[1] is None:
        return False
    return interval[1] is None or interval[1] > reach[1]
