"""Value parsers on the spellings real exports use (expected values by hand)."""

from __future__ import annotations

from datetime import date

import pytest

from ingest.load import read_kommuner
from ingest.parse import (
    fold,
    kommun_parser,
    looks_like_personnummer,
    parse_amount,
    parse_budget_period,
    parse_date,
    parse_integer,
    parse_kon,
    parse_month,
)
from ingest.readers import decode, detect_separator


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2024-02-29", date(2024, 2, 29)),
        ("20240229", date(2024, 2, 29)),
        ("2024-02-29 00:00:00", date(2024, 2, 29)),
        ("2024-02-29T00:00", date(2024, 2, 29)),
    ],
)
def test_dates(text: str, expected: date) -> None:
    assert parse_date(text) == expected


@pytest.mark.parametrize("text", ["2023-02-29", "2024-02-29 13:15:00", "29/02/2024", "2024-2-9"])
def test_bad_dates(text: str) -> None:
    with pytest.raises(ValueError):
        parse_date(text)


@pytest.mark.parametrize("text", ["2024-03", "202403", "2024-03-01", "20240301"])
def test_months(text: str) -> None:
    assert parse_month(text) == date(2024, 3, 1)


def test_a_bare_year_is_a_budget_year() -> None:
    assert parse_budget_period("2025") == 2025
    assert parse_budget_period("2025-04") == date(2025, 4, 1)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1 350,00", "1350.00"),
        ("1\u00a0350,5", "1350.50"),
        ("1\u202f350", "1350.00"),
        ("-1 350,75", "-1350.75"),
        ("\u22121 350,75", "-1350.75"),
        ("1350.25", "1350.25"),
        ("1.350,25", "1350.25"),
        ("1,350.25", "1350.25"),
        ("0,5", "0.50"),
    ],
)
def test_amounts(text: str, expected: str) -> None:
    assert parse_amount(text) == expected


@pytest.mark.parametrize("text", ["1,2,3", "12 kr", "--5", "1,005", ""])
def test_bad_amounts(text: str) -> None:
    with pytest.raises(ValueError):
        parse_amount(text)


@pytest.mark.parametrize(("text", "expected"), [("6", 6), ("6,0", 6), ("6.0", 6), ("1 000", 1000)])
def test_integers(text: str, expected: int) -> None:
    assert parse_integer(text) == expected


def test_a_fraction_is_not_an_integer() -> None:
    with pytest.raises(ValueError):
        parse_integer("6,5")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("k", "K"),
        ("F", "K"),
        ("Kvinna", "K"),
        ("flicka", "K"),
        ("M", "M"),
        ("Man", "M"),
        ("pojke", "M"),
        ("X", "X"),
        ("Okänd", "X"),
    ],
)
def test_kon(text: str, expected: str) -> None:
    assert parse_kon(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("0182", "0182"),
        ("182", "0182"),
        ("Nacka", "0182"),
        ("nacka kommun", "0182"),
        ("göteborg", "1480"),
        ("114", "0114"),
    ],
)
def test_kommun(text: str, expected: str) -> None:
    assert kommun_parser(read_kommuner())(text) == expected


@pytest.mark.parametrize("text", ["0000", "12345", "Gotham"])
def test_unknown_kommun(text: str) -> None:
    with pytest.raises(ValueError):
        kommun_parser(read_kommuner())(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # check digits by Luhn (weights 2,1,2,… over YYMMDDNNN): 8 5 1 2 3 1 1 2 3 →
        # 16→7, 5, 2, 2, 6, 1, 2, 2, 6 = 33 → check 7; day 91 (samordningsnummer):
        # 7, 5, 2, 2, 18→9, 1, 2, 2, 6 = 36 → check 4.
        ("851231-1237", True),
        ("851231+1237", True),
        ("198512311237", True),
        ("19851231-1237", True),
        ("8512311237", True),
        ("851231-1234", False),  # wrong check digit
        ("851291-1234", True),  # samordningsnummer, day 31 + 60
        ("851331-1236", False),  # month 13 (check digit right for the digits)
        ("851232-1236", False),  # day 32
        ("851200-1234", False),  # day 00
        ("212000-0142", False),  # organisationsnummer: month 20
        ("19851231", False),
        ("123-851231-12345", False),
    ],
)
def test_personnummer_shapes(text: str, expected: bool) -> None:
    assert looks_like_personnummer(text) is expected


def test_headers_fold_to_contract_names() -> None:
    assert fold(" Födelse-datum ") == "fodelse_datum"
    assert fold("Uppehållstillstånd datum") == "uppehallstillstand_datum"
    assert fold("KÖN") == "kon"


def test_separator_is_taken_from_the_header_line_outside_quotes() -> None:
    assert detect_separator('"a;b",c,d\n1;2;3;4;5\n') == ","
    assert detect_separator("a\tb\tc\n") == "\t"
    assert detect_separator("a;b,c;d\n") == ";"


def test_decoding_prefers_strict_utf8() -> None:
    assert decode("Växjö".encode()) == "Växjö"
    assert decode("\ufeffVäxjö".encode()) == "Växjö"
    assert decode("Växjö".encode("cp1252")) == "Växjö"
    assert decode("Växjö".encode("utf-16")) == "Växjö"


def test_table_identifiers_come_only_from_the_whitelist() -> None:
    from ingest.load import _tabell

    # a contract table and a log table are quoted; anything else never reaches SQL
    assert _tabell("placeringar") == '"placeringar"'
    assert _tabell("import_fil") == '"import_fil"'
    with pytest.raises(ValueError, match="okänd tabell"):
        _tabell('personer"; drop table personer; --')
