"""The first screen: a newcomer on Översikt reads what the product is, whose data it shows
(the data owner by name, the extraction date) and what Rapportdatum and Perspektivkommun
mean; the sidebar's fields explain themselves too.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from tests.ui.test_presentation import TABELLER

D = "2024-03-31"


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from tests.helpers.importera import import_tables

    return import_tables(tmp_path_factory.mktemp("forsta"), TABELLER, D)


def oskyddad(text: str) -> str:
    return re.sub(r"\\(.)", r"\1", text)


def test_oversikt_sager_vad_det_ar_och_vems_data(db: Path, oppna: Callable[..., AppTest]) -> None:
    at = oppna(db, "oversikt", query={"datum": "2024-02-29"})
    assert not at.exception
    # the first Markdown under the title; Nacka has 7 of the 20 anvisningar, the most: the
    # data owner; the export was taken out on 31 March 2024
    forsta = oskyddad(at.markdown[0].value)
    assert "ensamkommande barn och unga i kommunens vård" in forsta
    assert "bygger på **Nackas** egen export med uttagsdatum **31 mar 2024**" in forsta
    forklaring = oskyddad(at.caption[0].value)
    assert "**Rapportdatum** (29 feb 2024) är dagen som lägesbilden avser" in forklaring
    assert "**Perspektivkommun** (Nacka (0182)) är kommunen som siffrorna ses från" in forklaring


def test_filtren_har_hjalptexter(db: Path, oppna: Callable[..., AppTest]) -> None:
    at = oppna(db, "oversikt")
    assert "lägesbilden" in (at.date_input(key="datum").help or "")
    assert "siffrorna ses från" in (at.selectbox(key="kommun").help or "")
    assert all(m.help for m in at.sidebar.multiselect)
    assert at.toggle(key="presentationslage").label == "Presentationsläge"


def test_reglaget_slar_pa_presentationslaget(db: Path, oppna: Callable[..., AppTest]) -> None:
    at = oppna(db, "oversikt", query={"datum": "2024-02-29"})
    at.toggle(key="presentationslage").set_value(True).run()
    assert not at.exception
    assert at.query_params["visning"] == "presentation"
    assert [b.label for b in at.button] == ["Avsluta presentation"]
    assert not at.sidebar.date_input and not at.get("download_button")
    # the filter chosen before stays: the overview still speaks of 29 February
    assert any("Den 29 feb 2024 var" in m.value for m in at.markdown)
    at.button(key="avsluta_presentation").click().run()
    assert "visning" not in at.query_params
    assert at.date_input(key="datum").value == date(2024, 2, 29)
