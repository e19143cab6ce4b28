"""No widget state, link or unexpected fault shows a traceback; misspelt parameters raise."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

import ui.figurer
from ui.filters import Filter, OkandParameter

Oppna = Callable[..., AppTest]


def test_tomt_rapportdatum_faller_tillbaka_med_svenskt_besked(oppna: Oppna, tom_db: Path) -> None:
    at = oppna(tom_db)
    at.date_input(key="datum").set_value(None).run()
    assert not at.exception
    assert any("Rapportdatum saknar datum" in i.value for i in at.info)
    # the empty database's extraction date 2024-06-30 is the default reporting date
    assert "30 jun 2024" in at.caption[0].value


def test_period_i_fel_ordning_vands_med_besked(oppna: Oppna, tom_db: Path) -> None:
    at = oppna(tom_db, query={"fran": "2024-05-31", "till": "2024-02-01"})
    assert not at.exception
    assert any("omvänd ordning" in i.value for i in at.info)


def test_ovantat_fel_ger_svenskt_besked_och_logg(
    oppna: Oppna, tom_db: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    verklig = ui.figurer._skydda

    def trasig(namn: str, df):
        if namn in ("dataomfang", "ekonomi_verksamhet", "import_logg"):
            return verklig(namn, df)
        raise RuntimeError("planterat fel")

    monkeypatch.setattr(ui.figurer, "_skydda", trasig)
    with caplog.at_level(logging.ERROR, logger="ekb"):
        at = oppna(tom_db, "alder_och_kon")
    assert not at.exception
    assert "Något oväntat gick fel" in at.error[0].value
    assert "planterat fel" not in at.error[0].value
    assert "planterat fel" in caplog.text


def test_vistelsekommun_fran_lanken_nar_figurerna(oppna: Oppna, tom_db: Path) -> None:
    at = oppna(tom_db, query={"vistelsekommun": ["0180", "9999"]})
    assert not at.exception
    # 9999 is no kommunkod: dropped, the known one kept
    assert at.multiselect(key="vistelsekommun").value == ["0180"]


def test_filter_ger_vistelsekommun_och_vagrar_okand_parameter() -> None:
    f = Filter(
        fran=date(2017, 1, 1), till=date(2017, 12, 31), datum=date(2017, 6, 30), kommun="0182"
    )
    med = Filter(**{**f.__dict__, "vistelsekommun": ("0180",)})
    assert med.for_figur("alder_kon")["vistelsekommun"] == ["0180"]
    assert f.for_figur("alder_kon")["vistelsekommun"] is None
    assert f.for_figur("alder_kon", datum=date(2017, 1, 30))["datum"] == date(2017, 1, 30)
    with pytest.raises(OkandParameter, match="datumm"):
        f.for_figur("alder_kon", datumm=date(2017, 1, 30))
