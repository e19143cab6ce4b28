"""Filter values spelled the way exports and people write them, on PERSONFALL (conftest).

On D = 2024-03-15 the persons with 0182 (Nacka) responsible are, from the timeline:
A  M 18 (turns 18 on D)   U1 HVB          -> 18-20 M
C  M 15 (born 2008-06-20) U2 stodboende   -> 14-17 M
E  K 20 (born 2003-07-01) U3 familjehem   -> 18-20 K
(G starts on 03-16, F ended 01-31, B and H have other municipalities.)
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

import queries
from queries.__main__ import main

ALLA = {("18-20", "M"): 1, ("14-17", "M"): 1, ("18-20", "K"): 1}


def _alder_kon(
    db: Path, capsys: pytest.CaptureFixture[str], *options: str
) -> dict[tuple[str, str], int]:
    args = [
        "export",
        "alder_kon",
        "--db",
        str(db),
        "--date",
        "2024-03-15",
        "--format",
        "csv-raw",
        *options,
    ]
    assert main(args) == 0, capsys.readouterr().err
    rows = csv.DictReader(io.StringIO(capsys.readouterr().out))
    return {(r["aldersgrupp"], r["kon"]): int(r["antal"]) for r in rows}


@pytest.mark.parametrize(
    ("options", "expected"),
    [
        (["--kommun", "182"], ALLA),
        (["--kommun", "Nacka"], ALLA),
        (["--kommun", "nacka kommun"], ALLA),
        (["--kommun", "0182", "--kon", "m"], {("18-20", "M"): 1, ("14-17", "M"): 1}),
        (["--kommun", "182", "--boendeform", "hvb"], {("18-20", "M"): 1}),
        (["--kommun", "182", "--boendeform", "Stödboende"], {("14-17", "M"): 1}),
        (["--kommun", "182", "--regi", "Konsulentstödd"], {("18-20", "K"): 1}),
        # an en dash as people type ranges: A and E
        (
            ["--kommun", "182", "--aldersgrupp", "18\u201320"],
            {("18-20", "M"): 1, ("18-20", "K"): 1},
        ),
        # E lives in 0180 (Stockholm), A and C in their units' municipalities 0182 and 1480
        (["--kommun", "182", "--vistelsekommun", "Stockholm"], {("18-20", "K"): 1}),
    ],
)
def test_cli_normalises_filter_values_like_the_importer(
    personfall: Path, capsys: pytest.CaptureFixture[str], options: list[str], expected: dict
) -> None:
    assert _alder_kon(personfall, capsys, *options) == expected


@pytest.mark.parametrize(
    ("options", "shown", "allowed"),
    [
        (["--kommun", "9999"], "--kommun: okänt värde '9999'", "kommunkod"),
        (["--kommun", "Narnia"], "--kommun: okänt värde 'Narnia'", "kommunnamn"),
        (["--vistelsekommun", "12345"], "--vistelsekommun: okänt värde '12345'", "kommunkod"),
        (["--kon", "q"], "--kon: okänt värde 'q'", "K, M, X"),
        (["--boendeform", "villa"], "--boendeform: okänt värde 'villa'", "HVB, stodboende"),
        (["--regi", "privat"], "--regi: okänt värde 'privat'", "egen, entreprenad"),
        (
            ["--aldersgrupp", "12-15"],
            "--aldersgrupp: okänt värde '12-15'",
            "0-13, 14-17, 18-20, 21+",
        ),
    ],
)
def test_cli_refuses_an_unknown_filter_value(
    personfall: Path,
    capsys: pytest.CaptureFixture[str],
    options: list[str],
    shown: str,
    allowed: str,
) -> None:
    args = ["export", "alder_kon", "--db", str(personfall), "--date", "2024-03-15", *options]
    assert main(args) == 2
    err = capsys.readouterr().err
    assert shown in err and "Tillåtna värden" in err and allowed in err


def test_run_binds_normalised_values(personfall: Path) -> None:
    # the same three persons as with 0182; as a list filter "k" finds E only
    df = queries.run("alder_kon", personfall, datum="2024-03-15", kommun="182")
    assert {(r["aldersgrupp"], r["kon"]): r["antal"] for r in df.iter_rows(named=True)} == ALLA
    only_e = queries.run("alder_kon", personfall, datum="2024-03-15", kommun="Nacka", kon=["k"])
    assert only_e.rows() == [("18-20", "K", 1)]
    with pytest.raises(queries.QueryError, match="kommun: okänt värde '9999'"):
        queries.run("alder_kon", personfall, datum="2024-03-15", kommun="9999")
