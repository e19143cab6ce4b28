"""The sidebar filters live in the URL: a link sets them, a change is written back, and
they survive moving to another page.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from streamlit.testing.v1 import AppTest

Oppna = Callable[..., AppTest]


def test_lank_satter_filtren(oppna: Oppna, tom_db: Path) -> None:
    at = oppna(tom_db, query={"datum": "2024-03-31", "kommun": "0180", "boendeform": "HVB"})
    assert at.date_input(key="datum").value == date(2024, 3, 31)
    assert at.selectbox(key="kommun").value == "0180"
    assert at.multiselect(key="boendeform").value == ["HVB"]


def test_ogiltiga_varden_i_lanken_ignoreras(oppna: Oppna, tom_db: Path) -> None:
    at = oppna(
        tom_db,
        query={
            "datum": "inte-ett-datum",
            "fran": "1899-01-01",
            "kommun": "9999",
            "boendeform": "slott",
        },
    )
    assert not at.exception
    assert at.date_input(key="fran").value == date(2023, 7, 1)
    # the empty database's extraction date is the default reporting date
    assert at.date_input(key="datum").value == date(2024, 6, 30)
    assert at.multiselect(key="boendeform").value == []


def test_standardperiod_ar_tolv_manader_till_uttagsdatum(oppna: Oppna, tom_db: Path) -> None:
    at = oppna(tom_db)
    # extraction date 2024-06-30: twelve whole months back is 2023-07-01
    assert at.date_input(key="fran").value == date(2023, 7, 1)
    assert at.date_input(key="till").value == date(2024, 6, 30)


def test_andrat_filter_skrivs_till_url_och_foljer_med_till_annan_sida(
    oppna: Oppna, tom_db: Path
) -> None:
    at = oppna(tom_db)
    at.multiselect(key="regi").set_value(["egen", "upphandlad"]).run()
    at.date_input(key="datum").set_value(date(2024, 1, 15)).run()
    assert at.query_params["regi"] == ["egen", "upphandlad"]
    at.switch_page("pages/ekonomi.py").run()
    assert not at.exception
    assert at.multiselect(key="regi").value == ["egen", "upphandlad"]
    # bound date fields are written to the URL by the browser: tests/e2e checks that part
    assert at.date_input(key="datum").value == date(2024, 1, 15)


def test_djuplank_som_forsta_besok_gar_via_dashboard(oppna: Oppna, tom_db: Path) -> None:
    # AppTest starts like a fresh server: with a pages/ folder next to dashboard.py Streamlit
    # runs a page link in its legacy mode, without dashboard.py, until st.navigation runs
    at = oppna(tom_db, "belaggning", query={"boendeform": "HVB"})
    assert not at.exception
    assert [t.value for t in at.title] == ["Beläggning"]
    assert at.multiselect(key="boendeform").value == ["HVB"]
