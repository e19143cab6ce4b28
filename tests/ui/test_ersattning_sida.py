"""The page Ersättning och prognos, run in the real dashboard (AppTest).

Until the lead registers the page in dashboard.py, the test runs a copy of dashboard.py
(written to tmp_path) with the page added to its menu; everything else is the real app.
The small case is tests/queries/ersattningsfall.py, worked out by hand in test_ersattning.py.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from tests.helpers.importera import import_tables
from tests.queries.ersattningsfall import ERSATTNINGSFALL, UTTAGSDATUM

ROT = Path(__file__).resolve().parents[2]
SIDA = str(ROT / "pages" / "ersattning.py")
NBSP = "\u00a0"


def _oppna(tmp_path: Path, db: Path, monkeypatch: pytest.MonkeyPatch, **query: str) -> AppTest:
    monkeypatch.setenv("EKB_DB", str(db))
    at = AppTest.from_file(str(ROT / "dashboard.py"), default_timeout=120)
    for nyckel, varde in query.items():
        at.query_params[nyckel] = varde
    at.switch_page("pages/ersattning.py")
    return at.run()


def _metric(at: AppTest, etikett: str) -> str:
    return next(m.value for m in at.metric if m.label.startswith(etikett))


def _fynd(at: AppTest) -> list[str]:
    """The Kontroll column of the findings table."""
    tabell = next(t.value for t in at.dataframe if "Kontroll" in t.value.columns)
    return list(tabell["Kontroll"])


def test_page_explains_a_month(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    db = import_tables(tmp_path, ERSATTNINGSFALL, UTTAGSDATUM)
    at = _oppna(tmp_path, db, monkeypatch, fran="2017-05-01", till="2017-07-31", kommun="0182")
    assert not at.exception and not at.error
    # May..July: expected 0 + 193 166,67 + 47 066,67 = 240 233,34; booked 189 000;
    # differens -51 233,34, shown in whole kronor
    assert _metric(at, "Förväntad") == f"240{NBSP}233{NBSP}kr"
    assert _metric(at, "Bokförd") == f"189{NBSP}000{NBSP}kr"
    assert _metric(at, "Differens") == f"−51{NBSP}233{NBSP}kr"
    # pick June: 1 × 41 666,67 + 90 × 1 600 + 25 × 300 = 193 166,67; 150 000 − that = −43 166,67
    at.selectbox(key="ersattning_vald_manad").set_value("2017-06").run()
    text = " ".join(m.value for m in at.markdown).replace("\\", "")
    assert (
        f"Bokförd 150{NBSP}000{NBSP}kr − förväntad (1 × 41{NBSP}666,67 + 90 × 1{NBSP}600 + 25 × 300 "
        f"= 193{NBSP}167{NBSP}kr) = −43{NBSP}167{NBSP}kr."
    ) in text


def test_page_shows_findings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    db = import_tables(tmp_path, ERSATTNINGSFALL, UTTAGSDATUM)
    at = _oppna(tmp_path, db, monkeypatch, fran="2017-05-01", till="2017-12-31", kommun="0182")
    # booked covers only May from June on: September lags 4 months (> 3), December 7
    assert _fynd(at).count("bokford_slapar") == 4
    at.number_input(key="ersattning_grans").set_value(6).run()
    assert _fynd(at).count("bokford_slapar") == 1


def test_page_runs_on_demo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, demo_db: Path) -> None:
    at = _oppna(tmp_path, demo_db, monkeypatch)
    assert not at.exception and not at.error
    assert any("Demodata" in w.value for w in at.warning)
    assert _metric(at, "Förväntad").endswith("kr")


def test_page_shows_forecast_and_its_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from tests.queries.test_prognos import FALL

    db = import_tables(tmp_path, FALL, "2020-12-31")
    at = _oppna(tmp_path, db, monkeypatch, fran="2020-11-01", till="2020-12-31", kommun="0182")
    assert not at.exception and not at.error
    # tests/queries/test_prognos.py: November |0 - 5| / 5 = 1, December |30 - 5| / 5 = 5;
    # their mean 3 = 300,0 %
    # headings escape text as Markdown; read them as the user sees them
    rubriker = [m.value.replace("\\", "") for m in at.markdown if m.value.startswith("####")]
    assert any(f"genomsnittligt fel 300,0{NBSP}% (MAPE)" in r for r in rubriker), rubriker
    assert any("12 månaderna efter 31 dec 2020" in r for r in rubriker), rubriker
    assert any(r.startswith("#### Prognos för ersättning, kostnad och balans") for r in rubriker)
    # tests/queries/test_prognos.py: December's cost forecast 1 500 000 against 200 000
    assert any(f"kostnad 650,0{NBSP}%" in r for r in rubriker), rubriker


def test_scenario_opens_from_a_link(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from tests.queries.test_scenario import FALL

    db = import_tables(tmp_path, FALL, "2017-08-31")
    lank = {"fran": "2017-05-01", "till": "2017-08-31", "kommun": "0182"}
    lank |= {"s_antal": "1", "s_fran": "2017-06-16"}  # HVB -> stödboende are the defaults
    at = _oppna(tmp_path, db, monkeypatch, **lank)
    assert not at.exception and not at.error
    # tests/queries/test_scenario.py: 4 500 + 37 200 + 37 200 = 78 900 over the period
    assert _metric(at, "Scenariots effekt") == f"78{NBSP}900{NBSP}kr"
    # the scenario stays in the link after the filters have written theirs
    assert at.query_params["s_antal"] == "1" and at.query_params["s_fran"] == "2017-06-16"
    at.number_input(key="s_antal").set_value(0).run()
    assert "s_antal" not in at.query_params
    assert _metric(at, "Scenariots effekt") == f"0{NBSP}kr"


def test_places_lever_from_a_link(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from tests.queries.test_scenario import FALL

    db = import_tables(tmp_path, FALL, "2017-08-31")
    lank = {"fran": "2017-05-01", "till": "2017-08-31", "kommun": "0182"}
    lank |= {"s_platser": "2", "s_platser_form": "HVB", "s_platser_fran": "2017-06-16"}
    at = _oppna(tmp_path, db, monkeypatch, **lank)
    assert not at.exception and not at.error
    # tests/queries/test_scenario.py: -12 000 - 124 000 - 124 000 = -260 000
    assert _metric(at, "Scenariots effekt") == f"−260{NBSP}000{NBSP}kr"


def test_page_on_an_empty_database(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    db = import_tables(tmp_path, {}, "2024-06-30")
    at = _oppna(tmp_path, db, monkeypatch)
    assert not at.exception and not at.error
    # the default period has its twelve months, all without compensation: zero, not a failure
    assert _metric(at, "Förväntad") == f"0{NBSP}kr"
