"""The fixed exports on the quirky folder, against answers worked out by hand.

Every expected value below comes from the rows in `kommunexport.py` and the
definitions in METRICS.md, with the arithmetic in the comments. Extraction
date 2025-03-20; perspective Uppsala (0380).
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Mapping
from pathlib import Path

import pytest

from tests.acceptance.acceptans_cli import run_cli


def export(db: Path, name: str, *args: str) -> list[dict[str, str]]:
    """Run the export CLI and parse its raw (machine) CSV from standard output."""
    result = run_cli("queries", "export", name, "--db", str(db), "--format", "csv-raw", *args)
    assert result.returncode == 0, result.stderr
    return list(csv.DictReader(io.StringIO(result.stdout)))


def counts(rows: list[dict[str, str]], *keys: str) -> dict[tuple[str, ...], int]:
    """Rows keyed by `keys`, valued by their `antal`."""
    return {tuple(row[k] for k in keys): int(row["antal"]) for row in rows}


def test_import_summary_counts_every_table(tmp_path: Path) -> None:
    from tests.acceptance.acceptans_cli import import_folder
    from tests.acceptance.kommunexport import write_folder

    result = import_folder(write_folder(tmp_path / "export"), tmp_path / "ekb.duckdb")
    assert result.returncode == 0, result.stderr
    # 8 persons + 2 ";;;;" lines; 3 budget rows for 2025 become 3*12 = 36, plus 1 month = 37
    assert "personer (personer.csv): 8 rader lästa, 8 lagrade, 2 tomma rader" in result.stdout
    assert "budget (Ekonomi 2025.xlsx[Budget]): 4 rader lästa, 37 lagrade" in result.stdout
    assert "placeringar (placeringar.csv): 9 rader lästa, 9 lagrade" in result.stdout


# E1: 4 places 2024-01-01..2025-02-14, 6 from 2025-02-15; E2: 3 places from 2025-01-01.
# Place-days stop at the extraction date 2025-03-20.
# E1 care: P1 to 2025-02-10 (out day not counted), P3 from 01-15, P4 to 03-31 (cut at 03-20),
#   P8 from 02-01.  Jan 31+17+31 = 79; Feb 9+28+28+28 = 93; Mar 20+20+20 = 60.
# E1 places: Jan 31*4 = 124; Feb 14*4 + 14*6 = 140; Mar 20*6 = 120.
# E2 care: P2 from 02-10, P5 01-20..03-01, P9 from 01-05.
#   Jan 12+27 = 39; Feb 19+28+28 = 75; Mar 20+0+20 = 40.  Places 31*3, 28*3, 20*3.
BELAGGNING_Q1 = {
    ("E1", "2025-01"): (124, 79),
    ("E1", "2025-02"): (140, 93),
    ("E1", "2025-03"): (120, 60),
    ("E2", "2025-01"): (93, 39),
    ("E2", "2025-02"): (84, 75),
    ("E2", "2025-03"): (60, 40),
}


def test_belaggning_first_quarter(acceptance_db: Path) -> None:
    rows = export(acceptance_db, "belaggning", "--from", "2025-01-01", "--to", "2025-03-31")
    got = {(r["enhet_id"], r["manad"]): r for r in rows}
    assert set(got) == set(BELAGGNING_Q1)
    for key, (platsdygn, vardygn) in BELAGGNING_Q1.items():
        assert int(got[key]["platsdygn"]) == platsdygn, key
        assert int(got[key]["vardygn"]) == vardygn, key
        assert float(got[key]["belaggning"]) == pytest.approx(vardygn / platsdygn), key


def test_belaggning_cut_at_period_end(acceptance_db: Path) -> None:
    rows = export(acceptance_db, "belaggning", "--from", "2025-02-01", "--to", "2025-02-20")
    got = {r["enhet_id"]: r for r in rows}
    # E1: places 14*4 + 6*6 = 92; care P1 02-01..09 = 9, P3 20, P4 20, P8 20 -> 69; 69/92 = 0.75
    # E2: places 20*3 = 60; care P2 02-10..20 = 11, P5 20, P9 20 -> 51; 51/60 = 0.85
    assert (got["E1"]["platsdygn"], got["E1"]["vardygn"]) == ("92", "69")
    assert (got["E2"]["platsdygn"], got["E2"]["vardygn"]) == ("60", "51")
    assert float(got["E1"]["belaggning"]) == pytest.approx(0.75)
    assert float(got["E2"]["belaggning"]) == pytest.approx(0.85)


# In care on 2025-03-15 (P5/EKB004 left 03-01): ages with the birth date valid that day.
# EKB001 born 2007-03-15: 18 today (birthday counts) -> 18-20 M
# EKB002 2009-06-01: 15 -> 14-17 K          EKB003 revised 03-01 to 2006-01-01: 19 -> 18-20 M
# EKB005 2012-02-29: 13 -> 0-13 K           EKB006 2003-01-10: 22, kon blank -> 21+ X
# EKB007 revision only on 03-18, so 2011-05-05: 13 -> 0-13 M
# EKB008 2008-03-16: 16 (birthday tomorrow) -> 14-17 K
ALDER_0315 = {
    ("0-13", "K"): 1,
    ("0-13", "M"): 1,
    ("14-17", "K"): 2,
    ("18-20", "M"): 2,
    ("21+", "X"): 1,
}


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (("--date", "2025-03-15"), ALDER_0315),
        # Uppsala responsible on 03-15: not EKB007 (Stockholm), not EKB008 (Enköping until 03-16)
        (
            ("--date", "2025-03-15", "--kommun", "0380"),
            {("0-13", "K"): 1, ("14-17", "K"): 1, ("18-20", "M"): 2, ("21+", "X"): 1},
        ),
        # Living in Uppsala: not EKB005 (Enköping family home), not EKB006 (EBO in Stockholm)
        (
            ("--date", "2025-03-15", "--vistelsekommun", "0380"),
            {("0-13", "M"): 1, ("14-17", "K"): 2, ("18-20", "M"): 2},
        ),
        # 03-18: EKB007's revision applies (2005-05-05: 19 -> 18-20), EKB008 is 17
        (
            ("--date", "2025-03-18"),
            {("0-13", "K"): 1, ("14-17", "K"): 2, ("18-20", "M"): 3, ("21+", "X"): 1},
        ),
        # 03-01: EKB004 moves out (not counted); EKB001 still 17; EKB003's revision applies
        # on its decision day (19); EKB005 born 02-29 turns 13 on 03-01 (still 0-13)
        (
            ("--date", "2025-03-01"),
            {
                ("0-13", "K"): 1,
                ("0-13", "M"): 1,
                ("14-17", "K"): 2,
                ("14-17", "M"): 1,
                ("18-20", "M"): 1,
                ("21+", "X"): 1,
            },
        ),
    ],
)
def test_alder_kon(
    acceptance_db: Path, args: tuple[str, ...], expected: dict[tuple[str, str], int]
) -> None:
    rows = export(acceptance_db, "alder_kon", *args)
    assert counts(rows, "aldersgrupp", "kon") == expected


def test_kommunoverskridande_before_transfer(acceptance_db: Path) -> None:
    rows = export(acceptance_db, "kommunoverskridande", "--date", "2025-03-15", "--kommun", "0380")
    # Living in Uppsala, responsible elsewhere: EKB007 (Stockholm, län 01), EKB008 (Enköping,
    # län 03 until the transfer on 03-16). Uppsala's living elsewhere: EKB005 (family home in
    # Enköping), EKB006 (EBO vistelsekommun Stockholm).
    assert counts(rows, "riktning", "kommun", "samma_lan") == {
        ("placerade_hos_oss", "0180", "false"): 1,
        ("placerade_hos_oss", "0381", "true"): 1,
        ("vara_i_andra", "0180", "false"): 1,
        ("vara_i_andra", "0381", "true"): 1,
    }


def test_kommunoverskridande_on_transfer_day(acceptance_db: Path) -> None:
    rows = export(acceptance_db, "kommunoverskridande", "--date", "2025-03-16", "--kommun", "0380")
    # From 03-16 Uppsala is responsible for EKB008, who lives in Uppsala: no longer cross.
    assert counts(rows, "riktning", "kommun") == {
        ("placerade_hos_oss", "0180"): 1,
        ("vara_i_andra", "0180"): 1,
        ("vara_i_andra", "0381"): 1,
    }


COLUMNS = ("kostnad", "intakt", "balans", "budget_balans", "ack_balans", "ack_budget_balans")
FORECASTS = ("prognos_budget_balans", "prognos_takt_balans")

# Ledger: Jan cost 100 000 + 50 000 = 150 000, revenue 80 000 -> -70 000.
# Feb cost 120 000,50 - 20 000 + 30 000 = 130 000,50; revenue -(-90 000 + 5 000) = 85 000
#   -> -45 000,50.  Mar cost 10 000 -> -10 000.
# Budget (yearly rows split in öre): cost 1 200 000/12 + 600 000/12 = 150 000 a month,
#   revenue 1 000 000/12 = 83 333,33 (Dec 83 333,37); March adds 30 000 (EKB PUT).
#   Jan = Feb = 83 333,33 - 150 000 = -66 666,67; Mar -96 666,67. Year: 1 000 000 - 1 830 000
#   = -830 000.
# Forecast by budget: ytd + (year budget - ytd budget):
#   Jan -70 000 + (-830 000 + 66 666,67) = -833 333,33
#   Feb -115 000,50 + (-830 000 + 133 333,34) = -811 667,16
#   Mar -125 000,50 + (-830 000 + 230 000,01) = -725 000,49
# Run rate: -70 000*12 = -840 000; -115 000,50/2*12 = -690 003; -125 000,50/3*12 = -500 002.
BUDGETBALANS_ALL = {
    "2025-01": (150000, 80000, -70000, -66666.67, -70000, -66666.67, -833333.33, -840000),
    "2025-02": (130000.5, 85000, -45000.5, -66666.67, -115000.5, -133333.34, -811667.16, -690003),
    "2025-03": (10000, 0, -10000, -96666.67, -125000.5, -230000.01, -725000.49, -500002),
}


def check_budget(rows: list[dict[str, str]], expected: Mapping[str, tuple[float, ...]]) -> None:
    got = {r["manad"]: r for r in rows}
    assert set(got) == set(expected)
    for month, values in expected.items():
        for column, value in zip(COLUMNS + FORECASTS, values, strict=True):
            assert float(got[month][column]) == pytest.approx(value, abs=0.005), (month, column)


def test_budgetbalans_all(acceptance_db: Path) -> None:
    rows = export(acceptance_db, "budgetbalans", "--from", "2025-01-01", "--to", "2025-03-31")
    check_budget(rows, BUDGETBALANS_ALL)


def test_budgetbalans_year_to_date_from_january(acceptance_db: Path) -> None:
    rows = export(acceptance_db, "budgetbalans", "--from", "2025-02-01", "--to", "2025-02-28")
    # Only February, but ack_* still from January: same row as in the whole quarter.
    check_budget(rows, {"2025-02": BUDGETBALANS_ALL["2025-02"]})


def test_budgetbalans_one_verksamhet(acceptance_db: Path) -> None:
    rows = export(
        acceptance_db,
        "budgetbalans",
        *("--from", "2025-01-01", "--to", "2025-03-31", "--verksamhet", "EKB PUT"),
    )
    # EKB PUT: cost Feb 30 000, Mar 10 000; budget only March 30 000 (year total -30 000).
    # Budget forecast: Jan 0 + -30 000; Feb -30 000 + -30 000; Mar -40 000 + 0.
    # Run rate: 0; -30 000/2*12 = -180 000; -40 000/3*12 = -160 000.
    check_budget(
        rows,
        {
            "2025-01": (0, 0, 0, 0, 0, 0, -30000, 0),
            "2025-02": (30000, 0, -30000, 0, -30000, 0, -60000, -180000),
            "2025-03": (10000, 0, -10000, -30000, -40000, -30000, -40000, -160000),
        },
    )


def test_nobody_in_care_after_the_extraction_date(acceptance_db: Path) -> None:
    # EKB003's move-out 2025-03-31 lies after the extraction date 2025-03-20: nothing counts
    # after 03-20, so on 03-25 nobody is in care; on 03-20 the 7 of 03-18 still are.
    assert export(acceptance_db, "alder_kon", "--date", "2025-03-25") == []
    rows = export(acceptance_db, "alder_kon", "--date", "2025-03-20")
    assert sum(int(r["antal"]) for r in rows) == 7


def test_i_vard_manad(acceptance_db: Path) -> None:
    rows = export(acceptance_db, "i_vard_manad", "--from", "2025-01-01", "--to", "2025-04-30")
    got = {r["manad"]: tuple(int(r[c]) for c in list(r)[1:]) for r in rows}
    # Stock 01-31: all but EKB007 = 7; new in Jan P3, P5, P7, P9 = 4.
    # Care-days Jan: E1 79 + E2 39 + P6 31 + P7 31 = 180.
    # Stock 02-28: 8; new P2, P8; ended P1 (02-10); days 93 + 75 + 28 + 28 = 224.
    # Stock on the extraction date 03-20: EKB004 gone = 7; ended P5 (03-01), P4's 03-31 lies
    # after the extraction date; days 60 + 40 + 20 + 20 = 140. April is after it: no row.
    assert got == {
        "2025-01": (7, 4, 0, 180),
        "2025-02": (8, 2, 1, 224),
        "2025-03": (7, 0, 1, 140),
    }


def test_lediga_platsdygn_floor_per_day(acceptance_db: Path) -> None:
    rows = export(acceptance_db, "belaggning_enhet", "--from", "2025-01-01", "--to", "2025-02-28")
    got = {(r["enhet_id"], r["manad"]): r for r in rows}
    # E1 Jan: 01-01..14 4 places, 2 persons -> 2*14 = 28; 01-15..31 3 persons -> 1*17 = 17;
    # 45 vacant * 2 000 kr = 90 000 kr.
    assert int(got[("E1", "2025-01")]["lediga_platsdygn"]) == 45
    assert float(got[("E1", "2025-01")]["kostnad_lediga_kr"]) == pytest.approx(90000)
    # E2 Feb: 02-01..09 3 places, 2 persons -> 9; from 02-10 3 persons -> 0. 9 * 1 000 kr.
    assert int(got[("E2", "2025-02")]["lediga_platsdygn"]) == 9
    assert float(got[("E2", "2025-02")]["kostnad_lediga_kr"]) == pytest.approx(9000)


def test_belaggning_platstyp_follows_residence_status(acceptance_db: Path) -> None:
    rows = export(
        acceptance_db, "belaggning_platstyp", "--from", "2025-03-01", "--to", "2025-03-31"
    )
    got = {
        r["platstyp"]: tuple(int(r[c]) for c in ("platsdygn", "vardygn", "lediga_platsdygn"))
        for r in rows
    }
    # March to 03-20. asyl = E1 6 * 20 = 120 places; asylsokande EKB002 and EKB007 at E1:
    # 20 + 20 = 40; EKB003 (blank status: ovrig) counts in no platstyp. Vacant 80.
    # PUT = E2 3 * 20 = 60; EKB001 has PUT from 2025-01-10: 20; EKB008 blank: ovrig. Vacant 40.
    assert got == {"asyl": (120, 40, 80), "PUT": (60, 20, 40)}


def test_transfer_is_an_anvisning(acceptance_db: Path) -> None:
    rows = export(acceptance_db, "anvisningar_manad", "--from", "2025-03-01", "--to", "2025-03-31")
    # Only A9, EKB008's transfer on 2025-03-16, her 17th birthday: 14-17 K, a transfer.
    assert [(r["aldersgrupp"], r["kon"], r["antal"], r["antal_overflyttningar"]) for r in rows] == [
        ("14-17", "K", "1", "1")
    ]


def test_kommunoverskridande_andel_on_stock_date(acceptance_db: Path) -> None:
    rows = export(
        acceptance_db,
        "kommunoverskridande_andel",
        *("--from", "2025-03-01", "--to", "2025-03-31", "--kommun", "0380"),
    )
    got = {r["riktning"]: (int(r["antal"]), int(r["totalt"]), float(r["andel"])) for r in rows}
    # Stock date = extraction date 03-20. Living in Uppsala: EKB001, 002, 003, 007, 008 = 5,
    # of whom EKB007 by Stockholm: 1/5. Uppsala responsible: EKB001, 002, 003, 005, 006, 008
    # = 6, of whom EKB005 and EKB006 live elsewhere: 2/6.
    assert got["placerade_hos_oss"] == (1, 5, pytest.approx(1 / 5))
    assert got["vara_i_andra"] == (2, 6, pytest.approx(2 / 6))


def test_reimport_logs_twice_and_keeps_figures(acceptance_db: Path, tmp_path: Path) -> None:
    from tests.acceptance.acceptans_cli import import_folder
    from tests.acceptance.kommunexport import write_folder

    db = tmp_path / "ekb.duckdb"
    db.write_bytes(acceptance_db.read_bytes())
    assert import_folder(write_folder(tmp_path / "export"), db).returncode == 0
    log = export(db, "import_logg")
    # 9 tables per import (personer, aldersandringar, anvisningar, enheter, platser,
    # placeringar, kontoplan, ekonomi, budget), two imports.
    assert sorted({r["import_id"] for r in log}) == ["1", "2"]
    assert len(log) == 2 * 9
    assert (
        counts(export(db, "alder_kon", "--date", "2025-03-15"), "aldersgrupp", "kon") == ALDER_0315
    )


def test_numeric_ids_and_kommunkoder_from_a_workbook(tmp_path: Path) -> None:
    from tests.acceptance.acceptans_cli import import_folder
    from tests.acceptance.kommunexport import PLACERINGAR, PLATSER, write_folder

    # Units as an Enheter sheet with numeric ids (1, 2.0 …) and kommun as Excel numbers
    # (380, 380.0, 381); the CSV placements name them "1" … and give EBO's kommun as 180.
    enheter: list[tuple[object, ...]] = [
        ("Enhet-ID", "Namn", "Boendeform", "Kommun", "Regi", "Dygnspris"),
        (1, "HVB Ängen", "HVB", 380, "egen", 2000.0),
        (2.0, "Stödboende", "stodboende", 380.0, "entreprenad", 1000),
        (3, "Familjehem Syd", "familjehem", 381, None, 1500.5),
        (4, "EBO", "EBO", 380, None, None),
    ]
    placeringar = [PLACERINGAR[0]] + [
        re.sub(r";E(\d);", r";\1;", line).replace(";0180", ";180") for line in PLACERINGAR[1:]
    ]
    platser = [PLATSER[0]] + [(int(str(r[0])[1:]), *r[1:]) for r in PLATSER[1:]]
    folder = write_folder(
        tmp_path / "export",
        override={"placeringar": placeringar},
        sheet_override={"Enheter": enheter, "Platser": platser},
    )
    (folder / "enheter.csv").unlink()
    db = tmp_path / "ekb.duckdb"
    assert import_folder(folder, db).returncode == 0
    rows = export(db, "belaggning", "--from", "2025-01-01", "--to", "2025-03-31")
    # the same figures as BELAGGNING_Q1, with the units now called 1 and 2
    got = {(r["enhet_id"], r["manad"]): (int(r["platsdygn"]), int(r["vardygn"])) for r in rows}
    assert got == {(k[0][1:], k[1]): v for k, v in BELAGGNING_Q1.items()}
    rows = export(db, "kommunoverskridande", "--date", "2025-03-15", "--kommun", "0380")
    assert counts(rows, "riktning", "kommun") == {
        ("placerade_hos_oss", "0180"): 1,
        ("placerade_hos_oss", "0381"): 1,
        ("vara_i_andra", "0180"): 1,
        ("vara_i_andra", "0381"): 1,
    }
