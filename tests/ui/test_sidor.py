"""Every page, run as the real app on the demo database and on an empty one.

Each demo test compares a figure the page shows with the answer key in `facit`, computed
independently with plain SQL on the base tables.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import facit
import pytest
from streamlit.testing.v1 import AppTest

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
    assert at.multiselect(key="f_boendeform").value == ["annat"]


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
