"""The Export and Data pages: downloads built on click, the printed command reproduces the
download, table views sort numbers as numbers, no unescaped toolbar download."""

from __future__ import annotations

import csv
import io
import os
import shlex
import subprocess
import sys
import tempfile
import tomllib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from streamlit.testing.v1 import AppTest

from data.demo import UTTAGSDATUM

ROT = Path(__file__).resolve().parents[2]
Oppna = Callable[..., AppTest]


def test_toolbar_download_is_off() -> None:
    config = tomllib.loads((ROT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert config["client"]["disableDataExport"] is True


def test_export_command_reproduces_the_download(
    oppna: Oppna, demo_db: Path, nedladdningar: dict[str, Any], tmp_path: Path
) -> None:
    at = oppna(
        demo_db,
        "export",
        query={"fran": "2019-01-01", "till": "2019-12-31", "boendeform": ["HVB", "stodboende"]},
    )
    valj = at.selectbox(key="figur")
    # the list shows titles, not internal names
    assert "Beläggning, lediga platsdygn och deras kostnad per enhet och månad" in valj.options
    assert "belaggning_enhet" not in valj.options
    valj.set_value("belaggning_enhet").run()
    assert not at.exception
    filnamn = "belaggning_enhet_2019-01-01_2019-12-31.csv"
    # the page hands Streamlit a function: the bytes are built only on a click
    assert callable(nedladdningar[filnamn])
    assert callable(nedladdningar[filnamn.replace(".csv", ".xlsx")])
    sidans = nedladdningar[filnamn]()
    kommando = next(c.value for c in at.code if "python -m queries export" in c.value)
    assert "--boendeform=HVB --boendeform=stodboende" in kommando
    assert f"--db {demo_db}" in kommando and f"--out {filnamn}" in kommando
    argv = shlex.split(kommando)
    assert argv[0] == "python"
    miljo = {**os.environ, "PYTHONPATH": str(ROT)}
    subprocess.run([sys.executable, *argv[1:]], cwd=tmp_path, env=miljo, check=True, timeout=120)
    assert (tmp_path / filnamn).read_bytes() == sidans
    # the page's workbook: text as shown, and what a reader needs to trust it
    bok = load_workbook(io.BytesIO(nedladdningar[filnamn.replace(".csv", ".xlsx")]()))
    assert bok.sheetnames == ["belaggning_enhet", "Om datan"]
    om = {rad[0]: rad[1] for rad in bok["Om datan"].iter_rows(values_only=True)}
    assert om["Titel"] == "Beläggning, lediga platsdygn och deras kostnad per enhet och månad"
    assert om["Period"] == "2019-01-01 – 2019-12-31"
    assert om["Filter: Boendeform"] == "HVB, Stödboende"
    assert om["Filter: Regi"] == "Alla (inget filter)"
    # the demo generator imports with its extraction date and the demo flag
    assert om["Uttagsdatum"] == str(UTTAGSDATUM) and om["Demodata"].startswith("Ja")
    assert "Beläggning" in om["Definition"]
    # and the filter did narrow it: only HVB and Stödboende units
    rader = list(csv.DictReader(sidans.decode("utf-8-sig").splitlines(), delimiter=";"))
    assert rader and {r["Boendeform (kod)"] for r in rader} <= {"HVB", "stodboende"}


def test_export_figure_is_in_the_url(oppna: Oppna, demo_db: Path) -> None:
    titel = "Personer i vård per åldersgrupp och kön på datumet"
    at = oppna(demo_db, "export", query={"figur": titel})
    assert at.selectbox(key="figur").value == "alder_kon"
    assert at.selectbox(key="figur").proto.query_param_key == "figur"


def test_data_page_sorts_rows_read_as_numbers(oppna: Oppna, demo_db: Path) -> None:
    from data.demo import generate

    # the rows in each file of the demo export, counted here from the files themselves
    with tempfile.TemporaryDirectory() as mapp:
        generate(Path(mapp), 2017)
        # (files are in UTF-8 or cp1252 as municipalities send them: count lines as bytes)
        lasta = {
            fil.stem: sum(1 for rad in fil.read_bytes().splitlines() if rad.strip(b";, \t")) - 1
            for fil in Path(mapp).glob("*.csv")
        }
    at = oppna(demo_db, "data")
    assert not at.exception
    tabell = next(d.value for d in at.dataframe if "Rader lästa (antal)" in d.value.columns)
    kolumn = tabell["Rader lästa (antal)"]
    assert kolumn.dtype.kind in "iu"
    # numeric order: 14, 108, 1 073, 1 897 …, not "1 073", "1 897", "108", "14"
    assert kolumn.sort_values().tolist() == sorted(lasta.values())


def _diagram_med_titel_fran_datan() -> None:
    import plotly.graph_objects as go
    import polars as pl

    from ui.components import diagram

    df = pl.DataFrame({"aldersgrupp": ["18-20"], "kon": ["M"], "antal": [1]})
    params = {"datum": "2019-06-30", "kommun": "0182"}
    diagram(
        "Enhet ![x](http://127.0.0.1:8632/b.png)", go.Figure(), df, "alder_kon", "k", params=params
    )


def test_chart_title_from_the_data_is_escaped(
    demo_db: Path, monkeypatch: pytest.MonkeyPatch, nedladdningar: dict[str, Any]
) -> None:
    monkeypatch.setenv("EKB_DB", str(demo_db))
    at = AppTest.from_function(_diagram_med_titel_fran_datan, default_timeout=60).run()
    assert not at.exception
    rubrik = at.markdown[0].value
    assert rubrik.startswith("#### Enhet")
    assert "![x](" not in rubrik and r"\!\[x\]\(" in rubrik
    # the file name carries the date the figure was fetched for, given as `params`
    assert "alder_kon_2019-06-30.xlsx" in nedladdningar
