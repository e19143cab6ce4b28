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


def test_en_import_med_trasig_modell_vagras_och_lamnar_databasen_orord(
    demo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import hashlib

    from data.demo import generate
    from data.demo_personer import UTTAGSDATUM
    from ingest import modeller, run_import

    db = tmp_path / "ekb.duckdb"
    shutil.copy(demo, db)
    fore = hashlib.sha256(db.read_bytes()).hexdigest()
    # a model whose definition double-counts: every care row twice
    trasig = tmp_path / "models"
    shutil.copytree(modeller.MODELS_DIR, trasig)
    fil = trasig / "090_vard_perioder.sql"
    huvud, fraga = fil.read_text(encoding="utf-8").split("create table vard_perioder as")
    fraga = fraga.strip().rstrip(";")
    # a model file the test writes itself (the project's own SQL, not outside input)
    dubbel = " ".join(
        ["select * from (", fraga, ") union all (select * from (", fraga, ") limit 1)"]
    )
    fil.write_text(huvud + "create table vard_perioder as " + dubbel + ";", encoding="utf-8")
    monkeypatch.setattr(modeller, "MODELS_DIR", trasig)
    modeller.modeller.cache_clear()
    try:
        generate(tmp_path / "export")
        with pytest.raises(modeller.ModellFel, match="vard_perioder: unik"):
            run_import(tmp_path / "export", db, uttagsdatum=UTTAGSDATUM, demo=True)
    finally:
        modeller.modeller.cache_clear()
    assert hashlib.sha256(db.read_bytes()).hexdigest() == fore
