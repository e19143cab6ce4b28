"""The benchmark runs end to end at municipal scale, so it cannot rot (no timing asserted)."""

from __future__ import annotations

import json
import os
import time
from datetime import date
from pathlib import Path

import duckdb
import pandas as pd
import pytest

import queries
from bench.__main__ import main
from bench.baslinje import dag_for_dag
from bench.cacher import cacher
from bench.matning import percentil
from bench.sidor import SATT, cpu_s, sidor
from tests.helpers.demodb import bygg_demo_en_gang


@pytest.fixture(scope="module")
def resultat(tmp_path_factory: pytest.TempPathFactory) -> dict:
    fil = tmp_path_factory.mktemp("bench") / "bench.json"
    assert main(["--scale", "municipal", "--runs", "2", "--no-pages", "--json", str(fil)]) == 0
    return json.loads(fil.read_text(encoding="utf-8"))


def test_json_holds_every_figure_with_median_and_p95_per_view(resultat: dict) -> None:
    assert sorted(resultat["figurer"]) == sorted(f.name for f in queries.catalogue())
    for namn, vyer in resultat["figurer"].items():
        assert sorted(vyer) == ["filtrerad", "standard", "tioar"], namn
        for varden in vyer.values():
            assert varden["runs"] == 2
            assert 0 < varden["median_ms"] <= varden["p95_ms"]


def test_import_went_through_the_real_importer(resultat: dict) -> None:
    # the municipal demo is Nacka's story: the default views are 2019's twelve months
    # up to the extraction date, and the perspective municipality is Nacka (0182)
    std = resultat["vyer"]["standard"]
    assert (std["fran"], std["till"], std["kommun"]) == ("2019-01-01", "2019-12-31", "0182")
    assert resultat["vyer"]["tioar"]["fran"] == "2010-01-01"
    assert resultat["vyer"]["filtrerad"]["boendeform"] == ["HVB"]
    assert resultat["import"]["import_s"] > 0 and resultat["import"]["topp_mb"] > 0
    assert resultat["baslinje"]["kvot"] > 0


def test_day_by_day_baseline_counts_care_days_per_unit_and_month() -> None:
    df = pd.DataFrame({
        "enhet_id": ["E1", "E1", "E2"],
        "startdatum": [date(2019, 1, 30), date(2019, 3, 1), date(2018, 12, 1)],
        "slutdatum": [date(2019, 2, 3), None, date(2019, 1, 2)],
    })  # fmt: skip
    ut = dag_for_dag(df, date(2019, 1, 1), date(2019, 3, 31))
    # E1: 30-31 Jan = 2 days, 1-2 Feb = 2 (moved out on the 3rd); open from 1 March: 31 days
    # E2: clipped to 1 Jan, moved out 2 Jan: 1 day
    assert ut.to_dict() == {
        ("E1", pd.Period("2019-01", "M")): 2,
        ("E1", pd.Period("2019-02", "M")): 2,
        ("E1", pd.Period("2019-03", "M")): 31,
        ("E2", pd.Period("2019-01", "M")): 1,
    }


def test_percentile_interpolates_like_numpy() -> None:
    # 1..20: position 0.95 × 19 = 18.05 between 19 and 20 -> 19.05
    assert percentil([float(i) for i in range(20, 0, -1)], 95) == pytest.approx(19.05)
    assert percentil([4.0, 1.0], 50) == pytest.approx(2.5)


@pytest.mark.e2e
def test_every_page_is_timed_against_the_floor_with_memory_and_caches(tmp_path: Path) -> None:
    fil = tmp_path / "bench.json"
    argv = ["--scale", "municipal", "--runs", "1", "--sidor-runs", "1", "--sessioner", "2"]
    assert main([*argv, "--json", str(fil)]) == 0
    sidor = json.loads(fil.read_text(encoding="utf-8"))["sidor"]
    # the floor, then the committee's menu in order (ui/navigering.py without the import page)
    assert list(sidor["tider"]) == ["golv", "", "belaggning", "alder_och_kon",
                                    "kommunoverskridande", "ekonomi", "ersattning", "data", "export"]  # fmt: skip
    golv = sidor["tider"]["golv"]
    for namn, satt in sidor["tider"].items():
        assert list(satt) == ["forsta_besok", "ny_flik", "omladdning"], namn
        for varden in satt.values():
            assert varden["runs"] == 1 and 0 < varden["median_ms"] == varden["p95_ms"], namn
            assert varden["server_cpu_ms_median"] >= 0, namn
        if namn != "golv":
            # the ratio is the page's median over the floor's, per way of arriving
            for s in SATT:
                kvot = satt[s]["median_ms"] / golv[s]["median_ms"]
                assert sidor["kvot_mot_golv"][namn][s] == pytest.approx(kvot), (namn, s)
    minne = sidor["minne"]
    assert minne["sessioner"] == 2 and min(minne["fore_mb"], minne["med_sessioner_mb"]) > 0
    # ui/figurer.py caches results with st.cache_data(max_entries=500)
    assert {"fil": "ui/figurer.py", "funktion": "_hamta_cachat", "dekorator": "st.cache_data",
            "max_entries": "500", "ttl": None}.items() <= next(
        c for c in sidor["cacher"] if c["funktion"] == "_hamta_cachat").items()  # fmt: skip


def test_caches_are_listed_with_their_bounds(tmp_path: Path) -> None:
    (tmp_path / "ui").mkdir()
    (tmp_path / "pages").mkdir()
    (tmp_path / "dashboard.py").write_text("import streamlit as st\n", encoding="utf-8")
    (tmp_path / "ui" / "a.py").write_text(
        "import streamlit as st\nfrom functools import cache\n\n"
        "@st.cache_data(ttl=3600, max_entries=10)\ndef f(x): return x\n\n"
        "@cache\ndef g(): return 1\n\ndef h(): return 2\n",
        encoding="utf-8",
    )
    (tmp_path / "pages" / "p.py").write_text(
        "import streamlit as st\n@st.cache_resource\ndef anslut(): return 1\n", encoding="utf-8"
    )
    assert cacher(tmp_path) == [
        {"fil": "ui/a.py", "rad": 5, "funktion": "f", "dekorator": "st.cache_data",
         "max_entries": "10", "ttl": "3600"},
        {"fil": "ui/a.py", "rad": 8, "funktion": "g", "dekorator": "cache", "max_entries": None,
         "ttl": None},
        {"fil": "pages/p.py", "rad": 3, "funktion": "anslut", "dekorator": "st.cache_resource",
         "max_entries": None, "ttl": None},
    ]  # fmt: skip


def test_server_cpu_is_read_from_proc() -> None:
    # busy until the process has used 0.3 s of CPU by the C library's own clock; /proc counts
    # the same time in ticks of 10 ms, so the two agree within a few ticks
    fore, start = cpu_s(os.getpid()), time.process_time()
    while time.process_time() - start < 0.3:
        pass
    anvant = time.process_time() - start
    assert cpu_s(os.getpid()) - fore == pytest.approx(anvant, abs=0.03)


def test_an_existing_database_is_measured_as_it_is(
    tmp_path_factory: pytest.TempPathFactory, tmp_path: Path
) -> None:
    db = bygg_demo_en_gang(tmp_path_factory.getbasetemp())
    fore = db.stat().st_mtime_ns
    fil = tmp_path / "bench.json"
    assert main(["--db", str(db), "--bara-sidor", "--no-pages", "--json", str(fil)]) == 0
    res = json.loads(fil.read_text(encoding="utf-8"))
    # no import, no figures: the file's own size, counted here straight from its tables
    with duckdb.connect(str(db), read_only=True) as con:
        personer = con.execute("select count(*) from personer").fetchone()
    assert personer is not None
    assert (res["import"], res["personer"], res["sidor"]) == (None, personer[0], None)
    assert "figurer" not in res and db.stat().st_mtime_ns == fore


def test_pages_are_picked_by_name_in_menu_order() -> None:
    # the start page's url path is empty; --sida names it "oversikt"
    assert sidor(["data", "oversikt"]) == ["", "data"]
    assert sidor(None)[:2] == ["", "belaggning"]
    with pytest.raises(SystemExit, match="okända sidor: importera"):
        sidor(["importera"])  # the committee does not see the import page
