"""Every page, run as the real app on the demo database and on an empty one.

Each demo test compares a figure the page shows with the answer key in `facit`, computed
independently with plain SQL on the base tables.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from datetime import date
from pathlib import Path

import duckdb
import pytest
from streamlit.testing.v1 import AppTest

from queries.__main__ import main
from tests.helpers import facit
from ui.format import fmt_antal, fmt_kr

SIDOR = [
    "oversikt",
    "belaggning",
    "alder_och_kon",
    "kommunoverskridande",
    "ekonomi",
    "data",
    "export",
]

Oppna = Callable[..., AppTest]


def metric(at: AppTest, etikett: str) -> str:
    """The value of the KPI tile whose label starts with `etikett`."""
    traffar = [m.value for m in at.metric if m.label.startswith(etikett)]
    assert traffar, f"ingen KPI {etikett!r} bland {[m.label for m in at.metric]}"
    return traffar[0]


def forsta_i_perioden(d: date) -> date:
    """The default period starts on the first day of the month eleven months before d."""
    manad = d.year * 12 + d.month - 1 - 11
    return date(manad // 12, manad % 12 + 1, 1)


@pytest.mark.parametrize("sida", SIDOR)
def test_sidan_kor_utan_fel_pa_demodata(oppna: Oppna, demo_db: Path, sida: str) -> None:
    at = oppna(demo_db, sida)
    assert not at.exception
    assert not at.error
    assert any("Demodata" in w.value for w in at.warning), "demobannern saknas"


@pytest.mark.parametrize("sida", SIDOR)
def test_sidan_kor_utan_fel_pa_tom_databas(oppna: Oppna, tom_db: Path, sida: str) -> None:
    at = oppna(tom_db, sida)
    assert not at.exception
    assert not at.error


def test_oversikt_visar_antal_i_vard(oppna: Oppna, demo_db: Path) -> None:
    d, kommun = facit.uttagsdatum(demo_db), facit.perspektivkommun(demo_db)
    at = oppna(demo_db, "oversikt")
    # persons with an active placement on d whose latest anvisning is kommun's, counted row by row
    assert metric(at, "I vård nu") == fmt_antal(facit.i_vard(demo_db, d, kommun))


def test_tom_databas_visar_noll_i_vard(oppna: Oppna, tom_db: Path) -> None:
    at = oppna(tom_db, "oversikt")
    # no placements at all: nobody is in care
    assert metric(at, "I vård nu") == "0"


def test_belaggning_visar_lediga_platsdygn(oppna: Oppna, demo_db: Path) -> None:
    d = facit.uttagsdatum(demo_db)
    at = oppna(demo_db, "belaggning")
    # sum over every unit and day of the default period of max(places − persons placed, 0)
    assert metric(at, "Lediga platsdygn") == fmt_antal(
        facit.lediga_platsdygn(demo_db, forsta_i_perioden(d), d)
    )


def test_alder_och_kon_visar_flickor(oppna: Oppna, demo_db: Path) -> None:
    d, kommun = facit.uttagsdatum(demo_db), facit.perspektivkommun(demo_db)
    at = oppna(demo_db, "alder_och_kon")
    assert metric(at, "I vård") == fmt_antal(facit.i_vard(demo_db, d, kommun))
    assert metric(at, "Flickor") == fmt_antal(facit.i_vard(demo_db, d, kommun, kon="K"))


def test_kommunoverskridande_visar_placerade_har(oppna: Oppna, demo_db: Path) -> None:
    d, kommun = facit.uttagsdatum(demo_db), facit.perspektivkommun(demo_db)
    at = oppna(demo_db, "kommunoverskridande")
    assert metric(at, "Placerade här") == fmt_antal(facit.placerade_hos_oss(demo_db, d, kommun))
    inom = fmt_antal(facit.placerade_hos_oss(demo_db, d, kommun, inom_lanet=True))
    assert f"varav {inom} inom länet" in [c.value for c in at.caption]


def test_ekonomi_visar_balans_hittills_i_ar(oppna: Oppna, demo_db: Path) -> None:
    d = facit.uttagsdatum(demo_db)
    at = oppna(demo_db, "ekonomi")
    # revenue − cost = −(sum of belopp as booked), January through d's month
    assert metric(at, "Balans hittills") == fmt_kr(facit.balans_hittills(demo_db, d))


def test_data_visar_lagrade_rader(oppna: Oppna, demo_db: Path) -> None:
    at = oppna(demo_db, "data")
    assert metric(at, "Lagrade rader") == fmt_antal(facit.rader_lagrade_senast(demo_db))


def test_export_visar_antal_rader_for_valt_matt(oppna: Oppna, demo_db: Path) -> None:
    at = oppna(demo_db, "export")
    at.selectbox(key="figur").set_value("import_logg").run()
    # import_logg has one row per file of every import
    assert any(f"**{facit.filer_i_loggen(demo_db)} rader**" in m.value for m in at.markdown)


@pytest.mark.parametrize("sida", SIDOR)
def test_filter_utan_traffar_ger_meddelande_inte_fel(
    oppna: Oppna, demo_db: Path, sida: str
) -> None:
    # the demo has no unit of boendeform "annat" and nobody of unknown sex
    at = oppna(
        demo_db,
        sida,
        query={"boendeform": "annat", "kon": "X", "fran": "2019-01-01", "till": "2019-03-31"},
    )
    assert not at.exception
    assert not at.error
    assert at.multiselect(key="boendeform").value == ["annat"]


def test_belaggning_utan_traffar_sager_det_rakt_ut(oppna: Oppna, demo_db: Path) -> None:
    at = oppna(demo_db, "belaggning", query={"boendeform": "annat"})
    assert any(i.value.startswith("Inga data matchar valda filter") for i in at.info)


def test_data_raknar_bara_fel_och_varningar_som_fynd(
    oppna: Oppna, import_tables: Callable[..., Path], tmp_path: Path
) -> None:
    # P1 is in care at a family home (no contracted places: an 'info' row, not a finding);
    # P2 has an open anvisning since 2024-01-10 but no placement: one 'varning' finding
    person = {"fodelsedatum": "2008-01-01", "kon": "M"}
    db = import_tables(
        tmp_path,
        {
            "personer": [{"person_id": "P1", **person}, {"person_id": "P2", **person}],
            "anvisningar": [
                {
                    "anvisning_id": "A1",
                    "person_id": "P1",
                    "anvisningsdatum": "2024-01-02",
                    "anvisningskommun": "0182",
                },
                {
                    "anvisning_id": "A2",
                    "person_id": "P2",
                    "anvisningsdatum": "2024-01-10",
                    "anvisningskommun": "0182",
                },
            ],  # fmt: skip
            "enheter": [
                {
                    "enhet_id": "F1",
                    "namn": "Familjehem",
                    "boendeform": "familjehem",
                    "kommun": "0182",
                    "dygnspris": "900",
                },
            ],  # fmt: skip
            "placeringar": [
                {
                    "placering_id": "PL1",
                    "person_id": "P1",
                    "enhet_id": "F1",
                    "startdatum": "2024-01-02",
                },
            ],  # fmt: skip
        },
        "2024-03-31",
    )
    at = oppna(db, "data", query={"datum": "2024-03-15"})
    assert [w.value for w in at.warning if "fynd" in w.value] == [
        "1 fynd i 1 kontroller att utreda."
    ]


def _budget_hittills(db: Path, d: date) -> float:
    """Budgeted revenue − cost January through d's month: minus the sum of the budget rows."""
    sql = (
        "select coalesce(-sum(belopp), 0) from budget "
        "where period between make_date(year($d::date), 1, 1) and $d"
    )
    with duckdb.connect(str(db), read_only=True) as con:
        rad = con.execute(sql, {"d": d}).fetchone()
    return float(rad[0]) if rad else 0.0


@pytest.mark.parametrize("datum", [date(2019, 6, 30), date(2017, 6, 30)])
def test_oversikt_ekonomi_och_export_ger_samma_balans_hittills_i_ar(
    oppna: Oppna, demo_db: Path, datum: date, capsys: pytest.CaptureFixture[str]
) -> None:
    # the link of issue 7 point 1: a whole year as the period, the reporting date in June;
    # "hittills i år" is January–June of that year on both pages (extraction 2019-12-31),
    # not January–December (the period's end)
    lank = {
        "datum": datum.isoformat(),
        "fran": f"{datum.year}-01-01",
        "till": f"{datum.year}-12-31",
    }
    # hand sum from the ledger rows: revenue − cost = −(every amount booked Jan–Jun)
    balans = facit.balans_hittills(demo_db, datum)
    budget = _budget_hittills(demo_db, datum)
    oversikt = oppna(demo_db, "oversikt", query=lank)
    ekonomi = oppna(demo_db, "ekonomi", query=lank)
    assert metric(oversikt, "Balans hittills") == fmt_kr(balans)
    assert metric(ekonomi, "Balans hittills") == fmt_kr(balans)
    assert metric(ekonomi, "Budget hittills") == fmt_kr(budget)
    mening = next(m.value for m in oversikt.markdown if "Hittills i år" in m.value)
    assert f"**{fmt_kr(balans)}**" in mening
    assert f"{fmt_kr(abs(balans - budget))} {'bättre' if balans >= budget else 'sämre'}" in mening
    # the export command line gives the same figure for the same reporting date
    assert (
        main(
            ["export", "budgetbalans_hittills", "--db", str(demo_db), "--date", lank["datum"]]
            + ["--format", "csv-raw"]
        )
        == 0
    )
    rad = next(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert fmt_kr(float(rad["ack_balans"])) == fmt_kr(balans)


def test_annan_perspektivkommun_visar_inte_agarens_platser_och_pengar(
    oppna: Oppna, demo_db: Path
) -> None:
    # the demo is Nacka's export; seen from Stockholm (0180) occupancy and money are Nacka's,
    # so they are not shown under Stockholm's name
    d = facit.uttagsdatum(demo_db)
    nacka_balans = fmt_kr(facit.balans_hittills(demo_db, d))
    at = oppna(demo_db, "oversikt", query={"kommun": "0180"})
    assert metric(at, "Beläggning denna månad") == "–"
    assert metric(at, "Balans hittills") == "–"
    texter = [m.value for m in at.markdown] + [c.value for c in at.caption]
    assert not any(nacka_balans in t for t in texter)
    assert any(t.startswith("Finns inte för Stockholm") and "Nacka" in t for t in at_captions(at))
    assert any("inte för Stockholm" in m.value for m in at.markdown)
    # seen from Nacka the same tiles show the figures and say whose they are
    egen = oppna(demo_db, "oversikt")
    assert metric(egen, "Balans hittills") == nacka_balans
    assert "Avtalade platser: Nacka." in at_captions(egen)


def at_captions(at: AppTest) -> list[str]:
    return [c.value for c in at.caption]


def test_prognosmetoden_ligger_i_lanken(oppna: Oppna, demo_db: Path) -> None:
    # the method is bound to the URL parameter `prognos` (Streamlit's bind="query-params"),
    # so a copied link carries it; with the run-rate method the tile is
    # outcome Jan–Jun 2019 / 6 months × 12
    d = date(2019, 6, 30)
    lank = {"datum": d.isoformat(), "fran": "2019-01-01", "till": "2019-12-31"}
    at = oppna(demo_db, "ekonomi", query=lank)
    assert at.radio(key="prognos").proto.query_param_key == "prognos"
    at.radio(key="prognos").set_value("Taktmetoden").run()
    assert metric(at, "Prognos helår") == fmt_kr(facit.balans_hittills(demo_db, d) / 6 * 12)
