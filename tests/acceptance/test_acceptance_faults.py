"""Faulty variants of the quirky folder: every error named, the database untouched.

Line numbers are counted by hand from the lists in `kommunexport.py`: the
header is line 1 of a CSV file and row 1 of a sheet.
"""

from __future__ import annotations

import hashlib
from datetime import datetime
from pathlib import Path

from tests.acceptance import kommunexport as k
from tests.acceptance.acceptans_cli import import_folder


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def refused(tmp_path: Path, acceptance_db: Path, folder: Path) -> list[str]:
    """Import `folder` over a copy of the good database; return the error lines."""
    db = tmp_path / "ekb.duckdb"
    db.write_bytes(acceptance_db.read_bytes())
    before = sha256(db)
    result = import_folder(folder, db)
    assert result.returncode != 0
    assert sha256(db) == before
    return result.stderr.splitlines()


def test_csv_errors_all_reported_at_once(tmp_path: Path, acceptance_db: Path) -> None:
    personer = list(k.PERSONER)
    # Luhn over 070315123 (weights 2,1,2,…): 0+7+0+3+2+5+2+2+6 = 27 → check digit 3
    # line 3: a bad date and a personnummer-like value in an extra column
    personer[2] = "EKB002;31/12/2009;flicka;Somalia;070315-1233"
    anvisningar = list(k.ANVISNINGAR)
    anvisningar[7] = "A7;EKB007;20250125;9999;;asylsokande;;;"  # line 8: unknown kommun
    placeringar = list(k.PLACERINGAR)
    placeringar[5] = "P5;EKB004;E2;20250120;20250119;;"  # line 6: ends before it starts
    # line 10: EKB007 is at E1 from 2025-02-01 (line 9, ongoing)
    placeringar.insert(9, "P10;EKB007;E2;20250301;20250305;;")
    folder = k.write_folder(
        tmp_path / "bad",
        override={"personer": personer, "anvisningar": anvisningar, "placeringar": placeringar},
    )
    lines = refused(tmp_path, acceptance_db, folder)
    text = "\n".join(lines)
    assert "070315-1233" not in text
    expected_starts = [
        "personer.csv:3: fodelsedatum:",
        "personer.csv:3: Handläggare:",
        "Anvisningar.CSV:8: anvisningskommun:",
        "placeringar.csv:6: slutdatum:",
        "placeringar.csv:10: startdatum:",
    ]
    for start in expected_starts:
        assert any(line.startswith(start) for line in lines), start
    assert "personnummer" in text
    assert "5 fel" in text  # five problems, no more, no fewer


def test_workbook_errors_name_sheet_and_row(tmp_path: Path, acceptance_db: Path) -> None:
    ekonomi = list(k.EKONOMI)
    ekonomi[3] = (202513, "EKB asyl", 3010, -80000, "V3")  # row 4: month 13
    ekonomi[8] = (202502, "EKB PUT", 5011, 30000, "V8")  # row 9: konto not in kontoplan
    platser = list(k.PLATSER)
    # row 3 starts on the last day of row 2's period (same unit and platstyp)
    platser[2] = ("E1", datetime(2025, 2, 14), None, 6, "asyl", 14)
    platser.append(("E9", datetime(2025, 1, 1), None, 2, "asyl", None))  # row 5: no such unit
    folder = k.write_folder(
        tmp_path / "bad", sheet_override={"Ekonomi": ekonomi, "Platser": platser}
    )
    lines = refused(tmp_path, acceptance_db, folder)
    for start in [
        "Ekonomi 2025.xlsx[Ekonomi]:4: period:",
        "Ekonomi 2025.xlsx[Ekonomi]:9: konto:",
        "Ekonomi 2025.xlsx[Platser]:3:",
        "Ekonomi 2025.xlsx[Platser]:5: enhet_id:",
    ]:
        assert any(line.startswith(start) for line in lines), start
    assert "4 fel" in lines[-1]


def test_bad_uttagsdatum_is_a_usage_error(tmp_path: Path, acceptance_db: Path) -> None:
    from tests.acceptance.acceptans_cli import run_cli

    db = tmp_path / "ekb.duckdb"
    db.write_bytes(acceptance_db.read_bytes())
    before = sha256(db)
    folder = k.write_folder(tmp_path / "export")
    result = run_cli("ingest", str(folder), "--db", str(db), "--uttagsdatum", "2025-3-20")
    assert result.returncode != 0
    assert "2025-3-20" in result.stderr
    assert sha256(db) == before


def test_identity_and_shape_errors(tmp_path: Path, acceptance_db: Path) -> None:
    personer = list(k.PERSONER)
    # Luhn: 070315123 → 27 → check 3; 070375123 → 0+7+0+3+(14→5)+5+2+2+6 = 30 → check 0
    personer[1] = "200703151233;20070315;M;AFG;"  # line 2: a 12-digit personnummer as id
    personer[3] = "EKB003;20060101;pojke;ERI;0703751230"  # line 4: samordningsnummer, 10 digits
    personer.insert(9, "EKB008;2008-03-16;kvinna;Etiopien;")  # line 10: id again (line 9)
    anvisningar = list(k.ANVISNINGAR)
    anvisningar[2] = "A2;EKB099;2025-01-10;Uppsala;;Asylsökande;;;"  # line 3: no such person
    anvisningar[3] = "A3;EKB003;20241115;Nacka kommun;;okänd status;;;"  # line 4: bad status
    placeringar = list(k.PLACERINGAR)
    placeringar[0] = placeringar[0].replace("Startdatum", "Start")  # required column missing
    budget = list(k.BUDGET)
    budget.append((datetime(2025, 4, 1, 12, 30), "EKB PUT", 5010, 1000))  # row 6: a time
    budget.append(("2025-05", "EKB PUT", 5010, "12,345"))  # row 7: three decimals
    folder = k.write_folder(
        tmp_path / "bad",
        override={"personer": personer, "anvisningar": anvisningar, "placeringar": placeringar},
        # the same table given twice: personer.csv and a Personer sheet
        sheet_override={"Budget": budget, "Personer": [("person_id", "fodelsedatum", "kon")]},
    )
    lines = refused(tmp_path, acceptance_db, folder)
    text = "\n".join(lines)
    assert "200703151233" not in text and "0703751230" not in text
    for start in [
        "personer.csv:2: person_id:",
        "personer.csv:4: Handläggare:",
        "personer.csv:10: person_id:",
        "Anvisningar.CSV:3: person_id:",
        "Anvisningar.CSV:4: uppehallstillstand:",
        "placeringar.csv:1: startdatum:",
        "Ekonomi 2025.xlsx[Budget]:6: period:",
        "Ekonomi 2025.xlsx[Budget]:7: belopp:",
    ]:
        assert any(line.startswith(start) for line in lines), start
    assert any("Personer" in line and line.startswith("personer.csv") for line in lines)


def test_refused_import_creates_no_database(tmp_path: Path) -> None:
    placeringar = list(k.PLACERINGAR)
    placeringar[1] = "P1;EKB001;E7;20241101;20250210;;"  # line 2: no unit E7
    folder = k.write_folder(tmp_path / "bad", override={"placeringar": placeringar})
    db = tmp_path / "ny.duckdb"
    result = import_folder(folder, db)
    assert result.returncode != 0
    assert any(
        line.startswith("placeringar.csv:2: enhet_id:") for line in result.stderr.splitlines()
    )
    assert not db.exists()


def test_word_autocorrected_personnummer_and_a_named_folder(
    tmp_path: Path, acceptance_db: Path
) -> None:
    # Luhn over 070315123 gives check digit 3 (see above); Word turns `-` into an en dash
    personer = list(k.PERSONER)
    personer[2] = "EKB002;2009-06-01;flicka;Somalia;070315\u20131233"  # line 3
    folder = k.write_folder(tmp_path / "bad", override={"personer": personer})
    lines = refused(tmp_path, acceptance_db, folder)
    assert lines == [
        "personer.csv:3: Handläggare: värdet ser ut som ett personnummer; "
        "personnummer får aldrig importeras",
        "Importen avbröts: 1 fel. Databasen är oförändrad.",
    ]
    named = k.write_folder(tmp_path / "Ärende 20070315-1233")
    lines = refused(tmp_path, acceptance_db, named)
    assert "20070315" not in "\n".join(lines)
    assert lines[0].startswith("exportmappen: mappens namn eller sökväg ser ut att innehålla")
