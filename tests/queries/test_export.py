"""CSV/XLSX writers and the export CLI (`python -m queries`)."""

from __future__ import annotations

import csv
import io
import subprocess
import sys
from datetime import date, datetime
from pathlib import Path

import polars as pl
import pytest
from openpyxl import load_workbook

from queries.__main__ import main
from queries.export import neutralise, to_csv_excel, to_csv_machine, to_xlsx

ROOT = Path(__file__).parents[2]
SAMPLE = pl.DataFrame(
    {
        "namn": ["=SUM(A1)", "+46", "-1", "@x", "\tflik", "\rretur", "vanlig"],
        "andel": [0.5, 1.25, -2.0, 0.0, 1.0, 2.0, 3.0],
        "datum": [date(2024, 3, 15)] * 7,
    }
)


@pytest.mark.parametrize(
    ("value", "expected"),
    [("=1+1", "'=1+1"), ("+1", "'+1"), ("-1", "'-1"), ("@a", "'@a"), ("\tx", "'\tx"), ("\rx", "'\rx"),
     ("Nacka", "Nacka"), ("", ""), (-1, -1), (None, None)],
)  # fmt: skip
def test_neutralise(value: object, expected: object) -> None:
    assert neutralise(value) == expected


def test_csv_machine_is_plain() -> None:
    text = to_csv_machine(SAMPLE)
    lines = text.splitlines()
    assert lines[0] == "namn,andel,datum"
    # machines get the raw text and a decimal point
    assert lines[1] == "=SUM(A1),0.5,2024-03-15"
    assert lines[2] == "+46,1.25,2024-03-15"


def test_csv_excel_is_neutralised_with_decimal_comma_and_bom() -> None:
    data = to_csv_excel(SAMPLE)
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig")), delimiter=";"))
    # a column no figure has gets its name as heading; andel is a share shown as percent
    assert rows[0] == ["Namn", "Andel (%)", "Datum"]
    assert rows[1] == ["'=SUM(A1)", "50,0", "2024-03-15"]
    assert [r[0] for r in rows[2:]] == ["'+46", "'-1", "'@x", "'\tflik", "'\rretur", "vanlig"]
    # -2.0 as a share is -200,0 %
    assert rows[3][1] == "-200,0"


def test_csv_excel_writes_times_as_on_screen() -> None:
    df = pl.DataFrame({"importerad": [datetime(2024, 3, 15, 9, 5, 59)]})
    rows = to_csv_excel(df).decode("utf-8-sig").splitlines()
    # minutes, as the Data page shows the import time; no ISO "T" and microseconds
    assert rows == ["Importerad", "2024-03-15 09:05"]


def test_xlsx_stores_text_as_text_unchanged() -> None:
    sheet = load_workbook(io.BytesIO(to_xlsx(SAMPLE))).active
    assert [c.value for c in sheet[1]] == ["Namn", "Andel (%)", "Datum"]
    # no apostrophe: the text reads back exactly, and is stored as a string, not a formula
    # (XML stores a carriage return as a line feed: still text, never a formula)
    expected = [v.replace("\r", "\n") for v in SAMPLE["namn"].to_list()]
    assert [c.value for c in sheet["A"][1:]] == expected
    assert {c.data_type for c in sheet["A"]} == {"s"}
    assert sheet["B3"].value == 125.0 and sheet["B3"].data_type == "n"
    assert sheet["C2"].value.date() == date(2024, 3, 15) and sheet["C2"].is_date


def test_cli_raw_csv_to_stdout(personfall: Path) -> None:
    # kommunoverskridande from Nacka on 2024-03-15, worked out in test_kommunoverskridande.py
    result = subprocess.run(
        [sys.executable, "-m", "queries", "export", "kommunoverskridande", "--db", str(personfall),
         "--date", "2024-03-15", "--kommun", "0182", "--format", "csv-raw"],
        cwd=ROOT, capture_output=True, text=True, check=True,
    )  # fmt: skip
    assert result.stdout.splitlines() == [
        "riktning,kommun,kommun_namn,samma_lan,antal",
        "placerade_hos_oss,0180,Stockholm,true,1",
        "placerade_hos_oss,1480,Göteborg,false,1",
        "vara_i_andra,0180,Stockholm,true,1",
        "vara_i_andra,1480,Göteborg,false,1",
    ]


def test_cli_list_filters_and_xlsx(
    personfall: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "alder.xlsx"
    args = [
        "export",
        "alder_kon",
        "--db",
        str(personfall),
        "--date",
        "2024-03-15",
        "--vistelsekommun",
        "0182",
    ]
    assert main([*args, "--kommun", "0182", "--format", "xlsx", "--out", str(out)]) == 0
    # responsible and living in 0182 on 2024-03-15: only A (18, M)
    rows = list(load_workbook(out).active.iter_rows(values_only=True))
    assert rows == [
        ("Åldersgrupp", "Åldersgrupp (kod)", "Kön", "Kön (kod)", "Antal"),
        ("18–20 år", "18-20", "Pojkar/män", "M", 1),
    ]
    assert main(["list"]) == 0
    listing = capsys.readouterr().out
    assert "budgetbalans" in listing and "--verksamhet" in listing


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["export", "belaggning", "--from", "2024-01-01"], "kräver --to"),
        (
            [
                "export",
                "budgetbalans",
                "--from",
                "2024-01-01",
                "--to",
                "2024-01-31",
                "--kommun",
                "0182",
            ],
            "tar inte --kommun",
        ),
        (["export", "finns_inte"], "Okänt mått"),
    ],
)
def test_cli_refuses_with_a_swedish_message(
    personfall: Path, capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    assert main([*args, "--db", str(personfall)]) == 2
    assert message in capsys.readouterr().err


def test_cli_missing_database(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", "dataomfang", "--db", str(tmp_path / "saknas.duckdb")]) == 2
    assert "Databasfilen finns inte" in capsys.readouterr().err
