"""Every class of fault is refused, naming file, line and column.

Each case changes one cell of the valid export. Rows written by
`write_export` sit on line index + 2 (header on line 1), so the expected
line is worked out by hand from the row index.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from ingest import ImportRefused, Problem, run_import
from tests.helpers.importera import write_export

UTTAG = date(2024, 6, 30)

# (table, row index, column, new value, message fragment)
CELL_FAULTS = [
    ("personer", 0, "fodelsedatum", "10/05/2006", "ogiltigt datum"),
    ("personer", 1, "fodelsedatum", "2008-02-30", "finns inte i kalendern"),
    ("personer", 2, "fodelsedatum", "", "värde saknas"),
    ("personer", 0, "kon", "Q", "okänt kön"),
    ("anvisningar", 2, "anvisningskommun", "9999", "okänd kommunkod"),
    ("anvisningar", 0, "uppehallstillstand", "permanent", "okänt värde"),
    ("enheter", 1, "boendeform", "villa", "okänt värde"),
    ("enheter", 0, "dygnspris", "15OO", "ogiltigt belopp"),
    ("enheter", 0, "dygnspris", "1500,125", "fler än två decimaler"),
    ("platser", 0, "antal_platser", "6,5", "inget heltal"),
    ("platser", 2, "antal_platser", "-1", "negativt"),
    ("platser", 1, "alder_fran", "", None),  # blank optional: no fault (control)
    ("ekonomi", 1, "period", "2024-13", "ogiltig månad"),
    ("ekonomi", 0, "period", "2024-01-15", "den 1:a"),
    ("budget", 0, "period", "24-01", "ogiltig månad"),
    ("ekonomi", 0, "belopp", "1.350.000", "ogiltigt belopp"),
    ("kontoplan", 1, "typ", "skuld", "okänt värde"),
    ("placeringar", 3, "vistelsekommun", "Atlantis", "okänd kommunkod"),
    ("ersattningsansokningar", 0, "sokt_belopp", "", "värde saknas"),
    # cross-row and cross-table rules
    ("anvisningar", 1, "anvisning_id", "A1", "finns redan på rad 2"),
    ("aldersandringar", 0, "person_id", "P9", "finns inte i personer"),
    ("placeringar", 3, "enhet_id", "E9", "finns inte i enheter"),
    ("platser", 2, "enhet_id", "E7", "finns inte i enheter"),
    ("budget", 0, "konto", "4999", "finns inte i kontoplan"),
    ("placeringar", 0, "slutdatum", "2022-02-28", "slutdatum är före startdatum"),
    ("platser", 0, "giltig_till", "2021-12-31", "giltig_till är före giltig_fran"),
    ("platser", 0, "alder_till", "13", "alder_till är lägre än alder_fran"),
]


def refusal(tmp_path: Path, tables: dict[str, list[dict[str, object]]]) -> list[Problem]:
    """Import `tables` and return the problems; fail if the import was accepted."""
    folder = write_export(tmp_path / "export", tables)
    with pytest.raises(ImportRefused) as refused:
        run_import(folder, tmp_path / "ekb.duckdb", uttagsdatum=UTTAG)
    assert not (tmp_path / "ekb.duckdb").exists()
    return refused.value.problems


@pytest.mark.parametrize(("table", "row", "column", "value", "fragment"), CELL_FAULTS)
def test_cell_fault_is_refused_at_its_line_and_column(
    tmp_path: Path, valid_tables, table: str, row: int, column: str, value: str, fragment
) -> None:
    tables = valid_tables()
    tables[table][row][column] = value
    if fragment is None:
        run_import(write_export(tmp_path / "e", tables), tmp_path / "ok.duckdb", uttagsdatum=UTTAG)
        return
    problems = refusal(tmp_path, tables)
    # the row with index `row` is on line row + 2
    assert [(p.fil, p.rad, p.kolumn) for p in problems] == [(f"{table}.csv", row + 2, column)]
    assert fragment in problems[0].meddelande


def test_valid_export_is_accepted(tmp_path: Path, valid_tables) -> None:
    result = run_import(write_export(tmp_path / "e", valid_tables()), tmp_path / "ok.duckdb")
    # 10 tables in the valid export
    assert len(result.tabeller) == 10


# Luhn check digits (weights 2,1,2,… over YYMMDDNNN, digits of products summed):
# 0 6 0 5 1 0 1 2 3 → 0+6+0+5+2+0+2+2+6 = 23 → check (10 - 3) % 10 = 7;
# 0 6 0 5 7 0 1 2 3 → 0+6+0+5+(14→1+4)+0+2+2+6 = 26 → check 4.
PERSONNUMMER = [
    "060510-1237",
    "060510+1237",
    "200605101237",
    "20060510-1237",
    "0605101237",
    "060570-1234",  # samordningsnummer: day 10 + 60
]


@pytest.mark.parametrize("value", PERSONNUMMER)
def test_personnummer_in_any_column_is_refused_without_echo(
    tmp_path: Path, valid_tables, value: str
) -> None:
    tables = valid_tables()
    tables["anvisningar"][1]["avslutsorsak"] = value
    tables["personer"][2]["person_id"] = value
    tables["anvisningar"][2]["person_id"] = value
    tables["placeringar"][3]["person_id"] = value
    problems = refusal(tmp_path, tables)
    where = sorted((p.fil, p.rad, p.kolumn) for p in problems)
    assert where == [
        ("anvisningar.csv", 3, "avslutsorsak"),
        ("anvisningar.csv", 4, "person_id"),
        ("personer.csv", 4, "person_id"),
        ("placeringar.csv", 5, "person_id"),
    ]
    assert all("personnummer" in p.meddelande for p in problems)
    assert not any(value in str(p) or value[-4:] in str(p) for p in problems)


@pytest.mark.parametrize(
    "value",
    ["212000-0142", "2024-05-10", "20240510", "1234567890", "2024-05-10 1234"],
)
def test_values_that_only_resemble_a_personnummer_are_accepted(
    tmp_path: Path, valid_tables, value: str
) -> None:
    # org. number (month 20), dates, a 10-digit number with month 34
    tables = valid_tables()
    tables["anvisningar"][1]["avslutsorsak"] = value
    result = run_import(write_export(tmp_path / "e", tables), tmp_path / "ok.duckdb")
    assert result.import_id == 1


def test_personnummer_inside_free_text_is_refused(tmp_path: Path, valid_tables) -> None:
    tables = valid_tables()
    tables["anvisningar"][0]["avslutsorsak"] = "flytt, se 060510-1237"
    problems = refusal(tmp_path, tables)
    assert [(p.rad, p.kolumn) for p in problems] == [(2, "avslutsorsak")]


def test_overlapping_placements_name_the_later_line_and_the_other(
    tmp_path: Path, valid_tables
) -> None:
    tables = valid_tables()
    # PL1 (line 2) runs 2022-03-01..2023-03-01; PL2 (line 3) now starts a day earlier
    tables["placeringar"][1]["startdatum"] = "2023-02-28"
    problems = refusal(tmp_path, tables)
    assert [(p.fil, p.rad, p.kolumn) for p in problems] == [("placeringar.csv", 3, "startdatum")]
    assert "rad 2" in problems[0].meddelande


def test_an_ongoing_placement_overlaps_everything_after_its_start(
    tmp_path: Path, valid_tables
) -> None:
    tables = valid_tables()
    # P2's PL3 (line 4) is ongoing from 2022-04-01; a later placement of P2 overlaps it
    tables["placeringar"].append(
        {"placering_id": "PL5", "person_id": "P2", "enhet_id": "E2", "startdatum": "2030-01-01"}
    )
    problems = refusal(tmp_path, tables)
    assert [(p.rad, p.kolumn) for p in problems] == [(6, "startdatum")]
    assert "rad 4" in problems[0].meddelande


def test_overlapping_place_periods_of_one_unit_and_type(tmp_path: Path, valid_tables) -> None:
    tables = valid_tables()
    # giltig_till is inclusive: the second asyl period (line 3) starting on the
    # first one's last day (line 2) overlaps it
    tables["platser"][1]["giltig_fran"] = "2023-12-31"
    # a blank platstyp is its own group: E1 with no type may overlap E1 asyl
    tables["platser"].append({"enhet_id": "E1", "giltig_fran": "2022-06-01", "antal_platser": "2"})
    problems = refusal(tmp_path, tables)
    assert [(p.fil, p.rad, p.kolumn) for p in problems] == [("platser.csv", 3, "giltig_fran")]
    assert "rad 2" in problems[0].meddelande


def test_duplicate_age_decision_of_one_person(tmp_path: Path, valid_tables) -> None:
    tables = valid_tables()
    tables["aldersandringar"].append(dict(tables["aldersandringar"][0]))
    problems = refusal(tmp_path, tables)
    assert [(p.fil, p.rad, p.kolumn) for p in problems] == [
        ("aldersandringar.csv", 3, "beslutsdatum")
    ]


def test_missing_required_column_and_table(tmp_path: Path, valid_tables) -> None:
    tables = valid_tables()
    for row in tables["enheter"]:
        del row["boendeform"]
    del tables["kontoplan"]  # needed because ekonomi and budget are given
    del tables["placeringar"]
    problems = refusal(tmp_path, tables)
    where = [(p.fil, p.rad, p.kolumn) for p in problems]
    assert where == [
        ("enheter.csv", 1, "boendeform"),
        ("export", None, None),
        ("export", None, None),
    ]
    assert "kontoplan" in problems[1].meddelande and "placeringar" in problems[2].meddelande


def test_row_with_wrong_number_of_fields(tmp_path: Path, valid_tables) -> None:
    folder = write_export(tmp_path / "export", valid_tables())
    with (folder / "enheter.csv").open("a", encoding="utf-8") as handle:
        handle.write("E3;Extra;HVB\n")  # 3 fields, the header has 6; it lands on line 4
    with pytest.raises(ImportRefused) as refused:
        run_import(folder, tmp_path / "ekb.duckdb")
    problems = refused.value.problems
    assert [(p.fil, p.rad) for p in problems] == [("enheter.csv", 4)]
    assert "3 fält" in problems[0].meddelande and "6" in problems[0].meddelande


def test_two_sources_for_one_table(tmp_path: Path, valid_tables) -> None:
    folder = write_export(tmp_path / "export", valid_tables())
    (folder / "Personer.txt").write_bytes((folder / "personer.csv").read_bytes())
    with pytest.raises(ImportRefused) as refused:
        run_import(folder, tmp_path / "ekb.duckdb")
    # the folder is read in name order, so the second one found is the one refused
    assert [(p.fil, p.rad) for p in refused.value.problems] == [("Personer.txt", None)]
    assert "personer.csv" in refused.value.problems[0].meddelande


def test_undecodable_file(tmp_path: Path, valid_tables) -> None:
    folder = write_export(tmp_path / "export", valid_tables())
    # 0x81 is undefined in Windows-1252 and invalid UTF-8
    (folder / "ekonomi.csv").write_bytes(
        b"period;verksamhet;konto;belopp\n2024-01;EKB\x81;4010;1\n"
    )
    with pytest.raises(ImportRefused) as refused:
        run_import(folder, tmp_path / "ekb.duckdb")
    assert [(p.fil, p.rad) for p in refused.value.problems] == [("ekonomi.csv", None)]


def test_several_faults_are_all_reported(tmp_path: Path, valid_tables) -> None:
    tables = valid_tables()
    tables["personer"][0]["fodelsedatum"] = "2006-13-10"
    tables["personer"][1]["kon"] = "?"
    tables["enheter"][1]["kommun"] = "0000"
    tables["placeringar"][2]["person_id"] = "P8"
    tables["ekonomi"][1]["belopp"] = "mycket"
    problems = refusal(tmp_path, tables)
    assert [(p.fil, p.rad, p.kolumn) for p in problems] == [
        ("ekonomi.csv", 3, "belopp"),
        ("enheter.csv", 3, "kommun"),
        ("personer.csv", 2, "fodelsedatum"),
        ("personer.csv", 3, "kon"),
        ("placeringar.csv", 4, "person_id"),
    ]


def test_a_missing_folder_is_one_problem(tmp_path: Path) -> None:
    with pytest.raises(ImportRefused) as refused:
        run_import(tmp_path / "saknas", tmp_path / "ekb.duckdb")
    assert [(p.fil, p.meddelande) for p in refused.value.problems] == [
        (str(tmp_path / "saknas"), "mappen finns inte")
    ]
