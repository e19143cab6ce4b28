"""A chart leaves the page in Swedish and says what it is: the plotly config carries the
Swedish locale and names the PNG after the chart and its period; the figure itself carries
the title, the period and the demo label.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import plotly.graph_objects as go
import pytest
import streamlit

from charts.base import grundlayout, notering
from charts.bild import bildnamn, bildrubrik, periodtext, plotly_konfig
from charts.svenska import ORDBOK

NBSP = "\u00a0"


def _plotly_js() -> str:
    """The plotly.js that the installed Streamlit draws every chart with."""
    (fil,) = (Path(streamlit.__file__).parent / "static" / "static" / "js").glob("PlotlyChart.*.js")
    return fil.read_text(encoding="utf-8")


def test_varje_knapp_i_verktygsfaltet_har_en_svensk_text() -> None:
    # every button title plotly.js can show is looked up as `_(gd, 'Text')`; the bundle
    # writes these as title:function(e){return l(e,`Zoom`)}
    titlar = set(re.findall(r"title:function\(\w+\)\{return \w+\(\w+,`([^`]+)`\)", _plotly_js()))
    assert {"Zoom", "Autoscale", "Reset axes", "Pan"} <= titlar  # the pattern still finds them
    saknas = sorted(titlar - set(ORDBOK))
    assert not saknas, f"verktygsknappar utan svensk text: {saknas}"
    # the PNG button's title is a ternary, not a plain lookup: checked by its own key
    assert "`Download plot as a PNG`" in _plotly_js()


def test_varje_nyckel_i_ordboken_finns_i_streamlits_plotly() -> None:
    # plotly.js matches the exact English text: a key it never asks for would stay unused
    bundle = _plotly_js()
    oanvanda = sorted(k for k in ORDBOK if f"`{k}`" not in bundle)
    assert not oanvanda, f"texter som plotly.js inte använder: {oanvanda}"


def test_konfigurationen_ar_svensk_och_namnger_bilden() -> None:
    konfig = plotly_konfig("ekonomi_ack_2019-01-01_2019-06-30")
    assert konfig["locale"] == "sv"
    sv = konfig["locales"]["sv"]
    assert sv["dictionary"]["Download plot as a PNG"] == "Ladda ned som PNG"
    assert sv["dictionary"]["Autoscale"] == "Autoskala"
    # May is the fifth month, October the tenth; Monday is d3's day 1 (Sunday is 0)
    assert sv["format"]["months"][4] == "maj"
    assert sv["format"]["shortMonths"][9] == "okt"
    assert sv["format"]["days"][1] == "måndag"
    assert (sv["format"]["decimal"], sv["format"]["thousands"]) == (",", NBSP)
    assert konfig["toImageButtonOptions"] == {
        "format": "png",
        "filename": "ekonomi_ack_2019-01-01_2019-06-30",
        "scale": 2,
    }
    assert konfig["displaylogo"] is False


@pytest.mark.parametrize(
    ("namn", "params", "vantat"),
    [
        (
            "belaggning_karta",
            {"fran": date(2017, 1, 1), "till": date(2017, 12, 31), "regi": None},
            "belaggning_karta_2017-01-01_2017-12-31",
        ),
        (
            "alder_pyramid",
            {"datum": date(2017, 1, 30), "kommun": "0182"},
            "alder_pyramid_2017-01-30",
        ),
        # å, ä, ö lose their marks, anything else but letters, digits, _ and - becomes _
        ("ålder/kön öst", {"datum": date(2017, 1, 30)}, "alder_kon_ost_2017-01-30"),
        ("import", {}, "import"),
    ],
)
def test_bildnamnet_ar_diagrammet_och_perioden_i_ascii(
    namn: str, params: dict[str, object], vantat: str
) -> None:
    assert bildnamn(namn, params) == vantat


def test_perioden_eller_datumet_i_ord() -> None:
    assert periodtext({"fran": date(2017, 1, 1), "till": date(2017, 12, 31)}) == (
        "1 jan 2017–31 dec 2017"
    )
    assert periodtext({"datum": date(2017, 1, 30), "kommun": "0182"}) == "30 jan 2017"
    assert periodtext({"verksamhet": None}) == ""


def _figur() -> go.Figure:
    return grundlayout(go.Figure(go.Bar(x=["jan 2017"], y=[1])))


def test_rubriken_bar_titel_period_och_demomarkering() -> None:
    fig = bildrubrik(
        _figur(), "Beläggning per enhet och månad", period="1 jan 2017–31 dec 2017", demo=True
    )
    rader = fig.layout.title.text.split("<br>")
    assert len(rader) == 2
    assert "<b>Beläggning per enhet och månad</b>" in rader[0]
    assert "1 jan 2017–31 dec 2017 · Demodata – påhittade siffror" in rader[1]
    # grundlayout: height 380, top margin 40; one title line and one line under it at 19 px,
    # and 8 px below them: 2 × 19 + 8 = 46 → height 426, top margin 86
    assert (fig.layout.height, fig.layout.margin.t) == (426, 86)


def test_rubriken_utan_demo_och_utan_upprepad_period() -> None:
    titel = "Balans per verksamhet mot budget 1 jan 2024–31 dec 2024"
    fig = bildrubrik(_figur(), titel, period="1 jan 2024–31 dec 2024", demo=False)
    text = fig.layout.title.text
    assert "Demodata" not in text
    # the title says the period: no second line, and the period is kept on one line
    assert text.replace(NBSP, " ").count("1 jan 2024–31 dec 2024") == 1
    assert "1\u00a0jan\u00a02024–31\u00a0dec\u00a02024" in text


def test_rubriken_ar_escapad_text() -> None:
    fig = bildrubrik(_figur(), "Enhet <a href='x'>A & B</a>", period="", demo=False)
    assert "&lt;a href='x'&gt;A &amp; B&lt;/a&gt;" in fig.layout.title.text
    assert "<a " not in fig.layout.title.text


def test_rubriken_star_fore_noteringen_och_ger_den_plats() -> None:
    # a 70-character note wraps into two lines of at most 58: 2 × 17 + 8 = 42 px added by
    # notering → height 422, margin 82
    anteckning = "Bara boendeformer med avtalade platser. Familjehem visas inte här alls."
    fig = notering(_figur(), anteckning)
    assert (fig.layout.height, fig.layout.margin.t) == (422, 82)
    fig = bildrubrik(fig, "Vårddygn", period="1 jan 2017–31 dec 2017", demo=False)
    rader = fig.layout.title.text.split("<br>")
    assert "<b>Vårddygn</b>" in rader[0]
    assert "1 jan 2017–31 dec 2017" in rader[1]
    assert " ".join(re.sub(r"<[^>]+>", "", r) for r in rader[2:]) == anteckning
    # two heading lines at 19 px, and the note's two lines grow from 17 to 19 px: 38 + 4 = 42
    assert (fig.layout.height, fig.layout.margin.t) == (464, 124)


def test_manga_legendposter_ger_diagrammet_hojd_for_sina_rader() -> None:
    # a phone gives every long legend entry its own row below the plot: three fit in the
    # default 380 px, each one more adds a 20 px row. Eight named bars: 380 + 5 × 20 = 480;
    # three: 380; a trace without a name (no legend entry) does not count.
    atta = go.Figure([go.Bar(x=["a"], y=[1], name=f"Form {i}") for i in range(8)])
    assert grundlayout(atta).layout.height == 480
    tre = go.Figure([go.Bar(x=["a"], y=[1], name=f"Form {i}") for i in range(3)])
    tre.add_bar(x=["a"], y=[1])
    assert grundlayout(tre).layout.height == 380
