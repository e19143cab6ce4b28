"""A large file read and validated column by column: every problem deep in it is still
named by file, line and column, and the typed values are those of the per-cell parsers."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date, timedelta
from pathlib import Path

import pytest

import ingest.csv_columns
import ingest.validate
from ingest.folder import discover, read_source
from ingest.limits import Limits
from ingest.load import read_kommuner
from ingest.problems import Problem
from ingest.spec import Column
from ingest.validate import PERSONNUMMER, ParsedTable, parse_table

ROWS = 60_000
DEEP = 50_001
"""The file line of the first odd row (line 1 is the header, row i is on line i + 1)."""
START = date(2000, 1, 1)


def person(i: int) -> tuple[str, date, str]:
    """Row i's id, birth date and sex as the test writes them canonically."""
    return f"P{i:07d}", START + timedelta(days=i % 3000), "KM"[i % 2]


def write_personer(folder: Path, odd_rows: dict[int, str], quoted: bool = False) -> Path:
    """personer.csv with ROWS canonical rows; the given file lines replaced as written."""
    folder.mkdir(parents=True, exist_ok=True)
    lines = ["person_id;fodelsedatum;kon;medborgarskap;ankomstdatum"]
    for i in range(1, ROWS + 1):
        pid, born, kon = person(i)
        land = '"Syrien; Aleppo"' if quoted and i == 1 else "AFG"
        lines.append(f"{pid};{born.isoformat()};{kon};{land};")
    for line, text in odd_rows.items():
        lines[line - 1] = text
    (folder / "personer.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return folder


ODD = {
    DEEP: "P0050000; 20010919 ;Kvinna;AFG;2016-01-02 00:00:00",
    DEEP + 1: "P0050001;2001-02-30;pojke;SOM;",
    DEEP + 2: "P0050002;2001-09-21;M;19121212-1212;",
    DEEP + 3: "P0050003;2001-09-22;M;AFG",
    DEEP + 4: "P0050004;;x;AFG;2016-13-01",
    DEEP + 5: "    ;  ;  ;  ;   ",
}


def parse(folder: Path) -> tuple[ParsedTable, list[Problem]]:
    """The real importer's reader and validation of the folder's personer.csv."""
    found = discover(folder, Limits())
    (source,) = found.sources
    raw, read_problems = read_source(source, found)
    parsed, problems, _ = parse_table(raw, read_kommuner())
    return parsed, [*read_problems, *problems]


@pytest.mark.parametrize("slice_rows", [200_000, 7_000])
def test_problems_deep_in_a_large_file_name_file_line_and_column(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, slice_rows: int
) -> None:
    """Also with the file split in slices of 7 000 rows (a national file has many)."""
    monkeypatch.setattr(ingest.csv_columns, "SLICE_ROWS", slice_rows)
    parsed, problems = parse(write_personer(tmp_path / "export", ODD))

    assert problems == [
        Problem("personer.csv", DEEP + 3, None, "raden har 4 fält men rubrikraden har 5"),
        Problem("personer.csv", DEEP + 2, "medborgarskap", PERSONNUMMER),
        Problem(
            "personer.csv", DEEP + 1, "fodelsedatum", "datumet '2001-02-30' finns inte i kalendern"
        ),
        Problem("personer.csv", DEEP + 4, "fodelsedatum", "värde saknas"),
        Problem(
            "personer.csv", DEEP + 4, "ankomstdatum", "datumet '2016-13-01' finns inte i kalendern"
        ),
    ]
    # the width error and the blank line are not rows; every other line is, in file order
    assert parsed.rows_read == ROWS - 1 and parsed.empty_rows == 1
    assert len(parsed.lines) == ROWS - 2
    assert parsed.lines[DEEP - 2 : DEEP + 2] == [DEEP, DEEP + 1, DEEP + 2, DEEP + 4]
    assert parsed.lines[-1] == ROWS + 1


@pytest.mark.parametrize("slice_rows", [200_000, 7_000])
def test_typed_values_are_those_of_the_written_spellings(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, slice_rows: int
) -> None:
    monkeypatch.setattr(ingest.csv_columns, "SLICE_ROWS", slice_rows)
    parsed, _ = parse(write_personer(tmp_path / "export", ODD))
    at = {line: row for row, line in enumerate(parsed.lines)}
    values = parsed.values

    def row(line: int) -> tuple[object, ...]:
        names = ("person_id", "fodelsedatum", "kon", "medborgarskap", "ankomstdatum")
        return tuple(values[name][at[line]] for name in names)

    assert row(DEEP) == ("P0050000", date(2001, 9, 19), "K", "AFG", date(2016, 1, 2))
    assert row(DEEP + 1) == ("P0050001", None, "M", "SOM", None)
    assert row(DEEP + 2) == ("P0050002", date(2001, 9, 21), "M", None, None)
    assert row(DEEP + 4) == ("P0050004", None, "X", "AFG", None)
    for i in (1, 2, 49_998, 50_006, ROWS):
        pid, born, kon = person(i)
        assert row(i + 1) == (pid, born, kon, "AFG", None)


def test_each_distinct_value_is_parsed_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Python parses a value once however often it recurs, never once per cell."""
    calls: dict[str, int] = {}
    real_parser_for = ingest.validate.parser_for

    def counting_parser_for(column: Column, kommuner: Mapping[str, str]) -> Callable[[str], object]:
        parser = real_parser_for(column, kommuner)

        def counted(text: str) -> object:
            calls[column.name] = calls.get(column.name, 0) + 1
            return parser(text)

        return counted

    monkeypatch.setattr(ingest.validate, "parser_for", counting_parser_for)
    parse(write_personer(tmp_path / "export", {}))

    # 3 000 birth dates and two sexes recur over 60 000 rows; ankomstdatum is all blank
    assert calls == {"fodelsedatum": 3000, "kon": 2}


def test_a_file_with_quotes_gives_what_the_plain_file_gives(tmp_path: Path) -> None:
    """A quoted field sends the file to the row reader; rows, lines and problems agree."""
    plain, plain_problems = parse(write_personer(tmp_path / "plain", ODD))
    quoted, quoted_problems = parse(write_personer(tmp_path / "quoted", ODD, quoted=True))

    assert quoted_problems == plain_problems
    assert quoted.lines == plain.lines
    assert quoted.values["medborgarskap"][0] == "Syrien; Aleppo"
    quoted.values["medborgarskap"][0] = "AFG"
    assert quoted.values == plain.values
