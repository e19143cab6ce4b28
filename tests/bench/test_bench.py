"""The benchmark runs end to end at municipal scale, so it cannot rot (no timing asserted)."""

from __future__ import annotations

import json
from datetime import date

import pandas as pd
import pytest

import queries
from bench.__main__ import main
from bench.baslinje import dag_for_dag
from bench.matning import percentil


@pytest.fixture(scope="module")
def resultat(tmp_path_factory: pytest.TempPathFactory) -> dict:
    fil = tmp_path_factory.mktemp("bench") / "bench.json"
    assert main(["--scale", "municipal", "--runs", "2", "--json", str(fil)]) == 0
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
