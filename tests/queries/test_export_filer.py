"""Files for people from the export CLI: as shown on screen, neutralised, with "Om datan"."""

from __future__ import annotations

import csv
import io
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook

from queries.export import filnamn
from tests.helpers.importera import import_tables

ROOT = Path(__file__).parents[2]

# Ledger for January 2024, as booked (costs positive, revenues negative). A verksamhet and a
# kategori that Excel would run as formulas.
HOSTILE = {
    "kontoplan": [
        {"konto": "4010", "benamning": "Köp", "typ": "kostnad", "kategori": "=1+1"},
        {"konto": "3010", "benamning": "Ersättning", "typ": "intakt", "kategori": "statlig_ersattning"},
    ],
    "ekonomi": [
        {"period": "2024-01", "verksamhet": "-Eken", "konto": "4010", "belopp": "1234.56"},
        {"period": "2024-01", "verksamhet": "Nacka", "konto": "3010", "belopp": "-1000"},
    ],
}  # fmt: skip
JANUARI = ["--from", "2024-01-01", "--to", "2024-01-31"]


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return import_tables(tmp_path_factory.mktemp("hostile"), HOSTILE, "2024-06-30")


def cli(*args: str) -> bytes:
    command = [sys.executable, "-m", "queries", "export", *args]
    return subprocess.run(command, cwd=ROOT, capture_output=True, check=True, timeout=120).stdout


def test_default_csv_keeps_the_columns_and_is_neutralised(hostile: Path) -> None:
    data = cli("ekonomi_verksamhet", "--db", str(hostile), *JANUARI)
    assert data.decode().splitlines() == [
        "verksamhet,kostnad,intakt,balans,budget_balans",
        # the figure's own values; the text a spreadsheet would run gets its apostrophe
        "'-Eken,1234.56,0.0,-1234.56,0.0",
        "Nacka,0.0,1000.0,1000.0,0.0",
    ]


def test_csv_excel_is_for_people_and_neutralised(hostile: Path) -> None:
    data = cli("ekonomi_verksamhet", "--db", str(hostile), *JANUARI, "--format", "csv-excel")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig")), delimiter=";"))
    assert rows == [
        ["Verksamhet", "Kostnad (kr)", "Intäkt (kr)", "Balans (kr)", "Budget balans (kr)"],
        # cost 1 234,56 shown as 1 235 kr; balance 0 − 1 234,56 = −1 235 kr; no budget
        ["'-Eken", "1235", "0", "-1235", "0"],
        # revenue −(−1 000) = 1 000; balance 1 000 − 0
        ["Nacka", "0", "1000", "1000", "0"],
    ]


def test_raw_csv_for_programs_keeps_values(hostile: Path) -> None:
    data = cli("ekonomi_verksamhet", "--db", str(hostile), *JANUARI, "--format", "csv-raw")
    assert data.decode().splitlines() == [
        "verksamhet,kostnad,intakt,balans,budget_balans",
        "-Eken,1234.56,0.0,-1234.56,0.0",
        "Nacka,0.0,1000.0,1000.0,0.0",
    ]


def test_xlsx_keeps_text_and_describes_the_data(hostile: Path, tmp_path: Path) -> None:
    out = tmp_path / "kategori.xlsx"
    cli("ekonomi_kategori", "--db", str(hostile), *JANUARI, "--format", "xlsx", "--out", str(out))
    book = load_workbook(out)
    assert book.sheetnames == ["ekonomi_kategori", "Om datan"]
    data = book["ekonomi_kategori"]
    header = [c.value for c in data[1]]
    assert header[:4] == ["Typ", "Typ (kod)", "Kategori", "Kategori (kod)"]
    kategorier = [c for c in data["C"][1:]]
    assert "=1+1" in [c.value for c in kategorier]
    assert {c.data_type for c in kategorier} == {"s"}
    om = {row[0]: row[1] for row in book["Om datan"].iter_rows(values_only=True)}
    assert om["Mått"] == "ekonomi_kategori"
    assert om["Titel"] == "Utfall mot budget per kontotyp och kategori"
    assert om["Definition"]
    assert om["Period"] == "2024-01-01 – 2024-01-31"
    assert om["Filter: Verksamhet"] == "Alla (inget filter)"
    assert om["Uttagsdatum"] == "2024-06-30"
    assert om["Importerad"][:2] == "20"
    assert "Demodata" not in om


def test_xlsx_of_demo_data_says_so(demo_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "demo.xlsx"
    cli("dataomfang", "--db", str(demo_db), "--format", "xlsx", "--out", str(out))
    om = {row[0]: row[1] for row in load_workbook(out)["Om datan"].iter_rows(values_only=True)}
    assert om["Demodata"].startswith("Ja")


def test_file_names_carry_figure_and_period() -> None:
    period = {"fran": date(2019, 1, 1), "till": date(2019, 12, 31), "boendeform": ["HVB"]}
    assert (
        filnamn("belaggning_enhet", period, "xlsx") == "belaggning_enhet_2019-01-01_2019-12-31.xlsx"
    )
    assert filnamn("alder_kon", {"datum": date(2019, 6, 30)}, "csv") == "alder_kon_2019-06-30.csv"
    assert filnamn("import_logg", {}, "csv") == "import_logg.csv"
