"""The generated sentences of the presentation mode, on small frames built by hand in the
shape `queries.skydd.skydda` gives them (a masked cell is null, with its `_maskerad` flag).

The pages' test (`tests/ui/test_presentation.py`) runs most sentences on a real database;
these cover the branches that database does not reach: a largest group beside masked ones,
forecasts, compensation and a masked share.
"""

from __future__ import annotations

from datetime import date

import polars as pl

from report import ekonomimeningar as em
from report import figurmeningar as fm
from report import meningar

NBSP = "\u00a0"
K = fm.Kontext(
    datum=date(2024, 3, 31),
    fran=date(2024, 1, 1),
    till=date(2024, 3, 31),
    kommun="Nacka",
    lan="Stockholms län",
    grans=5,
)
PERIOD = "Från 1 januari 2024 till 31 mars 2024"


def test_storsta_aldersgruppen_bland_de_redovisade() -> None:
    df = pl.DataFrame(
        {
            "manad": ["2024-02", "2024-03", "2024-03", "2024-03"],
            "aldersgrupp": ["14-17", "14-17", "14-17", "18-20"],
            "kon": ["M", "M", "K", "M"],
            "antal": [30, 12, None, 7],
            "antal_maskerad": [False, False, True, False],
        }
    )
    # February's 30 is not the last month; in March 12 > 7, and the girls' cell is masked
    assert fm.aldersgrupper(df, K) == (
        "I mars 2024 var pojkar och unga män 14–17 år den största gruppen i vård av dem som "
        "redovisas: 12 personer."
    )


def test_fodelsedagar_med_en_synlig_och_en_maskerad_alder() -> None:
    df = pl.DataFrame(
        {
            "manad": ["2024-05", "2024-08", "2024-06"],
            "fyller": [18, 18, 21],
            "antal": [6, 9, None],
            "antal_maskerad": [False, False, True],
        }
    )
    # 18: 9 in August beats 6 in May; 21: the one month is masked
    assert fm.fodelsedagar(df, K) == (
        "Under de 12 månaderna efter 31 mars 2024 fyller flest 18 år i augusti 2024 "
        "(9 personer), och de som fyller 21 år är för få för att redovisas per månad."
    )


def test_andel_med_maskerat_antal_skriver_inte_ut_det() -> None:
    df = pl.DataFrame(
        {
            "manad": ["2024-03", "2024-03"],
            "riktning": ["placerade_hos_oss", "vara_i_andra"],
            "antal": [None, 6],
            "totalt": [12, 24],
            "andel": [None, 0.25],
            "antal_maskerad": [True, False],
            "totalt_maskerad": [False, False],
            "andel_maskerad": [True, False],
        }
    )
    # 6 of 24 = 25 %; the masked count is neither written nor given as a share
    assert fm.andel(df, K) == (
        "I mars 2024 bodde 12 ensamkommande barn och unga i Nacka. Ett skyddat antal av dem var "
        f"anvisade till en annan kommun. Av de 24 som Nacka ansvarade för bodde 6 (25{NBSP}%) "
        "i en annan kommun."
    )


def test_vara_i_andra_kommuner_med_flest_i_en() -> None:
    summa = meningar.Varden({"antal": 9, "antal_samma_lan": 7}, 5)
    df = pl.DataFrame(
        {"kommun_namn": ["Solna", "Stockholm"], "antal": [None, 6], "antal_maskerad": [True, False]}
    )
    assert fm.kommun_i_andra(summa, df, K) == (
        "9 som Nacka ansvarar för bodde i en annan kommun, 7 av dem i Stockholms län. "
        "Flest av dem som redovisas bodde i Stockholm (6)."
    )


def test_ersattningens_storsta_differens() -> None:
    df = pl.DataFrame(
        {
            "manad": ["2024-01", "2024-02", "2024-03"],
            "bokford": [1000.0, 2000.0, 3000.0],
            "differens": [-500.0, 1200.0, -3000.0],
        }
    )
    # |−500| < |1 200| < |−3 000|: March, with its sign
    assert em.differens(df, K) == (
        f"{PERIOD} var skillnaden mellan bokförd och förväntad ersättning störst i mars 2024: "
        f"−3{NBSP}000{NBSP}kr."
    )
    utan = df.with_columns(bokford=pl.lit(None, pl.Float64), differens=pl.lit(None, pl.Float64))
    assert em.differens(utan, K) == (
        "Bokförd ersättning finns bara för dataägaren; ingen differens kan visas."
    )


def test_prognosens_forsta_och_sista_manad() -> None:
    df = pl.DataFrame(
        {
            "manad": ["2025-03", "2024-04", "2024-05"],
            "prognos_i_vard": [None, 20.4, 19.6],
            "prognos_i_vard_maskerad": [True, False, False],
            "prognos_intakt": [100_000.0, 200_000.0, 300_000.0],
            "prognos_kostnad": [150_000.0, 250_000.0, 100_000.0],
            "prognos_balans": [-50_000.0, -50_000.0, 200_000.0],
        }
    )
    # sorted by month: April 2024 first (20,4 → 20), March 2025 last (masked)
    assert em.prognos_i_vard(df, K) == (
        "Prognosen efter 31 mars 2024 är 20 barn och unga i vård i april 2024 och ett skyddat antal "
        "i mars 2025."
    )
    # 100 000 + 200 000 + 300 000 = 600 000; 150 000 + 250 000 + 100 000 = 500 000;
    # −50 000 − 50 000 + 200 000 = 100 000
    assert em.prognos_balans(df, K) == (
        f"Under de 12 månaderna efter 31 mars 2024 väntas ersättningen bli 600{NBSP}000{NBSP}kr, "
        f"kostnaden 500{NBSP}000{NBSP}kr och balansen 100{NBSP}000{NBSP}kr."
    )


def test_prognosernas_traffsakerhet() -> None:
    antal = pl.DataFrame({"manad": ["2024-01"], "mape": [0.125]})
    assert em.backtest(antal, K) == (
        f"{PERIOD} avvek prognosen, gjord 12 månader i förväg, i genomsnitt 12,5{NBSP}% från "
        "antalet i vård."
    )
    pengar = pl.DataFrame({"mape_intakt": [0.1], "mape_kostnad": [0.205], "mae_balans": [12_345.4]})
    assert em.ekonomi_backtest(pengar, K) == (
        f"{PERIOD} avvek ekonomiprognosen, gjord 12 månader i förväg, i genomsnitt "
        f"10,0{NBSP}% för ersättningen och 20,5{NBSP}% för kostnaden; balansen missade med i "
        f"genomsnitt 12{NBSP}345{NBSP}kr per månad."
    )


def test_ekonomin_med_taktmetoden() -> None:
    v = meningar.Varden(
        {
            "antal_manader": 3,
            "fran_manad": "2024-01",
            "till_manad": "2024-03",
            "ack_balans": -60_000,
            "avvikelse_mot_budget": -45_000,
            "prognos_budget_balans": -75_000,
            "prognos_takt_balans": -240_000,
        },
        5,
    )
    # the rate method: −60 000 over 3 months, 12 months at that rate = −240 000
    assert meningar.ekonomi(v, "takt").endswith(
        "Utfallet hittills i samma takt för årets återstående månader ger en helårsprognos på "
        f"−240{NBSP}000{NBSP}kr."
    )
    assert "45\u00a0000\u00a0kr sämre än budget" in meningar.ekonomi(v)


def test_placerade_har_leds_av_alla_som_bor_har() -> None:
    summa = meningar.Varden({"antal": 70, "antal_samma_lan": 57}, 5)
    bor_har = meningar.Varden({"totalt": 192, "antal": 70, "andel": 70 / 192}, 5)
    # the example: 70 / 192 = 36,46 % -> 36 %
    assert meningar.placerade_hos_oss(
        summa, date(2017, 1, 30), "Nacka", "Stockholms län", bor_har
    ) == (
        "Den 30 januari 2017 bodde 192 ensamkommande barn och unga i Nacka. 70 av dem "
        f"(36{NBSP}%) var anvisade till en annan kommun, 57 av dessa från Stockholms län."
    )


def test_placerade_har_doljs_nar_en_av_figurerna_doljer_antalet() -> None:
    # the per-municipality rows hide the total (antal_dold): the share figure's 12 and 40 %
    # would give it away, so neither is written
    summa = meningar.varden({"antal": 12, "antal_samma_lan": None}, 5, antal=True)
    summa = meningar.Varden({**summa.rad, "antal_samma_lan_maskerad": True}, 5)
    bor_har = meningar.Varden({"totalt": 30, "antal": 12, "andel": 0.4}, 5)
    assert meningar.placerade_hos_oss(
        summa, date(2024, 3, 31), "Nacka", "Stockholms län", bor_har
    ) == (
        "Den 31 mars 2024 bodde 30 ensamkommande barn och unga i Nacka. Ett skyddat antal av dem var "
        "anvisade till en annan kommun, ett skyddat antal av dessa från Stockholms län."
    )
    noll = meningar.Varden({"antal": 0, "antal_samma_lan": 0}, 5)
    bor = meningar.Varden({"totalt": 30, "antal": 0, "andel": 0.0}, 5)
    assert meningar.placerade_hos_oss(noll, date(2024, 3, 31), "Nacka", "Stockholms län", bor) == (
        "Den 31 mars 2024 bodde 30 ensamkommande barn och unga i Nacka. Ingen av dem var "
        "anvisad till en annan kommun."
    )
