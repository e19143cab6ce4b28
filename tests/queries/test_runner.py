"""queries.run and queries.catalogue: the whitelist of figures and parameters, binding, connections."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import duckdb
import pytest

import queries

ARCHITECTURE = Path(__file__).parents[2] / "docs" / "architecture.md"
METRICS = Path(__file__).parents[2] / "docs" / "metrics.md"


def test_unknown_figure_is_refused(personfall: Path) -> None:
    with pytest.raises(queries.QueryError, match="Okänt mått"):
        queries.run("belaggning; drop table personer", personfall)


def test_unknown_parameter_is_refused(personfall: Path) -> None:
    with pytest.raises(queries.QueryError, match="okänd parameter kommun"):
        queries.run("belaggning", personfall, fran="2024-01-01", till="2024-01-31", kommun="0182")


def test_bad_date_is_refused(personfall: Path) -> None:
    with pytest.raises(queries.QueryError, match="ogiltigt datum"):
        queries.run("alder_kon", personfall, datum="15/3/2024")


def test_dates_as_strings_or_dates_and_an_open_connection(personfall: Path) -> None:
    # the same figure three ways gives the same five persons in care on 2024-03-15
    as_text = queries.run("alder_kon", personfall, datum="2024-03-15")
    as_date = queries.run("alder_kon", personfall, datum=date(2024, 3, 15))
    with duckdb.connect(str(personfall), read_only=True) as con:
        on_con = queries.run("alder_kon", con=con, datum="2024-03-15")
    assert as_text.equals(as_date) and as_text.equals(on_con)
    assert as_text["antal"].sum() == 5


def test_values_are_bound_not_spliced(personfall: Path, ekonomifall: Path) -> None:
    # a free-text filter value that looks like SQL is just a value that matches nothing
    sql = "EKB asyl' or '1'='1"
    df = queries.run("ekonomi_verksamhet", ekonomifall, verksamhet=[sql])
    assert df.height == 0
    # a kommun filter is checked against the reference first, so it never reaches the query
    with pytest.raises(queries.QueryError, match="okänt värde"):
        queries.run("alder_kon", personfall, datum="2024-03-15", kommun="0182' or '1'='1")


def test_run_opens_the_file_read_only(personfall: Path) -> None:
    # while run's read-only connection is open elsewhere, a second reader still works
    with duckdb.connect(str(personfall), read_only=True):
        assert queries.run("dataomfang", personfall).height == 1


def test_every_declared_parameter_is_used_and_every_used_one_declared() -> None:
    for fig in queries.catalogue():
        used = set(re.findall(r"\$([a-z_]+)", fig.sql))
        assert used == set(fig.params), fig.name
        assert fig.title and "grain:" in fig.description and "definition:" in fig.description, (
            fig.name
        )


def test_catalogue_matches_architecture() -> None:
    # every row of the figure catalogue in docs/architecture.md is a figure with those params;
    # "same as X" means X's parameters, a bare "same" the previous row's
    rows = re.findall(
        r"^\| `([a-z_]+)` \| ([^|]*) \|", ARCHITECTURE.read_text(encoding="utf-8"), re.M
    )
    figures = {f.name: f for f in queries.catalogue()}
    assert {name for name, _ in rows} == set(figures)
    expected: dict[str, list[str]] = {}
    previous: list[str] = []
    for name, params in rows:
        declared = params.strip()
        if declared.startswith("same as"):
            previous = expected[declared.removeprefix("same as").strip()]
        elif declared != "same":
            previous = [p.strip() for p in declared.split(",")] if declared != "—" else []
        expected[name] = previous
        assert list(figures[name].params) == previous, name


def test_every_figure_names_sections_of_docs_metrics() -> None:
    headings = {
        re.sub(r" \(.*", "", line.lstrip("#").strip())
        for line in METRICS.read_text(encoding="utf-8").splitlines()
        if line.startswith("#")
    }
    for fig in queries.catalogue():
        line = next(x for x in fig.description.splitlines() if x.startswith("definition:"))
        named = re.findall(r'"([^"]+)"', line)
        assert named and set(named) <= headings, (fig.name, set(named) - headings)
