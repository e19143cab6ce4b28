"""The declarative data tests hold on a real import and catch a hand-broken model."""

from __future__ import annotations

import shutil
from pathlib import Path

import duckdb
import pytest

from ingest.datatester import kor


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from data.demo import build_demo_db

    sokvag = tmp_path_factory.mktemp("datatest") / "ekb.duckdb"
    build_demo_db(sokvag, seed=2017, progress=lambda _t, _a: None)
    return sokvag


@pytest.fixture
def kopia(demo: Path, tmp_path: Path) -> duckdb.DuckDBPyConnection:
    sokvag = tmp_path / "trasig.duckdb"
    shutil.copy(demo, sokvag)
    return duckdb.connect(str(sokvag))


def test_alla_datatester_haller_pa_en_riktig_import(demo: Path) -> None:
    with duckdb.connect(str(demo), read_only=True) as con:
        assert kor(con) == []


@pytest.mark.parametrize(
    ("sabotage", "vantat"),
    [
        # one placement's row twice: the key (placering_id, fran) is no longer unique, and the
        # person is in care twice on the same days
        (
            "insert into vard_perioder select * from vard_perioder "
            "order by person_id, fran limit 1",
            {
                "vard_perioder: unik(placering_id, fran)",
                "vard_perioder: ej_overlapp(fran, till)",
                "vard_perioder: vardygn_per_manad()",
            },
        ),
        (
            "update vard_perioder set fran = till + 1 where placering_id = "
            "(select placering_id from vard_perioder order by person_id, fran limit 1)",
            {"vard_perioder: intervall(fran, till)"},
        ),
        (
            "update placering_perioder set boendeform = 'slott' where placering_id = "
            "(select min(placering_id) from placering_perioder)",
            {"placering_perioder: tillatna(boendeform)"},
        ),
        (
            "update vard_perioder set kon = null where placering_id = "
            "(select placering_id from vard_perioder order by person_id, fran limit 1)",
            {"vard_perioder: ej_null(placering_id, person_id, fran, till, kon)"},
        ),
        (
            "update belaggning_manader set lediga_platsdygn = platsdygn + 1 where enhet_id = "
            "(select min(enhet_id) from belaggning_manader)",
            {
                "belaggning_manader: uttryck(lediga_platsdygn between 0 and platsdygn and "
                "vardygn >= 0 and manad_start = date_trunc('month', manad_start))"
            },
        ),
    ],
)
def test_en_trasig_modell_fangas(
    kopia: duckdb.DuckDBPyConnection, sabotage: str, vantat: set[str]
) -> None:
    kopia.execute(sabotage)
    assert {f.test for f in kor(kopia)} == vantat


def test_varje_tabellmodell_har_grain_och_nyckel() -> None:
    from ingest.modeller import modeller

    tabeller = [m for m in modeller() if m.tabell]
    # nine tables today: a new one must declare both before it can be built
    assert len(tabeller) >= 9
    for m in tabeller:
        assert m.grain, m.fil.name
        assert m.nyckel, m.fil.name
