"""Charts that say what their titles say: each test builds a small frame by hand with the
catalogue's column names and checks the figure's data and layout against hand-worked values.
"""

from __future__ import annotations

import math

import plotly.graph_objects as go
import polars as pl
import pytest

from charts import alder, belaggning, ekonomi, kommun

NBSP = "\u00a0"


def _matris(rader: list[tuple[str, str, str, str, int]]) -> pl.DataFrame:
    """A `kommunoverskridande_matris` frame from (ansvarig, namn, vistelse, namn, antal)."""
    kolumner = ["ansvarig_kommun", "ansvarig_namn", "vistelsekommun", "vistelse_namn", "antal"]
    return pl.DataFrame(rader, schema=kolumner, orient="row")


def _notering(fig: go.Figure) -> str:
    """The note above the plot as one line (it is wrapped with `<br>` to fit a phone)."""
    return str(fig.layout.title.text).replace("<br>", " ")


def _enheter(antal: int) -> pl.DataFrame:
    """`belaggning_enhet` for `antal` units over two months; unit i has i vacant days a month.

    Unit e01 has 1 + 1 = 2 vacant place-days, e30 has 30 + 30 = 60; each costs 100 kr a day.
    """
    rader = []
    for i in range(1, antal + 1):
        for manad in ("2024-01", "2024-02"):
            rader.append((f"e{i:02d}", f"Enhet {i:02d}", "HVB", manad, 100, 100 - i, i, i * 100.0))
    kolumner = [
        "enhet_id",
        "enhet_namn",
        "boendeform",
        "manad",
        "platsdygn",
        "vardygn",
        "lediga_platsdygn",
        "kostnad_lediga_kr",
    ]
    df = pl.DataFrame(rader, schema=kolumner, orient="row")
    return df.with_columns(belaggning=pl.col("vardygn") / pl.col("platsdygn"))


def test_sankey_visar_bara_kommunoverskridande_floden_och_sager_hur_manga_som_inte_visas() -> None:
    df = _matris(
        [
            ("0180", "Stockholm", "0182", "Nacka", 4),
            ("0182", "Nacka", "0182", "Nacka", 50),
            ("0182", "Nacka", "0181", "Södertälje", 2),
        ]
    )
    fig = kommun.flode(df)
    sankey = fig.data[0]
    # the own-municipality band Nacka → Nacka (50) is left out: 4 + 2 = 6 persons remain
    assert list(sankey.link.value) == [4, 2]
    # nodes by size: left Stockholm (4) = 0, Nacka (2) = 1; right Nacka (4) = 2, Södertälje = 3
    assert list(sankey.node.label) == ["Stockholm", "Nacka", "Nacka", "Södertälje"]
    assert list(sankey.link.source) == [0, 1]
    assert list(sankey.link.target) == [2, 3]
    assert "50 personer som bor i sin ansvariga kommun visas inte" in _notering(fig)


def test_sankey_utan_kommunoverskridande_floden_sager_det() -> None:
    fig = kommun.flode(_matris([("0182", "Nacka", "0182", "Nacka", 7)]))
    assert not fig.data
    text = fig.layout.annotations[0].text
    assert text.startswith("Inga kommunöverskridande placeringar")
    assert "7 personer som bor i sin ansvariga kommun" in text


def test_per_kommun_sida_vid_sida_delar_en_skala() -> None:
    def riktning(antal: list[int]) -> pl.DataFrame:
        return pl.DataFrame(
            {
                "riktning": ["placerade_hos_oss"] * len(antal),
                "kommun": [f"01{i:02d}" for i in range(len(antal))],
                "kommun_namn": [f"Kommun {i}" for i in range(len(antal))],
                "samma_lan": [True] * len(antal),
                "antal": antal,
            }
        )

    hos_oss, i_andra = riktning([10, 4]), riktning([3])
    # the page passes the larger maximum of the two: max(10, 3) = 10, drawn with 5 % headroom
    xmax = 10
    for df in (hos_oss, i_andra):
        assert list(kommun.per_kommun(df, "tomt", xmax=xmax).layout.xaxis.range) == [0, 10.5]


def test_varmekarta_manad_utan_platser_ar_gra_inte_noll() -> None:
    df = _enheter(1).with_columns(
        # February without contracted places: no place-days, no occupancy
        platsdygn=pl.when(pl.col("manad") == "2024-02").then(0).otherwise(pl.col("platsdygn")),
        belaggning=pl.when(pl.col("manad") == "2024-02").then(None).otherwise(pl.col("belaggning")),
    )
    fig = belaggning.varmekarta(df)
    karta = fig.data[0]
    # January 99 / 100 = 99 %; February has no cell value, so the background shows through
    assert list(karta.text[0]) == ["99" + NBSP + "%", "–"]
    assert math.isnan(karta.z[0][1])
    noll_farg = karta.colorscale[0][1]
    bakgrund = fig.layout.plot_bgcolor or fig.layout.template.layout.plot_bgcolor
    assert _rgb(bakgrund) != _rgb(noll_farg)
    assert "inga avtalade platser" in _notering(fig)


def _rgb(farg: str) -> str:
    """Plotly's colour names and hex codes in one form, to compare them."""
    return {"white": "#ffffff"}.get(farg.lower(), farg.lower())


def test_varmekarta_och_lediga_visar_de_25_enheterna_med_flest_lediga_platsdygn() -> None:
    df = _enheter(30)
    karta = belaggning.varmekarta(df)
    # units e06 … e30 have the most vacant days (12 … 60); e30 (60) on top, i.e. last
    assert len(karta.data[0].y) == 25
    assert list(karta.layout.yaxis.categoryarray)[-1] == "e30"
    assert list(karta.layout.yaxis.categoryarray)[0] == "e06"
    # 30 − 25 = 5 units are only in the table and the download
    assert "Ytterligare 5 enheter finns i tabellen och i nedladdningen" in _notering(karta)
    lediga = belaggning.lediga_platsdygn(df)
    assert sum(len(t.y) for t in lediga.data) == 25
    assert "Ytterligare 5 enheter" in _notering(lediga)


def test_ritade_rader_ar_kartans_enheters_rader_i_tabellens_ordning() -> None:
    # 30 units over two months: e06 … e30 have the most vacant days (12 … 60), so the heat
    # map's 25 units are those; their 2 × 25 = 50 rows, in the frame's order (e06 first)
    rader = belaggning.ritade_rader(_enheter(30))
    assert rader.height == 50
    assert rader["enhet_id"].unique(maintain_order=True).to_list() == [
        f"e{i:02d}" for i in range(6, 31)
    ]
    # with topp=2: e30 and e29, still in the frame's order
    assert belaggning.ritade_rader(_enheter(30), topp=2)["enhet_id"].to_list() == [
        "e29", "e29", "e30", "e30"
    ]  # fmt: skip


def test_varmekarta_med_tusentals_enheter_har_lasbar_hojd() -> None:
    # 2 250 units drew a figure of about 2 250 × 28 = 63 000 px; 25 rows fit in 1 000 px
    assert belaggning.varmekarta(_enheter(2250)).layout.height < 1000


def test_lediga_platsdygn_visar_kostnaden_och_en_teckenforklaring() -> None:
    df = pl.concat(
        [
            _enheter(2),
            _enheter(1).with_columns(enhet_id=pl.lit("s1"), boendeform=pl.lit("stodboende")),
        ]
    )
    fig = belaggning.lediga_platsdygn(df)
    assert [t.name for t in fig.data] == ["HVB", "Stödboende"]
    assert all(t.showlegend is not False for t in fig.data)
    hvb = fig.data[0]
    # e02: 2 + 2 = 4 vacant days costing 200 + 200 = 400 kr; e01: 2 days, 100 + 100 = 200 kr
    assert list(hvb.x) == [4, 2]
    assert [rad[2] for rad in hvb.customdata] == [400.0, 200.0]
    assert hvb.texttemplate == "%{customdata[2]:,.0f}" + NBSP + "kr"


def test_alderspyramid_flickornas_sida_har_etiketter() -> None:
    # girls at most 14, boys 75: the axis must reach −75 too, so the ticks −20, −40, −60 show
    df = pl.DataFrame({"alder": [18, 18], "kon": ["K", "M"], "antal": [14, 75]})
    axel = alder.alderspyramid(df).layout.xaxis
    assert axel.range[0] == -axel.range[1]
    assert axel.range[0] <= -60


def test_alderspyramid_svenska_tusental() -> None:
    # largest bar 3 000: step 1 000 gives three ticks a side, written with a space
    df = pl.DataFrame({"alder": [17, 17], "kon": ["K", "M"], "antal": [2500, 3000]})
    axel = alder.alderspyramid(df).layout.xaxis
    assert list(axel.ticktext)[:3] == ["3" + NBSP + "000", "2" + NBSP + "000", "1" + NBSP + "000"]


KATEGORI = pl.DataFrame(
    {
        "typ": ["kostnad", "intakt"],
        "kategori": ["HVB", "statlig_ersattning"],
        "utfall_kr": [1_200_000.0, 1_037_520.0],
        "budget_kr": [1_000_000.0, 1_000_000.0],
        "avvikelse_kr": [-200_000.0, 37_520.0],
    }
)


def test_vattenfall_har_teckenforklaring_och_varden_pa_staplarna() -> None:
    fig = ekonomi.vattenfall(KATEGORI)
    # budget 1 000 000 − 1 000 000 = 0; steps −200 000 and +37 520; outcome −162 480
    kr = NBSP + "kr"
    # the values stand in a column beside the bars, one per bar in the bars' order
    assert [a.y for a in fig.layout.annotations] == list(fig.data[0].y)
    assert [a.text for a in fig.layout.annotations] == [
        "0" + kr,
        "−200" + NBSP + "000" + kr,
        "+37" + NBSP + "520" + kr,
        "−162" + NBSP + "480" + kr,
    ]
    legend = [t.name for t in fig.data if t.showlegend is not False and t.name]
    assert legend == ["Bättre än budget", "Sämre än budget", "Balans (budget och utfall)"]


FORM = pl.DataFrame(
    {
        "boendeform": ["HVB", "HVB"],
        "manad": ["2024-01", "2024-02"],
        "platsdygn": [310, 290],
        "vardygn": [300, 250],
        "belaggning": [300 / 310, 250 / 290],
    }
)


def test_vardygn_per_boendeform_sager_att_familjehem_saknas() -> None:
    fig = belaggning.vardygn_mot_platser(FORM)
    assert "Familjehem och andra boendeformer utan avtalade platser" in _notering(fig)


def test_vardygn_per_boendeform_visar_familjehem_separat() -> None:
    # vardygn_utan_platser: one row per boendeform and month (two family homes in January,
    # 31 + 20 = 51 care-days; one in February, 29)
    utan = pl.DataFrame(
        {
            "manad": ["2024-01", "2024-02"],
            "boendeform": ["familjehem", "familjehem"],
            "vardygn": [51, 29],
        }
    )
    fig = belaggning.vardygn_mot_platser(FORM, utan_platser=utan)
    linje = next(t for t in fig.data if t.name == "Familjehem (utan avtalade platser)")
    # drawn as a line of its own, not stacked with the bars
    assert list(linje.y) == [51, 29]
    assert linje.type == "scatter"


@pytest.mark.parametrize("bredd", [None, 0])
def test_per_kommun_utan_xmax_skalar_sjalv(bredd: float | None) -> None:
    df = pl.DataFrame(
        {"kommun": ["0180"], "kommun_namn": ["Stockholm"], "samma_lan": [True], "antal": [3]}
    )
    assert kommun.per_kommun(df, "tomt", xmax=bredd).layout.xaxis.range is None


def test_gemensam_skala_ar_langsta_stapeln_i_bada_riktningarna() -> None:
    hos_oss = pl.DataFrame({"kommun": ["0180", "0180", "0181"], "antal": [3, 2, 4]})
    i_andra = pl.DataFrame({"kommun": ["0182"], "antal": [4]})
    # Stockholm's bar in the first frame is 3 + 2 = 5, longer than 4 in either frame
    assert kommun.gemensam_skala(hos_oss, i_andra) == 5
    assert kommun.gemensam_skala(hos_oss.head(0), i_andra.head(0)) == 0


def test_vardygn_per_boendeform_manad_utan_platser_har_ingen_belaggning() -> None:
    df = pl.concat(
        [
            FORM,
            pl.DataFrame(
                {
                    "boendeform": ["stodboende"],
                    "manad": ["2024-02"],
                    "platsdygn": [58],
                    "vardygn": [29],
                    "belaggning": [29 / 58],
                }
            ),
        ]
    )
    fig = belaggning.vardygn_mot_platser(df)
    stod = next(t for t in fig.data if t.name == "Stödboende")
    # January: no contracted stödboende places, so no occupancy ("–", not 0 %);
    # February 29 / 58 = 50,0 %
    assert [rad[1] for rad in stod.customdata] == ["–", "50,0" + NBSP + "%"]
    assert list(stod.y) == [0, 29]


def test_maskerade_kommuner_far_etiketten_mindre_an_fem() -> None:
    # the protected view masked Örebro's 2: no value, so no bar; the label says <5 instead
    df = pl.DataFrame(
        {
            "kommun": ["0180", "1880"],
            "kommun_namn": ["Stockholm", "Örebro"],
            "samma_lan": [True, False],
            "antal": [12, None],
            "antal_maskerad": [False, True],
        }
    )
    fig = kommun.per_kommun(df, "tomt")
    assert [(a.y, a.text) for a in fig.layout.annotations if a.text == "&lt;5"] == [
        ("Örebro", "&lt;5")
    ]
