"""The pure chart functions: same colour for the same boendeform everywhere, Swedish
separators, hand-summed series, and a plain message instead of an empty chart.
"""

from __future__ import annotations

import polars as pl
import pytest

from charts import alder, belaggning, ekonomi, kommun
from charts.palette import BOENDEFORM_FARG, OKABE_ITO

FORM = pl.DataFrame(
    {
        "boendeform": ["HVB", "HVB", "stodboende", "stodboende"],
        "manad": ["2024-01", "2024-02", "2024-01", "2024-02"],
        "platsdygn": [310, 290, 93, 87],
        "vardygn": [300, 250, 60, 87],
        "belaggning": [300 / 310, 250 / 290, 60 / 93, 1.0],
        "lediga_platsdygn": [10, 40, 33, 0],
        "kostnad_lediga_kr": [20000.0, 80000.0, 29700.0, 0.0],
    }
)


def test_platsdygn_linjen_kommer_fran_figuren_med_manadssummor() -> None:
    # belaggning_manad_totalt's place-days per month: jan 310 + 93 = 403, feb 290 + 87 = 377
    totalt = pl.DataFrame({"manad": ["2024-01", "2024-02"], "platsdygn": [403, 377]})
    fig = belaggning.vardygn_mot_platser(FORM, totalt=totalt)
    linje = next(t for t in fig.data if t.type == "scatter")
    assert list(linje.y) == [403, 377]
    assert list(linje.x) == ["jan 2024", "feb 2024"]


def test_diagrammet_raknar_inte_ut_belaggning_sjalv() -> None:
    # per-unit rows (two rows for one boendeform and month) would need a sum and a ratio:
    # the chart refuses them instead of computing occupancy outside the metric layer
    enheter = pl.concat([FORM.head(1), FORM.head(1)])
    with pytest.raises(ValueError, match="en rad per månad"):
        belaggning.vardygn_mot_platser(enheter)


def test_samma_farg_for_samma_boendeform_i_alla_diagram() -> None:
    fig = belaggning.vardygn_mot_platser(FORM.filter(pl.col("boendeform") == "stodboende"))
    stapel = next(t for t in fig.data if t.type == "bar")
    assert stapel.marker.color == BOENDEFORM_FARG["stodboende"]
    enhet = FORM.with_columns(enhet_id=pl.lit("e1"), enhet_namn=pl.col("boendeform"))
    lediga = belaggning.lediga_platsdygn(enhet)
    assert BOENDEFORM_FARG["stodboende"] in [t.marker.color for t in lediga.data]


def test_paletten_ar_okabe_ito_och_unik_per_boendeform() -> None:
    farger = list(BOENDEFORM_FARG.values())
    assert len(set(farger)) == len(farger)
    assert all(f in OKABE_ITO or f == "#999999" for f in farger)


def test_svenska_separatorer() -> None:
    assert belaggning.vardygn_mot_platser(FORM).layout.separators == ",\u00a0"


def test_tom_data_ger_meddelande_i_stallet_for_diagram() -> None:
    fig = belaggning.varmekarta(FORM.head(0))
    assert fig.layout.annotations[0].text.startswith("Inga data")
    assert not fig.data


def test_alderspyramid_flickor_till_vanster() -> None:
    df = pl.DataFrame({"alder": [16, 16, 17], "kon": ["K", "M", "M"], "antal": [3, 5, 2]})
    fig = alder.alderspyramid(df)
    flickor = next(t for t in fig.data if t.name == "Flickor/kvinnor")
    assert list(flickor.x) == [-3]
    assert list(flickor.customdata) == [3]


def test_alderspyramid_har_runda_symmetriska_axeletiketter() -> None:
    # the largest bar is 75 boys aged 18: a round step of 20 gives at most four ticks a side,
    # symmetric about 0 and labelled without sign
    df = pl.DataFrame({"alder": [18, 18], "kon": ["K", "M"], "antal": [14, 75]})
    axel = alder.alderspyramid(df).layout.xaxis
    assert list(axel.tickvals) == [-60, -40, -20, 0, 20, 40, 60]
    assert list(axel.ticktext) == ["60", "40", "20", "0", "20", "40", "60"]


def test_vattenfall_gar_fran_budget_till_utfall() -> None:
    df = pl.DataFrame(
        {
            "typ": ["kostnad", "intakt"],
            "kategori": ["HVB", "statlig_ersattning"],
            "utfall_kr": [1_200_000.0, 900_000.0],
            "budget_kr": [1_000_000.0, 1_000_000.0],
            "avvikelse_kr": [-200_000.0, -100_000.0],
        }
    )
    steg = ekonomi.vattenfall(df).data[0]
    # budget balance 1 000 000 − 1 000 000 = 0; outcome 0 − 200 000 − 100 000 = −300 000
    # (the waterfall lies down: amounts on x)
    assert steg.x[0] == 0
    assert steg.x[-1] == -300_000


def test_sankey_lankar_ansvarig_till_vistelsekommun() -> None:
    df = pl.DataFrame(
        {
            "ansvarig_kommun": ["0180", "0182"],
            "ansvarig_namn": ["Stockholm", "Nacka"],
            "vistelsekommun": ["0182", "0181"],
            "vistelse_namn": ["Nacka", "Södertälje"],
            "antal": [4, 2],
        }
    )
    lank = kommun.flode(df).data[0].link
    # nodes by size of their flows: left Stockholm (4) = 0, Nacka (2) = 1;
    # right Nacka (4) = 2, Södertälje (2) = 3
    assert list(lank.source) == [0, 1]
    assert list(lank.target) == [2, 3]
    assert list(lank.value) == [4, 2]


def test_tabellvy_med_kod_och_namn_far_unika_rubriker() -> None:
    from ui.tabell import tabellvy

    df = pl.DataFrame({"kommun": ["0180"], "kommun_namn": ["Stockholm"], "belaggning": [0.365]})
    vy = tabellvy(df)
    assert vy.columns == ["Kommun (kod)", "Kommun", "Beläggning (%)"]
    # the share stays a number so the table sorts it; the column's format shows 36,5 %
    assert vy.row(0) == ("0180", "Stockholm", 0.365)


@pytest.mark.parametrize(
    ("kod", "typ", "text"),
    [
        ("HVB", "kostnad", "HVB (kostnad)"),
        ("statlig_ersattning", "intakt", "Statlig ersättning (intäkt)"),
        ("ekonomiskt_bistand", "kostnad", "Ekonomiskt bistånd (kostnad)"),
        ("ovriga_intakter", "intakt", "Övriga intäkter (intäkt)"),
        ("stodboende", "kostnad", "Stödboende (kostnad)"),
        # unknown code: underscores become spaces, first letter capital, no å/ä/ö guessed
        ("ny_kostnad_lss", "kostnad", "Ny kostnad lss (kostnad)"),
    ],
)
def test_kategorier_har_svenska_namn(kod: str, typ: str, text: str) -> None:
    assert ekonomi.kategorietikett(kod, typ) == text


def test_kategoridiagram_och_tabell_visar_svenska_namn() -> None:
    from ui.tabell import tabellvy

    df = pl.DataFrame(
        {
            "typ": ["kostnad", "intakt"],
            "kategori": ["god_man", "statlig_ersattning"],
            "utfall_kr": [100.0, 300.0],
            "budget_kr": [200.0, 300.0],
            "avvikelse_kr": [100.0, 0.0],
        }
    )
    # sorted by utfall: god man (100) before statlig ersättning (300)
    assert list(ekonomi.kategorier(df).data[0].y) == [
        "God man (kostnad)",
        "Statlig ersättning (intäkt)",
    ]
    vy = tabellvy(df)
    assert vy["Kategori"].to_list() == ["God man", "Statlig ersättning"]
    assert vy["Typ"].to_list() == ["Kostnad", "Intäkt"]


def test_prognoslinjen_borjar_vid_senaste_manad_med_utfall() -> None:
    # outcome known through March (extraction month); April has budget only (outcome NULL).
    # The forecast line must start at March's year-to-date balance −60 000 and end in
    # December at March's budget-method forecast −60 000 + 9 × 0 = −60 000.
    df = pl.DataFrame(
        {
            "manad": ["2024-03", "2024-04"],
            "ack_balans": [-60_000.0, None],
            "ack_budget_balans": [0.0, 0.0],
            "prognos_budget_balans": [-60_000.0, -60_000.0],
            "prognos_takt_balans": [-240_000.0, -240_000.0],
            # budgetbalans flags the last month with outcome (a data rule, not the chart's)
            "senaste_utfall": [True, False],
        }
    )
    fig = ekonomi.ackumulerad_balans(df, "budget")
    prognos = next(t for t in fig.data if t.name.startswith("Prognos"))
    assert list(prognos.x) == ["mar 2024", "dec 2024"]
    assert list(prognos.y) == [-60_000.0, -60_000.0]
