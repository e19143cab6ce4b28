"""No personnummer, however it is written, reaches the database, the log or the output.

Check digits are worked out by hand with Luhn (weights 2,1,2,… over the ten
digits YYMMDDNNN, the digits of each product summed, check = (10 - sum % 10) % 10):

- 050101123: 0+5+0+1+0+1+2+2+6 = 17 → check 3, so 050101-1233 is a personnummer
  and 050101-1234 is not.
- 050161123 (samordningsnummer, day 1 + 60): 0+5+0+1+(12→3)+1+2+2+6 = 20 → check 0.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from openpyxl import Workbook

from ingest import ImportRefused, run_import
from ingest.__main__ import main
from ingest.personnummer import contains_personnummer, is_id_without_leading_zero
from tests.helpers.importera import write_export

UTTAG = date(2024, 6, 30)
ROOT = Path(__file__).resolve().parents[2]
FW = str.maketrans("0123456789-", "０１２３４５６７８９－")  # full-width digits and hyphen

WRITTEN_FORMS = [
    "050101-1233",
    "050101+1233",  # a person of 100 years or more
    "050101 1233",
    "050101\u20131233",  # en dash (Word's autocorrect)
    "050101\u20141233",  # em dash
    "050101\u22121233",  # minus sign
    "050101\u00a01233",  # non-breaking space
    "050101\u202f1233",  # narrow no-break space
    "050101 - 1233",
    "0501011233",
    "200501011233",
    "20050101-1233",
    "2005-01-01-1233",
    "05.01.01-1233",
    "20050101_1233",
    "2005 01 01 1233",
    "0501\u200b01-1233",  # a zero-width space inside the date
    "050101-1233".translate(FW),
    "050161-1230",  # samordningsnummer
]


@pytest.mark.parametrize("form", WRITTEN_FORMS)
def test_every_written_form_is_found(form: str) -> None:
    assert contains_personnummer(f"anteckning: {form}, se akten")


@pytest.mark.parametrize(
    "text",
    [
        "050101-1234",  # wrong check digit (the right one is 3)
        "051301-1233",  # month 13
        "050230-1233",  # 30 February
        "1050101-12330",  # more digits on both sides: part of a longer number
        "2024-05-10",  # a date
        "1234567890",  # month 34
    ],
)
def test_lookalikes_are_not_found(text: str) -> None:
    assert not contains_personnummer(text)


def test_a_numeric_id_that_lost_its_leading_zero() -> None:
    # 0501011233 without its leading zero; 501011234 has the wrong check digit
    assert is_id_without_leading_zero("501011233")
    assert not is_id_without_leading_zero("501011234")
    assert not is_id_without_leading_zero("5010112330")  # ten digits: not a lost zero


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def good_database(tmp_path: Path, valid_tables) -> Path:
    db_path = tmp_path / "ekb.duckdb"
    run_import(write_export(tmp_path / "good", valid_tables()), db_path, uttagsdatum=UTTAG)
    return db_path


@pytest.mark.parametrize("form", ["050101\u20131233", "2005-01-01-1233", "501011233"])
def test_person_id_forms_are_refused_naming_file_line_column(
    tmp_path: Path, valid_tables, form: str
) -> None:
    tables = valid_tables()
    tables["personer"][1]["person_id"] = form  # row 1 is on line 3
    with pytest.raises(ImportRefused) as refused:
        run_import(write_export(tmp_path / "e", tables), tmp_path / "ekb.duckdb")
    where = [(p.fil, p.rad, p.kolumn) for p in refused.value.problems]
    # P2 is gone, so its anvisning (line 3), age revision (line 2) and placement (line 4)
    # name an unknown person as well; the personnummer itself is the personer.csv line
    assert ("personer.csv", 3, "person_id") in where
    assert not any(form in str(p) for p in refused.value.problems)


def test_a_folder_named_with_a_personnummer_is_refused_and_never_logged(
    tmp_path: Path, valid_tables
) -> None:
    db_path = good_database(tmp_path, valid_tables)
    before = sha256(db_path)
    folder = write_export(tmp_path / "Ärende 20050101-1233", valid_tables())
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main([str(folder), "--db", str(db_path), "--uttagsdatum", "2024-06-30"])
    assert code == 1
    assert sha256(db_path) == before
    assert "20050101" not in out.getvalue() + err.getvalue()
    assert "personnummer" in err.getvalue()


def test_file_sheet_and_column_names_with_a_personnummer(tmp_path: Path, valid_tables) -> None:
    folder = write_export(tmp_path / "e", valid_tables())
    (folder / "utdrag 050101-1233.txt").write_text("x", encoding="utf-8")
    workbook = Workbook()
    workbook.active.title = "Blad 0501011233"
    workbook.save(folder / "bilaga.xlsx")
    text = (folder / "enheter.csv").read_text(encoding="utf-8")
    (folder / "enheter.csv").write_text(text.replace("dygnspris", "050161-1230"), encoding="utf-8")
    with pytest.raises(ImportRefused) as refused:
        run_import(folder, tmp_path / "ekb.duckdb")
    shown = "\n".join(map(str, refused.value.problems))
    assert [(p.fil, p.rad, p.kolumn) for p in refused.value.problems] == [
        ("bilaga.xlsx", None, None),  # its sheet name
        ("enheter.csv", 1, "kolumn 6"),  # the header
        ("exportmappen", None, None),  # the file name
    ]
    assert "1233" not in shown and "1230" not in shown


@pytest.mark.parametrize("form", ["050101\u20131233", "200501011233", "050101 1233"])
def test_cli_refuses_without_echo(tmp_path: Path, valid_tables, form: str) -> None:
    tables = valid_tables()
    tables["anvisningar"][0]["avslutsorsak"] = f"se {form}"
    folder = write_export(tmp_path / "e", tables)
    command = [sys.executable, "-m", "ingest", str(folder), "--db", str(tmp_path / "x.duckdb")]
    done = subprocess.run(command, capture_output=True, text=True, cwd=ROOT, check=False)
    assert done.returncode == 1
    assert done.stderr.splitlines()[0] == (
        "anvisningar.csv:2: avslutsorsak: värdet ser ut som ett personnummer; "
        "personnummer får aldrig importeras"
    )
    assert form not in done.stdout + done.stderr and not (tmp_path / "x.duckdb").exists()
