"""The drill-down (`ersattning_berakning`), its formula workbook, and the findings
(`ersattning_avvikelser`), from tests/queries/ersattningsfall.py.

Nacka (0182) is the owner. Expected per month, worked out in test_ersattning.py:
May 0; June 144 000 + 7 500 + 41 666,67 = 193 166,67; July 5 400 + 41 666,67 = 47 066,67;
August 52 000 + 41 666,67 = 93 666,67; September to December 41 666,67 each.
Booked: June 150 000, July 39 000, nothing else. Claims: June only (second quarter).
"""

from __future__ import annotations

import csv
import re
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook
from openpyxl.worksheet.worksheet import Worksheet

import queries
from ingest import regler
from queries.__main__ import main
from tests.helpers.importera import import_tables
from tests.queries.ersattningsfall import ERSATTNINGSFALL, UTTAGSDATUM

NBSP = "\u00a0"


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return import_tables(tmp_path_factory.mktemp("berakning"), ERSATTNINGSFALL, UTTAGSDATUM)


def test_drill_down_of_june(db: Path) -> None:
    df = queries.run(
        "ersattning_berakning", db, fran="2017-06-01", till="2017-06-30", kommun="0182"
    )
    rows = df.select("kategori", "regel_id", "enhet", "antal", "belopp_kr", "summa_kr", "berakning")
    # 90 place-days x 1 600; 25 filled place-days x 300; one month of 500 000 / 12
    assert rows.rows() == [
        ("arlig_ersattning", "N05", "månader", 1, Decimal("41666.67"), Decimal("41666.67"),
         f"1 × 41{NBSP}666,67"),
        ("plats_avtalad", "F01", "platsdygn", 90, 1600, 144000, f"90 × 1{NBSP}600"),
        ("plats_belagd", "F02", "platsdygn", 25, 300, 7500, "25 × 300"),
    ]  # fmt: skip


def test_drill_down_splits_the_rate_change(db: Path) -> None:
    # R1 (0180): June 11 care-days at 1 900 under F03, July 10 at 1 350 under N01
    df = queries.run(
        "ersattning_berakning", db, fran="2017-06-01", till="2017-07-31", kommun="0180"
    )
    assert df.select("manad", "regel_id", "berakning").rows() == [
        ("2017-06", "F03", f"11 × 1{NBSP}900"),
        ("2017-07", "N01", f"10 × 1{NBSP}350"),
    ]


def test_assumed_share_is_configurable_and_shown(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # the 750 kr rule with andel 0.85: P2 (1480) October 15..31 = 17 x 750 x 0,85 = 10 837,50
    with regler.REGLER_CSV.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    rows = [{**r, "andel": "0.85"} if r["regel_id"] == "N03" else r for r in rows]
    path = tmp_path / "regler.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    monkeypatch.setattr(regler, "REGLER_CSV", path)
    db = import_tables(tmp_path, ERSATTNINGSFALL, UTTAGSDATUM)
    df = queries.run(
        "ersattning_berakning", db, fran="2017-10-01", till="2017-10-31", kommun="1480"
    )
    rad = df.filter(df["regel_id"] == "N03").row(0, named=True)
    assert (rad["summa_kr"], rad["berakning"]) == (Decimal("10837.50"), "17 × 750 × 0,85")
    assert rad["antagande"] == "studiehjälp beviljad"
    manad = queries.run("ersattning", db, fran="2017-10-01", till="2017-10-31", kommun="1480")
    assert manad["schablon_18_20"].item() == Decimal("10837.50")


def _evaluate(ws: Worksheet, formula: str) -> Decimal:
    """The value of =ROUND(Xn*Yn*Zn,2) or =SUM(Hm:Hn), computed from the sheet's cells."""
    if match := re.fullmatch(r"=ROUND\(([A-Z]+\d+)\*([A-Z]+\d+)\*([A-Z]+\d+),2\)", formula):
        product = Decimal(1)
        for ref in match.groups():
            product *= Decimal(str(ws[ref].value))
        return round(product, 2)
    match = re.fullmatch(r"=SUM\(([A-Z])(\d+):[A-Z](\d+)\)", formula)
    assert match, formula
    column, first, last = match.group(1), int(match.group(2)), int(match.group(3))
    return sum(
        (_evaluate(ws, ws[f"{column}{n}"].value) for n in range(first, last + 1)), Decimal(0)
    )


def test_xlsx_amounts_are_formulas(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "berakning.xlsx"
    argv = ["export", "ersattning_berakning", "--db", str(db), "--from", "2017-06-01"]
    assert (
        main(
            [*argv, "--to", "2017-06-30", "--kommun", "0182", "--format", "xlsx", "--out", str(out)]
        )
        == 0
    )
    book = load_workbook(out)
    ws = book["Beräkning"]
    assert [c.value for c in ws[1]][4:8] == ["antal", "belopp_kr", "andel", "summa_kr"]
    assert ws["H3"].value == "=ROUND(E3*F3*G3,2)"
    assert (ws["E3"].value, ws["F3"].value) == (90, 1600)  # the place-days row
    # the sum row recomputes June by hand: 41 666,67 + 144 000 + 7 500
    assert ws["A5"].value == "Summa" and ws["H5"].value == "=SUM(H2:H4)"
    assert _evaluate(ws, ws["H5"].value) == Decimal("193166.67")
    manad = book["Per månad"]
    assert [c.value for c in manad[2]] == [
        "2017-06",
        "=SUMIFS('Beräkning'!H2:H4,'Beräkning'!A2:A4,A2)",
    ]


def test_findings(db: Path) -> None:
    # cumulative from May (month 1): expected 0 | 193 166,67 | 240 233,34 | 333 900,01 |
    # 375 566,68 | 417 233,35 | 458 900,02 | 500 566,69; booked 0 | 150 000 | 189 000 from July on.
    # Booked covers only May's 0 from June on: June lags 1, July 2, Aug 3, Sep 4 ... Dec 7.
    # With more than 3 months: September to December. Claims: only the second quarter has one,
    # so July to December, which all expect compensation, lack a claim.
    df = queries.run(
        "ersattning_avvikelser", db, fran="2017-05-01", till="2017-12-31", kommun="0182"
    )
    slapar = df.filter(df["kontroll"] == "bokford_slapar")
    assert slapar.select("manad", "manader_efter", "belopp_kr").rows() == [
        ("2017-09", 4, Decimal("186566.68")),  # 375 566,68 - 189 000
        ("2017-10", 5, Decimal("228233.35")),
        ("2017-11", 6, Decimal("269900.02")),
        ("2017-12", 7, Decimal("311566.69")),
    ]
    assert slapar["beskrivning"][0] == (
        "Bokförd ersättning t.o.m. 2017-09 täcker förväntad ersättning bara t.o.m. 2017-05 "
        "(4 månader efter)"
    )
    saknas = df.filter(df["kontroll"] == "ansokan_saknas")
    assert saknas.select("manad", "belopp_kr").rows() == [
        ("2017-07", Decimal("47066.67")),
        ("2017-08", Decimal("93666.67")),
        *[(f"2017-{m}", Decimal("41666.67")) for m in ("09", "10", "11", "12")],
    ]


def test_findings_threshold_and_other_municipality(db: Path) -> None:
    # more than 6 months: only December (7); 0180's ledger is not in the data: no findings
    df = queries.run(
        "ersattning_avvikelser",
        db,
        fran="2017-05-01",
        till="2017-12-31",
        kommun="0182",
        manader="6",
    )
    assert df.filter(df["kontroll"] == "bokford_slapar")["manad"].to_list() == ["2017-12"]
    other = queries.run(
        "ersattning_avvikelser", db, fran="2017-05-01", till="2017-12-31", kommun="0180"
    )
    assert other.height == 0


def test_findings_threshold_must_be_a_number(db: Path) -> None:
    argv = ["export", "ersattning_avvikelser", "--db", str(db), "--from", "2017-05-01"]
    with pytest.raises(Exception, match="manader: ange ett heltal"):
        queries.run(
            "ersattning_avvikelser", db, fran="2017-05-01", till="2017-12-31", manader="tre"
        )
    assert main([*argv, "--to", "2017-12-31", "--manader", "tre"]) == 2


def test_assumed_condition_is_flagged(db: Path) -> None:
    # 1480 in October: P2's 17 days x 750 = 12 750 rest on the assumed studiehjälp (rule N03);
    # Göteborg's ledger is not in the data, so that is the only finding
    df = queries.run(
        "ersattning_avvikelser", db, fran="2017-10-01", till="2017-10-31", kommun="1480"
    )
    assert df.select("kontroll", "manad", "belopp_kr").rows() == [("antagande", None, 12750)]
    assert df["beskrivning"].item() == (
        "Regel N03 (schablon_18_20) förutsätter: studiehjälp beviljad. "
        "Det kan inte ses i exporterna och antas gälla."
    )
