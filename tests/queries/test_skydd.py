"""Small-number protection on hand-computed tables (queries.skydd)."""

from __future__ import annotations

import subprocess
import sys
from datetime import date
from pathlib import Path
from typing import Any

import polars as pl
import pytest

import queries
from queries.skydd import for_fa, maskerad_text, maskgrans, regeltext, skydda, till_text
from queries.skyddsspec import SKYDD

ROOT = Path(__file__).parents[2]

# age group x sex, persons in care; the same table at threshold 5 and 6
ALDER_KON = pl.DataFrame(
    {
        "aldersgrupp": ["0-13", "0-13", "14-17", "14-17", "18-20", "18-20"],
        "kon": ["K", "M", "K", "M", "K", "M"],
        "antal": [3, 7, 8, 6, 0, 9],
    }
)


def _maskerade(df: pl.DataFrame, kolumn: str = "antal") -> list[bool]:
    return df[f"{kolumn}_maskerad"].to_list()


def test_primary_and_secondary_2x3_threshold_5() -> None:
    #            K   M  | sum
    #   0-13     3   7  | 10      3 < 5: primary. Row 0-13 then has one masked part,
    #   14-17    8   6  | 14      so its other part 7 is masked. Column K has one masked
    #   18-20    0   9  |  9      part (3): its smallest other non-zero part, 8, is masked.
    #   sum     11  22  | 33      Row 14-17 now has one (8): 6 is masked. Column M has
    # 7 and 6 masked, row 18-20 none: stable. 0 stays 0, 9 stays 9. Every margin hides
    # two masked cells, so none is flagged.
    ut = skydda("alder_kon", ALDER_KON, troskel=5)
    assert _maskerade(ut) == [True, True, True, True, False, False]
    assert ut["antal"].to_list() == [None, None, None, None, 0, 9]
    for flagga in ("summa", "summa_over_kon", "summa_over_aldersgrupp"):
        assert not ut[f"antal_{flagga}_maskerad"].any()


def test_threshold_6_masks_five_and_threshold_5_does_not() -> None:
    #            K   M
    #   0-13     5   7      threshold 6: 5 is primary; row 0-13 -> 7; column K -> 8
    #   14-17    8   6      (smallest non-zero besides 5); row 14-17 -> 6; column M has
    #   18-20    0   9      7 and 6: stable.  Threshold 5: no count is 1..4, nothing masked.
    tabell = ALDER_KON.with_columns(antal=pl.Series([5, 7, 8, 6, 0, 9]))
    assert _maskerade(skydda("alder_kon", tabell, troskel=6)) == [True] * 4 + [False] * 2
    assert not any(_maskerade(skydda("alder_kon", tabell, troskel=5)))


def test_threshold_comes_from_one_setting(monkeypatch: pytest.MonkeyPatch) -> None:
    tabell = ALDER_KON.with_columns(antal=pl.Series([5, 7, 8, 6, 0, 9]))
    monkeypatch.setenv("EKB_MASKGRANS", "6")
    assert maskgrans() == 6
    assert skydda("alder_kon", tabell)["antal_maskerad"].sum() == 4
    monkeypatch.setenv("EKB_MASKGRANS", "fem")
    with pytest.raises(ValueError, match="EKB_MASKGRANS"):
        skydda("alder_kon", tabell)
    monkeypatch.delenv("EKB_MASKGRANS")
    assert maskgrans() == 5


def test_one_dimension_masks_the_next_smallest_part() -> None:
    # reasons a, b, c: 3 | 12 | 7, total 22 visible. 3 is primary; 7 (the smallest
    # other non-zero part) is masked too, so 22 - 12 = 10 = a + c does not give a.
    df = pl.DataFrame({"avslutsorsak": ["a", "b", "c"], "antal": [3, 12, 7]})
    ut = skydda("avslut_orsak", df, troskel=5)
    assert ut["antal"].to_list() == [None, 12, None]
    assert not ut["antal_summa_maskerad"].any()


def test_total_is_flagged_when_no_other_part_can_be_masked() -> None:
    # a: 3, b: 0 -> the total (3) equals the masked part and is itself 1..4
    df = pl.DataFrame({"avslutsorsak": ["a", "b"], "antal": [3, 0]})
    ut = skydda("avslut_orsak", df, troskel=5)
    assert ut["antal"].to_list() == [None, 0]
    assert ut["antal_summa_maskerad"].to_list() == [True, True]


def test_margins_of_a_cell_alone_in_its_row_and_column() -> None:
    # responsible x living:   X   Y   Z  | sum
    #                   X    10   6   .  | 16
    #                   Y     7   9   .  | 16
    #                   Z     .   .   2  |  2     2 is primary; no other non-zero part in
    #                  sum   17  15   2  | 34     row Z or column Z: both margins flagged.
    # Row margins 16, 16 and the flagged 2 add up to 34; with one flagged part and no other
    # row holding a masked cell, the grand total is flagged too (34 - 16 - 16 = 2).
    df = pl.DataFrame(
        {
            "ansvarig_kommun": ["X", "X", "Y", "Y", "Z"],
            "vistelsekommun": ["X", "Y", "X", "Y", "Z"],
            "antal": [10, 6, 7, 9, 2],
        }
    )
    ut = skydda("kommunoverskridande_matris", df, troskel=5)
    assert ut["antal"].to_list() == [10, 6, 7, 9, None]
    assert ut["antal_summa_over_vistelsekommun_maskerad"].to_list() == [False] * 4 + [True]
    assert ut["antal_summa_over_ansvarig_kommun_maskerad"].to_list() == [False] * 4 + [True]
    assert ut["antal_summa_maskerad"].all()


def test_shares_and_differences_of_masked_counts() -> None:
    # placerade_hos_oss 3 of 20: 3 masked, the share 0.15 too (0.15 x 20 = 3).
    # vara_i_andra 8 of 10: 10 - 8 = 2 persons responsible and living here: 8 is masked.
    # a later month 6 of 6 stays (difference 0); 3 of 3: both are 1..4 and masked.
    df = pl.DataFrame(
        {
            "manad": ["2024-01", "2024-01", "2024-02", "2024-02"],
            "riktning": ["placerade_hos_oss", "vara_i_andra"] * 2,
            "antal": [3, 8, 6, 3],
            "totalt": [20, 10, 6, 3],
            "andel": [0.15, 0.8, 1.0, 1.0],
        }
    )
    ut = skydda("kommunoverskridande_andel", df, troskel=5)
    assert ut["antal"].to_list() == [None, None, 6, None]
    assert ut["totalt"].to_list() == [20, 10, 6, None]
    assert ut["andel"].to_list() == [None, None, 1.0, None]


def test_care_days_of_a_small_group_are_masked_with_what_follows_them() -> None:
    # February 2024 has 29 days: fewer than 5 persons on average is under 5 x 29 = 145
    # care-days. HVB 100 is masked; the smallest other part, familjehem 300, with it
    # (400 + 300 + 100 = 800 is the month's total). Occupancy, vacant days and their cost
    # are computed from the care-days and go with them.
    df = pl.DataFrame(
        {
            "boendeform": ["HVB", "familjehem", "stodboende"],
            "manad": ["2024-02"] * 3,
            "platsdygn": [290, 348, 580],
            "vardygn": [100, 300, 400],
            "belaggning": [100 / 290, 300 / 348, 400 / 580],
            "lediga_platsdygn": [190, 48, 180],
            "kostnad_lediga_kr": [190_000.0, 48_000.0, 180_000.0],
        }
    )
    ut = skydda("belaggning_boendeform", df, troskel=5)
    assert ut["vardygn"].to_list() == [None, None, 400]
    assert ut["lediga_platsdygn"].to_list() == [None, None, 180]
    assert ut["kostnad_lediga_kr"].to_list() == [None, None, 180_000.0]
    assert ut["platsdygn"].to_list() == [290, 348, 580]
    # threshold 6: 6 x 29 = 174 still masks 100 only, and the same partner
    assert (
        ut["vardygn_maskerad"].to_list()
        == skydda("belaggning_boendeform", df, troskel=6)["vardygn_maskerad"].to_list()
    )


def test_row_level_figures_are_refused() -> None:
    rader = pl.DataFrame({"person_id": ["A"], "fyller": [18], "fodelsedag": [date(2024, 5, 1)]})
    with pytest.raises(ValueError, match="analytiker"):
        skydda("fodelsedagar_kommande", rader)
    with pytest.raises(ValueError, match="analytiker"):
        skydda("alder_kon", rader.with_columns(aldersgrupp=pl.lit("0-13")))


def test_unknown_figure_is_refused_not_shown() -> None:
    with pytest.raises(ValueError, match="nytt_matt: saknar skyddsregler"):
        skydda("nytt_matt", ALDER_KON)


def test_till_text_writes_masked_cells_as_text() -> None:
    ut = till_text(skydda("alder_kon", ALDER_KON, troskel=5), troskel=5)
    assert ut.columns == ["aldersgrupp", "kon", "antal"]
    assert ut["antal"].to_list() == ["<5", "<5", "<5", "<5", "0", "9"]
    andel = pl.DataFrame(
        {
            "manad": ["2024-01", "2024-01"],
            "riktning": ["placerade_hos_oss", "vara_i_andra"],
            "antal": [3, 10],
            "totalt": [20, 40],
            "andel": [0.15, 0.25],
        }
    )
    text = till_text(skydda("kommunoverskridande_andel", andel, 6), 6, decimaltecken=",")
    assert text["andel"].to_list() == ["<6", "0,25"]
    assert text["totalt"].dtype == pl.Int64  # nothing masked: stays a number


def test_for_fa_names_a_selection_of_fewer_persons() -> None:
    # 3 + 1 = 4 persons in the whole table: fewer than 5
    fa = ALDER_KON.head(2).with_columns(antal=pl.Series([3, 1]))
    assert "färre än 5 personer" in (for_fa("alder_kon", fa, 5) or "")
    assert for_fa("alder_kon", fa.with_columns(antal=pl.Series([3, 2])), 5) is None
    assert for_fa("alder_kon", fa.with_columns(antal=pl.Series([0, 0])), 5) is None
    # a monthly stock: the largest month (4) decides, months are not added
    serie = pl.DataFrame(
        {"manad": ["2024-01", "2024-02"], "antal_i_vard": [4, 3], "nya_placeringar": [4, 0],
         "avslutade_placeringar": [0, 1], "vardygn": [100, 90]}
    )  # fmt: skip
    assert "färre än 6 personer" in (for_fa("i_vard_manad", serie, 6) or "")


def test_regeltext_states_rule_and_threshold() -> None:
    assert regeltext(5).startswith("Antal från 1 till 4 visas som <5")
    assert regeltext(6).startswith("Antal från 1 till 5 visas som <6")


def test_every_figure_has_a_protection_spec(personfall: Path) -> None:
    saknas = [f.name for f in queries.catalogue() if f.name not in SKYDD]
    assert not saknas, f"Mått utan skyddsregler i queries/skyddsspec.py: {', '.join(saknas)}"
    for fig in queries.catalogue():
        spec = SKYDD[fig.name]
        params: dict[str, Any] = {p: v for p, v in _PARAMS.items() if p in fig.params}
        kolumner = queries.run(fig.name, personfall, **params).columns
        namngivna = {*spec.nycklar, *spec.matt(), *spec.foljer, *spec.komplement.values()}
        okanda = sorted(namngivna - set(kolumner))
        assert not okanda, f"{fig.name}: skyddsreglerna nämner okända kolumner {okanda}"
        assert not spec.radniva or "person_id" in kolumner
        assert spec.radniva or "person_id" not in kolumner, f"{fig.name}: radnivå ej markerad"


_PARAMS = {"datum": "2024-03-15", "fran": "2024-01-01", "till": "2024-03-31", "kommun": "0182"}


def test_cli_masked_gives_the_protected_cells(personfall: Path) -> None:
    # on 2024-03-31, March's stock date (see conftest PERSONFALL): 14-17 K B (born 2007-03-01
    # until the revision of 04-01), 14-17 M C and G, 18-20 K E and H, 18-20 M A (18 on 03-15):
    # every cell is 1 or 2, so every cell is written as <5
    result = subprocess.run(
        [sys.executable, "-m", "queries", "export", "alder_kon", "--db", str(personfall),
         "--date", "2024-03-31", "--masked"],
        cwd=ROOT, capture_output=True, text=True, check=True,
    )  # fmt: skip
    assert result.stdout.splitlines() == [
        "aldersgrupp,kon,antal",
        "14-17,K,<5",
        "14-17,M,<5",
        "18-20,K,<5",
        "18-20,M,<5",
    ]
    raw = queries.run("alder_kon", personfall, datum="2024-03-31")
    assert result.stdout == till_text(skydda("alder_kon", raw)).write_csv()


def test_cli_masked_refuses_row_level_figures(personfall: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "queries", "export", "fodelsedagar_kommande", "--db",
         str(personfall), "--date", "2024-03-31", "--masked"],
        cwd=ROOT, capture_output=True, text=True,
    )  # fmt: skip
    assert result.returncode == 2
    assert "analytiker" in result.stderr and result.stdout == ""


def test_counts_that_add_up_within_a_row() -> None:
    # persons in care = K + M + X in one row (a tile and its split by sex):
    #   12 = 8 + 3 + 1   M and X are 1..4: two masked parts, 12 - 8 = 4 gives only their sum
    #   12 = 9 + 3 + 0   M masked alone would be 12 - 9: K (the only other non-zero) goes too
    #    3 = 3 + 0 + 0   everything 1..4 is masked, the zeros stay
    # a change is masked with the count it is computed from (12 - 3 = 9 would give 3)
    df = pl.DataFrame(
        {
            "antal_i_vard": [12, 12, 3],
            "antal_k": [8, 9, 3],
            "antal_m": [3, 3, 0],
            "antal_x": [1, 0, 0],
            "antal_manad_fore": [10, 3, 3],
            "forandring_manad": [2, 9, 0],
            "antal_ar_fore": [None, None, None],
            "forandring_ar": [None, None, None],
        },
        schema_overrides={"antal_ar_fore": pl.Int64, "forandring_ar": pl.Int64},
    )
    ut = skydda("i_vard_nyckeltal", df, troskel=5)
    assert ut["antal_i_vard"].to_list() == [12, 12, None]
    assert ut["antal_k"].to_list() == [8, None, None]
    assert ut["antal_m"].to_list() == [None, None, 0]
    assert ut["antal_x"].to_list() == [None, 0, 0]
    assert ut["forandring_manad"].to_list() == [2, None, None]


def test_care_days_of_a_period_use_its_days() -> None:
    # the whole period in one row, 31 days: 150 care-days < 5 x 31 = 155 is masked, 155 is not
    df = pl.DataFrame(
        {"platsdygn": [310, 310], "vardygn": [150, 155], "belaggning": [150 / 310, 0.5],
         "lediga_platsdygn": [160, 155], "kostnad_lediga_kr": [1600.0, 1550.0],
         "antal_dagar": [31, 31]}
    )  # fmt: skip
    ut = skydda("belaggning_period", df, troskel=5)
    assert ut["vardygn"].to_list() == [None, 155]
    assert ut["belaggning_maskerad"].to_list() == [True, False]


def test_specs_are_consistent() -> None:
    for namn, spec in SKYDD.items():
        for kolumn, dims in spec.matt().items():
            assert set(dims) <= set(spec.nycklar), f"{namn}.{kolumn}: dimension utan nyckel"
        for kolumn, dims in spec.dygn.items():
            # the care-day rule reads the month of each row, so months are never summed over
            assert "manad" not in dims, f"{namn}.{kolumn}"
        kallor = [k for ks in spec.foljer.values() for k in ks]
        assert set(kallor) <= set(spec.matt()), f"{namn}: följer en kolumn som inte skyddas"
        par = [*spec.komplement.items(), *((h, d) for h, ds in spec.delar.items() for d in ds)]
        assert {k for p in par for k in p} <= set(spec.antal), f"{namn}: delar som inte är antal"
        assert spec.urval is None or spec.urval in spec.antal, namn


def test_overflyttningar_doljs_helt_i_den_skyddade_vyn() -> None:
    # antal 9 and 7 with transfers 2 and 1: Σ 16 − Σ 3 = 13 first anvisningar; were the
    # transfers shown, two visible margins would give first anvisningar of any small margin
    df = pl.DataFrame(
        {
            "manad": ["2024-01", "2024-02"],
            "aldersgrupp": ["14-17", "14-17"],
            "kon": ["M", "M"],
            "antal": [9, 7],
            "antal_overflyttningar": [2, 1],
        }
    )
    ut = skydda("anvisningar_manad", df, troskel=5)
    assert ut["antal"].to_list() == [9, 7]
    assert ut["antal_overflyttningar"].to_list() == [None, None]
    assert ut["antal_overflyttningar_maskerad"].to_list() == [True, True]


def test_vardygn_for_en_hel_period_mats_mot_periodens_dagar() -> None:
    # a year (365 days) with 400 care-days: on average 1,1 persons, fewer than 5, so masked;
    # measured against 31 days (5 × 31 = 155) it would have been shown
    df = pl.DataFrame(
        {
            "platsdygn": [3650],
            "vardygn": [400],
            "belaggning": [400 / 3650],
            "lediga_platsdygn": [3250],
            "kostnad_lediga_kr": [6_500_000.0],
            "antal_dagar": [365],
        }
    )
    ut = skydda("belaggning_period", df, troskel=5)
    assert ut["vardygn_maskerad"].to_list() == [True]
    assert ut["belaggning"].to_list() == [None]


def test_maskerad_text_ar_mindre_an_bara_for_antal_personer() -> None:
    # counts of persons (and their complements and parts) read <threshold; care-days,
    # occupancy and kronor are no small number when masked and read "dold"
    assert maskerad_text("i_vard_nyckeltal", "antal_i_vard", 5) == "<5"
    assert maskerad_text("kommunoverskridande_summa", "antal_samma_lan", 6) == "<6"
    assert maskerad_text("belaggning_period", "belaggning", 5) == "dold"
    assert maskerad_text("belaggning_period", "vardygn", 5) == "dold"
    assert maskerad_text("belaggning_period", "kostnad_lediga_kr", 5) == "dold"


@pytest.mark.parametrize(
    ("argument", "forslag"),
    [
        # a day inside March: its stock date is the month's last day
        (["alder_kon", "--date", "2024-03-15"], "--date 2024-03-31"),
        # January–March is part of 2024, which ends at the extraction date 2024-06-30: periods
        # that overlap could be subtracted
        (["i_vard_manad", "--from", "2024-01-01", "--to", "2024-03-31"],
         "--from 2024-01-01 --to 2024-06-30"),
        # a whole year before the extraction year (care-days: no persons to count)
        (["belaggning_manad_totalt", "--from", "2023-02-01", "--to", "2023-12-31"],
         "--from 2023-01-01 --to 2023-12-31"),
        # June holds the extraction date 2024-06-30, itself June's last day
        (["i_vard_nyckeltal", "--date", "2024-06-12"], "--date 2024-06-30"),
    ],
)  # fmt: skip
def test_cli_masked_refuses_dates_off_the_committee_calendar(
    personfall: Path, argument: list[str], forslag: str
) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "queries", "export", argument[0], "--db", str(personfall),
         "--masked", *argument[1:]],
        cwd=ROOT, capture_output=True, text=True,
    )  # fmt: skip
    assert result.returncode == 2 and result.stdout == ""
    assert f"Ange till exempel {forslag}." in result.stderr
    # the dates it names are on the calendar: the same export with them is written
    rattat = [*argument[:1], *forslag.split()]
    godkand = subprocess.run(
        [sys.executable, "-m", "queries", "export", *rattat, "--db", str(personfall), "--masked"],
        cwd=ROOT, capture_output=True, text=True,
    )  # fmt: skip
    assert godkand.returncode == 0, godkand.stderr
