"""The figures agree with a naive day-by-day reference on the demo database.

The reference reads only the base tables and applies docs/metrics.md literally in plain
Python, one day at a time: slow, obvious and independent of data/models/ and
queries/*.sql. It checks the interval machinery on a realistic, messy dataset (age
revisions, transfers, places changing, thousands of placements).
"""

from __future__ import annotations

from collections import Counter
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import duckdb
import pytest

import queries

DATES = [date(2015, 11, 30), date(2016, 2, 15), date(2017, 1, 30)]
MONTH = (date(2016, 2, 1), date(2016, 2, 29))


class Reference:
    """The base tables in memory, and the definitions as plain functions of a day."""

    def __init__(self, db: Path) -> None:
        with duckdb.connect(str(db), read_only=True) as con:

            def rows(sql: str) -> list[dict[str, Any]]:
                cursor = con.execute(sql)
                names = [c[0] for c in cursor.description]
                return [dict(zip(names, r, strict=True)) for r in cursor.fetchall()]

            self.uttag: date = rows(
                "select uttagsdatum from import_log order by import_id desc limit 1"
            )[0]["uttagsdatum"]
            self.personer = {r["person_id"]: r for r in rows("select * from personer")}
            self.andringar = rows("select * from aldersandringar order by beslutsdatum")
            self.anvisningar = rows(
                "select * from anvisningar order by anvisningsdatum, anvisning_id"
            )
            self.enheter = {r["enhet_id"]: r for r in rows("select * from enheter")}
            self.platser = rows("select * from platser")
            self.placeringar = rows("select * from placeringar")
            self.lan = {r["kommunkod"]: r["lanskod"] for r in rows("select * from kommuner")}

    def active(self, pl: dict[str, Any], d: date) -> bool:
        return pl["startdatum"] <= d <= self.uttag and (
            pl["slutdatum"] is None or d < pl["slutdatum"]
        )

    def fodd(self, pid: str, d: date) -> date:
        later = [a for a in self.andringar if a["person_id"] == pid and a["beslutsdatum"] > d]
        return later[0]["tidigare_fodelsedatum"] if later else self.personer[pid]["fodelsedatum"]

    def ansvarig(self, pid: str, d: date) -> str | None:
        valid = [a for a in self.anvisningar if a["person_id"] == pid and a["anvisningsdatum"] <= d]
        return valid[-1]["anvisningskommun"] if valid else None

    def bor(self, pl: dict[str, Any]) -> str:
        return pl["vistelsekommun"] or self.enheter[pl["enhet_id"]]["kommun"]

    def in_care(self, d: date) -> list[dict[str, Any]]:
        return [pl for pl in self.placeringar if self.active(pl, d)]

    def places(self, enhet: str, d: date) -> int | None:
        valid = [
            p["antal_platser"]
            for p in self.platser
            if p["enhet_id"] == enhet
            and p["giltig_fran"] <= d
            and (p["giltig_till"] is None or d <= p["giltig_till"])
        ]
        return sum(valid) if valid and d <= self.uttag else None


def age(fodd: date, d: date) -> int:
    return d.year - fodd.year - ((d.month, d.day) < (fodd.month, fodd.day))


def group(years: int) -> str:
    return "0-13" if years < 14 else "14-17" if years < 18 else "18-20" if years < 21 else "21+"


@pytest.fixture(scope="module")
def ref(demo_db: Path) -> Reference:
    return Reference(demo_db)


@pytest.mark.parametrize("d", DATES)
def test_alder_kon_matches_reference(demo_db: Path, ref: Reference, d: date) -> None:
    expected = Counter(
        (group(age(ref.fodd(pl["person_id"], d), d)), ref.personer[pl["person_id"]]["kon"])
        for pl in ref.in_care(d)
    )
    got = queries.run("alder_kon", demo_db, datum=d)
    assert {(r[0], r[1]): r[2] for r in got.rows()} == dict(expected)
    assert sum(expected.values()) > 50, "the demo should have people in care on these dates"


@pytest.mark.parametrize("d", DATES)
def test_kommunoverskridande_matches_reference(demo_db: Path, ref: Reference, d: date) -> None:
    k = "0182"
    expected: Counter[tuple[str, str]] = Counter()
    for pl in ref.in_care(d):
        ansvarig, bor = ref.ansvarig(pl["person_id"], d), ref.bor(pl)
        if ansvarig is not None and bor == k and ansvarig != k:
            expected["placerade_hos_oss", ansvarig] += 1
        if ansvarig == k and bor != k:
            expected["vara_i_andra", bor] += 1
    got = queries.run("kommunoverskridande", demo_db, datum=d, kommun=k)
    assert {(r[0], r[1]): r[4] for r in got.rows()} == dict(expected)
    assert all(r[3] == (ref.lan[r[1]] == ref.lan[k]) for r in got.rows())


def test_belaggning_enhet_matches_reference(demo_db: Path, ref: Reference) -> None:
    fran, till = MONTH
    expected = {}
    for enhet in {p["enhet_id"] for p in ref.platser}:
        platsdygn = vardygn = lediga = 0
        days = 0
        d = fran
        while d <= till:
            places = ref.places(enhet, d)
            if places is not None:
                persons = sum(
                    1 for pl in ref.placeringar if pl["enhet_id"] == enhet and ref.active(pl, d)
                )
                platsdygn, vardygn, lediga = (
                    platsdygn + places,
                    vardygn + persons,
                    lediga + max(0, places - persons),
                )
                days += 1
            d += timedelta(days=1)
        if days:
            expected[enhet] = (platsdygn, vardygn, lediga)
    got = queries.run("belaggning_enhet", demo_db, fran=fran, till=till)
    assert {
        r["enhet_id"]: (r["platsdygn"], r["vardygn"], r["lediga_platsdygn"])
        for r in got.iter_rows(named=True)
    } == expected
    assert len(expected) > 3


def test_i_vard_manad_matches_reference(demo_db: Path, ref: Reference) -> None:
    fran, till = date(2016, 1, 1), date(2016, 3, 20)
    got = {r[0]: r[1:] for r in queries.run("i_vard_manad", demo_db, fran=fran, till=till).rows()}
    for start, stock_day in [(date(2016, 1, 1), date(2016, 1, 31)), (date(2016, 2, 1), date(2016, 2, 29)),
                             (date(2016, 3, 1), till)]:  # fmt: skip
        month = [start + timedelta(days=i) for i in range((stock_day - start).days + 1)]
        stock = len({pl["person_id"] for pl in ref.in_care(stock_day)})
        new = sum(
            1
            for pl in ref.placeringar
            if pl["startdatum"] in month and pl["startdatum"] != pl["slutdatum"]
        )
        ended = sum(
            1
            for pl in ref.placeringar
            if pl["slutdatum"] in month and pl["startdatum"] < pl["slutdatum"] <= ref.uttag
        )
        care_days = sum(len(ref.in_care(d)) for d in month)
        assert got[start.strftime("%Y-%m")] == (stock, new, ended, care_days)


def test_no_care_day_is_lost_over_the_whole_span(demo_db: Path, ref: Reference) -> None:
    # every placement's days up to the extraction date, summed, against the monthly series
    end = ref.uttag + timedelta(days=1)
    expected = sum(
        max(0, (min(pl["slutdatum"] or end, end) - pl["startdatum"]).days) for pl in ref.placeringar
    )
    first = min(pl["startdatum"] for pl in ref.placeringar)
    got = queries.run("i_vard_manad", demo_db, fran=first, till=ref.uttag)
    assert got["vardygn"].sum() == expected
