"""Payments, granted against claimed and the rules added later (docs/ersattning.md).

A small export of its own, extraction date 2018-06-30; every number worked out by hand.
Nacka (0182) has every anvisning and is the data owner. Units: H1 HVB and F1 familjehem in
Nacka, no agreed places.

U1 asyl, born 2004-01-01, anvisad 2017-08-01, HVB H1 2018-01-01 ->
K2 asyl, born 2003-05-01, HVB H1 2017-09-01 ->, first anvisning 2017-09-11 (ankomstkommun 0180)
K3 asyl, born 2003-02-01, HVB H1 2017-06-25 -> 2017-07-20, anvisad 2017-07-05 (ankomstkommun 0180)
P4 PUT decided 2017-10-15, born 2002-03-01, anvisad 2016-06-01, familjehem F1 2017-09-01 ->
P5 PUT decided 2017-03-01, born 2001-01-01, anvisad 2016-01-10, familjehem F1 2017-01-01 ->
P6 PUT decided 2017-05-01, born 2002-06-01, anvisad 2016-02-01, familjehem F1 2017-11-20 ->
Payments: U1 2018-01-01..2018-01-31 40 500,00; K2 2017-10-01..2017-12-31 92 000,00.
Claims: 2018-03 dygnsersattning 100 000 granted 98 650; 2018-03 god_man 20 000 undecided;
2018-06 schablon 50 000 granted 50 000.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

import queries
from ingest import ImportRefused, rorlig
from tests.helpers.importera import import_tables
from tests.queries.conftest import _anvisning, _enhet, _person, _placering

ASYL = {"uppehallstillstand": "asylsokande"}
FALL: dict[str, list[dict[str, object]]] = {
    "personer": [
        _person("U1", "2004-01-01", "M"),
        _person("K2", "2003-05-01", "M"),
        _person("K3", "2003-02-01", "K"),
        _person("P4", "2002-03-01", "M"),
        _person("P5", "2001-01-01", "K"),
        _person("P6", "2002-06-01", "M"),
    ],
    "anvisningar": [
        _anvisning("aU1", "U1", "2017-08-01", "0182", **ASYL),
        _anvisning("aK2", "K2", "2017-09-11", "0182", ankomstkommun="0180", **ASYL),
        _anvisning("aK3", "K3", "2017-07-05", "0182", ankomstkommun="0180", **ASYL),
        _anvisning(
            "aP4",
            "P4",
            "2016-06-01",
            "0182",
            uppehallstillstand="PUT",
            uppehallstillstand_datum="2017-10-15",
        ),
        _anvisning(
            "aP5",
            "P5",
            "2016-01-10",
            "0182",
            uppehallstillstand="PUT",
            uppehallstillstand_datum="2017-03-01",
        ),
        _anvisning(
            "aP6",
            "P6",
            "2016-02-01",
            "0182",
            uppehallstillstand="PUT",
            uppehallstillstand_datum="2017-05-01",
        ),
    ],  # fmt: skip
    "enheter": [
        _enhet("H1", "HVB", "0182", "egen", 2000),
        _enhet("F1", "familjehem", "0182", "konsulentstodd", 900),
    ],
    "placeringar": [
        _placering("pU1", "U1", "H1", "2018-01-01"),
        _placering("pK2", "K2", "H1", "2017-09-01"),
        _placering("pK3", "K3", "H1", "2017-06-25", "2017-07-20"),
        _placering("pP4", "P4", "F1", "2017-09-01"),
        _placering("pP5", "P5", "F1", "2017-01-01"),
        _placering("pP6", "P6", "F1", "2017-11-20"),
    ],
    "ersattningsansokningar": [
        {
            "period": "2018-03",
            "ersattningstyp": "dygnsersattning",
            "sokt_belopp": 100000,
            "beviljat_belopp": 98650,
        },
        {
            "period": "2018-03",
            "ersattningstyp": "god_man",
            "sokt_belopp": 20000,
            "beviljat_belopp": "",
        },
        {
            "period": "2018-06",
            "ersattningstyp": "schablon",
            "sokt_belopp": 50000,
            "beviljat_belopp": 50000,
        },
    ],  # fmt: skip
    "utbetalningar": [
        {
            "person_id": "U1",
            "period_fran": "2018-01-01",
            "period_till": "2018-01-31",
            "belopp": "40 500,00",
        },
        {
            "person_id": "K2",
            "period_fran": "2017-10-01",
            "period_till": "2017-12-31",
            "belopp": "92 000,00",
        },
    ],  # fmt: skip
}


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return import_tables(tmp_path_factory.mktemp("tillagg"), FALL, "2018-06-30")


def _kolumn(db: Path, kolumn: str, fran: str, till: str, kommun: str | None = "0182") -> list:
    df = queries.run("ersattning", db, fran=fran, till=till, kommun=kommun)
    return df.select("manad", kolumn).rows()


def test_reconciliation_of_one_person_and_period(db: Path) -> None:
    df = queries.run("ersattning_utbetalning_avstamning", db, fran="2018-01-01", till="2018-02-28")
    u1 = [r[1:] for r in df.rows() if r[0] == "U1"]
    # January: 31 days x 1 350 = 41 850 expected, 40 500 paid: -1 350.
    # February: 28 x 1 350 = 37 800 expected, no payment covers it: -37 800.
    assert u1 == [
        (date(2018, 1, 1), date(2018, 1, 31), 1, Decimal("41850.00"), Decimal("40500.00"),
         Decimal("-1350.00"), "för lite utbetalt"),
        (date(2018, 2, 1), date(2018, 2, 28), 0, Decimal("37800.00"), Decimal("0.00"),
         Decimal("-37800.00"), "utbetalning saknas"),
    ]  # fmt: skip


def test_a_quarterly_payment_and_one_offs_per_person(db: Path) -> None:
    df = queries.run("ersattning_utbetalning_avstamning", db, fran="2017-10-01", till="2017-12-31")
    rader = {(r[0], r[1]): r[4:] for r in df.rows()}
    # K2 Oct..Dec: 92 days x 1 350 = 124 200 expected; 92 000 paid: -32 200
    assert rader["K2", date(2017, 10, 1)] == (
        Decimal("124200.00"),
        Decimal("92000.00"),
        Decimal("-32200.00"),
        "för lite utbetalt",
    )
    # P6: PUT since 2017-05-01, in care from 2017-11-20: November 11 x 1 350 + 30 000 once = 44 850
    assert rader["P6", date(2017, 11, 1)] == (
        Decimal("44850.00"),
        Decimal("0.00"),
        Decimal("-44850.00"),
        "utbetalning saknas",
    )


def test_paid_per_month_spreads_a_payment_over_its_days(db: Path) -> None:
    df = queries.run("ersattning_utbetalning_manad", db, fran="2017-10-01", till="2017-12-31")
    # K2's 92 000 over 92 days: Oct 31 000, Nov 30 000, Dec 31 000.
    # Expected in October: K2 31 x 1 350 = 41 850; P4 31 x 1 350 + 30 000 (PUT from 10-15) =
    # 71 850; P5 31 x 1 350 = 41 850: 155 550, so 31 000 - 155 550 = -124 550
    assert df.row(0) == (
        "2017-10",
        Decimal("155550.00"),
        Decimal("31000.00"),
        Decimal("-124550.00"),
    )
    assert df["utbetald"].to_list() == [
        Decimal("31000.00"),
        Decimal("30000.00"),
        Decimal("31000.00"),
    ]
    # the same paid amounts in the export, after the fixed columns; January 2018 U1's 40 500
    assert _kolumn(db, "utbetald", "2017-10-01", "2018-01-31") == [
        ("2017-10", Decimal("31000.00")), ("2017-11", Decimal("30000.00")),
        ("2017-12", Decimal("31000.00")), ("2018-01", Decimal("40500.00")),
    ]  # fmt: skip


def test_granted_beside_claimed_and_the_finding(db: Path) -> None:
    df = queries.run("ersattning", db, fran="2018-03-01", till="2018-06-30", kommun="0182")
    rader = {r["manad"]: (r["sokt"], r["beviljat"]) for r in df.iter_rows(named=True)}
    # March: claimed 100 000 + 20 000 = 120 000, granted 98 650 (god_man not yet decided)
    assert rader["2018-03"] == (Decimal("120000.00"), Decimal("98650.00"))
    assert rader["2018-06"] == (Decimal("50000.00"), Decimal("50000.00"))
    fynd = queries.run("ersattning_avvikelser", db, fran="2018-01-01", till="2018-06-30")
    beviljat = fynd.filter(fynd["kontroll"] == "beviljat_under_sokt")
    # only dygnsersattning: 100 000 - 98 650 = 1 350; the undecided claim is no finding
    assert beviljat.select("manad", "belopp_kr").rows() == [("2018-03", Decimal("1350.00"))]
    assert "dygnsersattning" in beviljat["beskrivning"][0]


def test_30000_once_on_the_first_day_in_care_with_put(db: Path) -> None:
    # P4: PUT decided 2017-10-15 during care -> October; P6: PUT before care, care from
    # 2017-11-20 -> November; P5: first day with PUT in care 2017-03-01, before the rule
    assert _kolumn(db, "put_engangs", "2017-03-01", "2017-12-31") == [
        ("2017-03", 0), ("2017-04", 0), ("2017-05", 0), ("2017-06", 0), ("2017-07", 0),
        ("2017-08", 0), ("2017-09", 0), ("2017-10", 30000), ("2017-11", 30000), ("2017-12", 0),
    ]  # fmt: skip


def test_ankomstkommun_until_the_anvisning(db: Path) -> None:
    # to 0180, the ankomstkommun: K3 2017-06-25..07-04 in care before its anvisning, but the
    # rule starts 2017-07-01: July 1..4 = 4 x 3 000 = 12 000; K2 2017-09-01..09-10 = 10 x 3 000
    assert _kolumn(db, "ankomst_schablon", "2017-06-01", "2017-09-30", "0180") == [
        ("2017-06", 0), ("2017-07", 12000), ("2017-08", 0), ("2017-09", 30000),
    ]  # fmt: skip
    # from the anvisning day the anvisningskommun's schablon: K2 Sept 11..30 = 20 x 1 350
    # = 27 000 and 52 000 once; P4 30 x 1 350 = 40 500; P5 30 x 1 350 = 40 500
    sept = queries.run("ersattning", db, fran="2017-09-01", till="2017-09-30", kommun="0182")
    assert sept.select("schablon_under_18", "anvisning_engangs", "ankomst_schablon").row(0) == (
        Decimal("108000.00"),
        Decimal("52000.00"),
        0,
    )


def test_variable_yearly_part_from_the_reference_table(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    tabell = tmp_path / "arlig_rorlig_ersattning.csv"
    tabell.write_text(
        "kommun,giltig_fran,giltig_till,belopp_per_barn,andel,prognos_barn,kalla\n"
        '0182,2017-07-01,2017-12-31,9450,0.01,750,"beslut 2017, halvår"\n'
        '0182,2018-01-01,2018-12-31,9450,0.0085,1500,"beslut 2018"\n',
        encoding="utf-8",
    )
    monkeypatch.setattr(rorlig, "RORLIG_CSV", tabell)
    db = import_tables(tmp_path, FALL, "2018-06-30")
    # 2017: 9 450 x 0,01 x 750 = 70 875 over July..December = 11 812,50 a month
    # 2018: 9 450 x 0,0085 x 1 500 = 120 487,50 over 12 months = 10 040,625 -> 10 040,63
    assert _kolumn(db, "arlig_rorlig", "2017-06-01", "2018-01-31") == [
        ("2017-06", 0), ("2017-07", Decimal("11812.50")), ("2017-08", Decimal("11812.50")),
        ("2017-09", Decimal("11812.50")), ("2017-10", Decimal("11812.50")),
        ("2017-11", Decimal("11812.50")), ("2017-12", Decimal("11812.50")),
        ("2018-01", Decimal("10040.63")),
    ]  # fmt: skip
    fynd = queries.run("ersattning_avvikelser", db, fran="2018-01-01", till="2018-01-31")
    assert any("arlig_rorlig" in text for text in fynd["beskrivning"].to_list())


def test_a_bad_variable_part_refuses_the_import(tmp_path: Path, monkeypatch) -> None:
    tabell = tmp_path / "arlig_rorlig_ersattning.csv"
    tabell.write_text(
        "kommun,giltig_fran,giltig_till,belopp_per_barn,andel,prognos_barn,kalla\n"
        "0182,2018-01-01,2018-12-31,9450,abc,1500,beslut\n",
        encoding="utf-8",
    )
    monkeypatch.setattr(rorlig, "RORLIG_CSV", tabell)
    with pytest.raises(ImportRefused) as refused:
        import_tables(tmp_path, FALL, "2018-06-30")
    assert [(p.fil, p.rad, p.kolumn) for p in refused.value.problems] == [
        ("arlig_rorlig_ersattning.csv", 2, "andel")
    ]
    assert not (tmp_path / "ekb.duckdb").exists()
