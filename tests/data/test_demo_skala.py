"""The scale demo: deterministic, accepted by the real importer, KSL's proportions.

Small sizes (600 persons) keep it quick; the tolerances below are about four standard
deviations of the binomial share at that size, so a correct generator passes for any seed
while a wrong proportion (say 10 % instead of 20 % in another län) fails.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import duckdb
import polars as pl
import pytest

from data.demo import main
from data.demo_skala_cli import bygg_skala_db, skriv_skala

TABLES = (
    "personer", "aldersandringar", "anvisningar", "enheter", "platser", "placeringar",
    "kontoplan", "ekonomi", "budget", "ersattningsansokningar",
)  # fmt: skip
PERSONER = 600


def _hashes(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir())}


@pytest.fixture(scope="module")
def con(tmp_path_factory: pytest.TempPathFactory) -> duckdb.DuckDBPyConnection:
    db = tmp_path_factory.mktemp("skala") / "county.duckdb"
    bygg_skala_db(db, "county", seed=7, personer=PERSONER)
    return duckdb.connect(str(db), read_only=True)


def _one(con: duckdb.DuckDBPyConnection, sql: str) -> float:
    row = con.execute(sql).fetchone()
    assert row is not None
    return float(row[0])


def test_same_seed_gives_identical_files_and_another_seed_other_files(tmp_path: Path) -> None:
    skriv_skala(tmp_path / "a", "national", 3, personer=300)
    skriv_skala(tmp_path / "b", "national", 3, personer=300)
    skriv_skala(tmp_path / "c", "national", 4, personer=300)
    first = _hashes(tmp_path / "a")
    assert sorted(first) == sorted(f"{t}.csv" for t in TABLES)
    assert first == _hashes(tmp_path / "b")
    assert first["placeringar.csv"] != _hashes(tmp_path / "c")["placeringar.csv"]


def test_import_accepts_every_table_with_the_asked_size(con: duckdb.DuckDBPyConnection) -> None:
    assert _one(con, "select count(*) from personer") == PERSONER
    for table in TABLES:
        assert _one(con, f"select count(*) from {table}") > 0, table  # noqa: S608 (fixed names)


def test_placements_follow_ksl_county_mapping(con: duckdb.DuckDBPyConnection) -> None:
    sql = """
        select avg(case when e.kommun = a.anvisningskommun then 1 else 0 end),
               avg(case when left(e.kommun, 2) <> '01' then 1 else 0 end)
        from placeringar p join enheter e using (enhet_id) join anvisningar a using (person_id)
    """
    row = con.execute(sql).fetchone()
    assert row is not None
    # ~1 800 placements (600 persons × ~3): sd of a 35 % share is 1.1 points, of 20 % 0.9
    assert row[0] == pytest.approx(0.35, abs=0.05)
    assert row[1] == pytest.approx(0.20, abs=0.04)
    # every person was assigned to one of Stockholms län's municipalities
    assert (
        _one(con, "select count(*) from anvisningar where left(anvisningskommun, 2) <> '01'") == 0
    )


def test_mostly_boys_aged_16_17_and_the_2015_peak(con: duckdb.DuckDBPyConnection) -> None:
    # 88 % boys: sd at 600 persons is 1.3 points
    assert _one(con, "select avg(case when kon = 'M' then 1 else 0 end) from personer") == (
        pytest.approx(0.88, abs=0.05)
    )
    alder = """select avg(case when date_diff('year', p.fodelsedatum, a.anvisningsdatum)
               between 16 and 17 then 1 else 0 end)
               from personer p join anvisningar a using (person_id)"""
    # 35 % + 35 % arrive at 16 or 17 (sd 1.9 points); the day-level age can shift a little
    assert _one(con, alder) == pytest.approx(0.70, abs=0.08)
    # 2015: 35 369 of 48 297 applications 2014-2020 = 73.2 % (sd 1.8 points)
    ar2015 = "select avg(case when year(anvisningsdatum) = 2015 then 1 else 0 end) from anvisningar"
    assert _one(con, ar2015) == pytest.approx(35369 / 48297, abs=0.07)


def test_average_cost_per_dygn_per_form(con: duckdb.DuckDBPyConnection) -> None:
    sql = """select avg(p.dygnskostnad) from placeringar p join enheter e using (enhet_id)
             where e.boendeform = 'HVB'"""
    # uniform ±25 % around 2 017 kr: sd of one cost 291 kr, of the mean over ~900 about 10 kr
    assert _one(con, sql) == pytest.approx(2017, abs=60)


def test_cli_writes_a_scale_folder(tmp_path: Path) -> None:
    assert main(["--scale", "county", "--personer", "200", "--out", str(tmp_path / "x")]) == 0
    assert sorted(_hashes(tmp_path / "x")) == sorted(f"{t}.csv" for t in TABLES)


def test_national_ledger_is_kept_per_lan_of_the_assigned_municipality(tmp_path: Path) -> None:
    # a national month in one ledger row passes the importer's amount limit at full size,
    # so every län the persons were assigned to gets its own verksamhet
    skriv_skala(tmp_path, "national", 5, personer=400)
    anvisningar = pl.read_csv(
        tmp_path / "anvisningar.csv", schema_overrides={"anvisningskommun": pl.Utf8}
    )
    lan = {f"EKB län {k[:2]}" for k in anvisningar["anvisningskommun"]}
    ekonomi = pl.read_csv(tmp_path / "ekonomi.csv")
    assert set(ekonomi["verksamhet"]) == lan
    assert len(lan) > 10  # 400 persons over 21 län: nearly all of them appear
