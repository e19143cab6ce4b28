"""`EKB_PARQUET`: the real dashboard on a published Parquet folder shows what it shows on the
database file the folder was published from, and a folder that is no snapshot is explained."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from charts.format import fmt_datum
from data.demo import UTTAGSDATUM, generate
from ingest import run_import
from ingest.parkett import publicera_parquet

ROT = Path(__file__).resolve().parents[2]
UTTAG = UTTAGSDATUM + timedelta(days=30)


def _oversikt(monkeypatch: pytest.MonkeyPatch, **miljo: str) -> AppTest:
    for namn in ("EKB_DB", "EKB_PARQUET"):
        monkeypatch.delenv(namn, raising=False)
    for namn, varde in miljo.items():
        monkeypatch.setenv(namn, varde)
    return AppTest.from_file(str(ROT / "dashboard.py"), default_timeout=120).run()


def _text(at: AppTest) -> list[str]:
    return [m.value for m in at.markdown] + [m.value for m in at.metric]


def test_sidan_pa_parquet_visar_samma_som_pa_filen(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # an import of its own (another extraction date, another folder), so that no other
    # database the app might fall back to could show the same page
    export, db = tmp_path / "exportparquet", tmp_path / "ekb.duckdb"
    generate(export, seed=2017)
    run_import(export, db, uttagsdatum=UTTAG, demo=True)
    publicera_parquet(db, tmp_path / "pq")
    fran_filen = _oversikt(monkeypatch, EKB_DB=str(db))
    fran_parquet = _oversikt(monkeypatch, EKB_PARQUET=str(tmp_path / "pq"))
    assert not fran_parquet.exception and not fran_parquet.error
    # the tiles and the "Inläst data" line (import time and source) are the same text
    assert _text(fran_parquet) == _text(fran_filen)
    # the "Inläst data" line names the export folder; the first screen's line does not
    inlast = [t for t in _text(fran_parquet) if "importerad" in t and "exportparquet" in t]
    assert len(inlast) == 1 and f"uttagsdatum **{fmt_datum(UTTAG)}**" in inlast[0]


def test_mapp_utan_manifest_forklaras(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "pq").mkdir()
    at = _oversikt(monkeypatch, EKB_PARQUET=str(tmp_path / "pq"))
    (fel,) = [e.value for e in at.error]
    # names the folder, what is missing, the setting that points there and how to publish
    assert f"Parquet-mappen `{tmp_path / 'pq'}` har ingen `manifest.json`" in fel
    assert "`EKB_PARQUET`" in fel
    assert f"--parquet {tmp_path / 'pq'}`" in fel
