"""Figures that show the same persons' events or kronor at another granularity, protected
as one (``queries.skyddslankar``): populations written by hand, built by the real importer,
read through the committee view (``skydda_vy``, as the pages, the PDF and ``--masked``)."""

from __future__ import annotations

from pathlib import Path

import polars as pl

import queries
from queries.skydd import till_text
from queries.skyddsvy import skydda_vy
from tests.helpers.importera import Tables, import_tables
from tests.queries.test_skydd_vy import NACKA, D, _befolkning, text, vy

MARS = {"fran": "2024-03-01", "till": D}


def _med_status(tabeller: Tables, status: dict[int, tuple[str, str]]) -> Tables:
    """The persons' anvisningar with a residence-permit status (person number -> status, date)."""
    anvisningar = []
    for a in tabeller["anvisningar"]:
        tillstand, datum = status[int(str(a["person_id"])[1:])]
        anvisningar.append(
            {**a, "uppehallstillstand": tillstand, "uppehallstillstand_datum": datum}
        )
    return {**tabeller, "anvisningar": anvisningar}


# Ten asylum seekers aged 15 and one 19-year-old with a permit, all in care all of March
# 2024, Nacka responsible. March's rules (data/reference/ersattningsregler.csv): N07 under
# 18 asylum 1 000 kr × 310 care-days = 310 000; N03 18–20 with permit 750 × 31 = 23 250;
# N06 the yearly 500 000 / 12 = 41 666,67. Expected 374 916,67.
ERSATTNING = _med_status(
    _befolkning([(10, 15, "M", NACKA), (1, 19, "K", NACKA)]),
    {**{nr: ("asylsokande", "") for nr in range(1, 11)}, 11: ("PUT", "2023-01-10")},
)


def test_a_category_of_one_child_hides_its_kronor_and_the_expected_sum(tmp_path: Path) -> None:
    db = import_tables(tmp_path, ERSATTNING, D)
    berakning = till_text(vy(db, "ersattning_berakning", **MARS).df)
    # the drill-down hides N03's 31 care-days (fewer than 5 children × 31 days) and its kronor
    n03 = berakning.filter(pl.col("regel_id") == "N03").row(0, named=True)
    assert (n03["antal"], n03["summa_kr"]) == ("<5", "<5")
    n07 = berakning.filter(pl.col("regel_id") == "N07").row(0, named=True)
    assert (n07["antal"], n07["summa_kr"]) == ("310", "310000.00")
    # before: the month's category 23 250 / 750 = 31 care-days, one child all month, and
    # 374 916,67 − 310 000 − 41 666,67 = 23 250 again from the expected sum
    mars = till_text(vy(db, "ersattning", **MARS).df).row(0, named=True)
    assert mars["schablon_18_20"] == "<5"
    assert (mars["forvantad"], mars["differens"]) == ("<5", "<5")
    synliga = (str(mars["schablon_under_18"]), str(mars["arlig_ersattning"]))
    assert synliga == ("310000.00", "41666.67")
    # the period is that one month: its sum hides too (tiles, the PDF's sentence)
    summa = vy(db, "ersattning_summa", **MARS).df.row(0, named=True)
    assert (summa["forvantad"], summa["forvantad_maskerad"]) == (None, True)
    assert summa["differens"] is None
    # the data owner's per-person schablons: 310 000 + 23 250 = 333 250 before (− 310 000)
    hamta = lambda n, p: queries.run(n, db, **p)  # noqa: E731
    person = skydda_vy("ersattning_utbetalning_manad", MARS, hamta).df.row(0, named=True)
    assert (person["forvantad_person"], person["forvantad_person_maskerad"]) == (None, True)
    # findings: no claim for March quoted the expected 374 916,67; N03's assumption its 23 250
    fynd = till_text(vy(db, "ersattning_avvikelser", **MARS).df)
    assert sorted(zip(fynd["kontroll"], fynd["belopp_kr"], strict=True)) == [
        ("ansokan_saknas", "<5"), ("antagande", "<5")
    ]  # fmt: skip


def test_the_forecast_total_hides_where_its_age_groups_hide_one(tmp_path: Path) -> None:
    # forecast from 31 March 2024 (no arrivals in the data, nobody ageing out of a group
    # within the year: boys 15 stay 14–17, the girl of 19 stays 18–20): each month 10.0 boys
    # 14–17 and 1.0 girl 18–20. The girl is masked and has no partner, so the month's total
    # is flagged; before, prognos_manad showed 11.0 and 11 − 10 = 1 gave her back
    db = import_tables(tmp_path, ERSATTNING, D)
    grupper = vy(db, "prognos_i_vard", datum=D).df
    april = grupper.filter(pl.col("manad") == "2024-04")
    assert text(april, "aldersgrupp", "kon", "prognos_antal") == [
        ("14-17", "M", "10.0"), ("18-20", "K", "<5")
    ]  # fmt: skip
    manad = vy(db, "prognos_manad", datum=D).df
    assert manad.height == 12
    assert manad["prognos_i_vard_maskerad"].to_list() == [True] * 12
    assert manad["prognos_i_vard"].to_list() == [None] * 12


def test_the_forecasts_outcome_is_the_stock_as_persons_per_month_shows_it(
    tmp_path: Path,
) -> None:
    # 31 March 2024: 10 boys aged 15 and one girl of 19. The pyramid masks her and has no
    # partner (no other girl, no boy of 19): its total 11 is hidden, so persons in care per
    # month hide March, and the forecast's outcome for March (the same 11) hides too
    db = import_tables(tmp_path, ERSATTNING, D)
    i_vard = vy(db, "i_vard_manad", **MARS).df
    assert i_vard["antal_i_vard_maskerad"].to_list() == [True]
    utfall = vy(db, "prognos_backtest", **MARS).df
    assert (utfall["utfall"].to_list(), utfall["utfall_maskerad"].to_list()) == ([None], [True])
    # the mean error over the rows is |prognos − utfall| / utfall here, with prognos shown:
    # utfall = prognos / (1 ± mape) would give the hidden 11 back, so it hides on every row
    assert utfall["prognos_maskerad"].to_list() == [False]
    assert (utfall["mape"].to_list(), utfall["mape_maskerad"].to_list()) == ([None], [True])


def _flode() -> Tables:
    """Ten boys aged 15 in care all spring; six more until 20 March 2024; two from 5 March."""
    tabeller = _befolkning([(18, 15, "M", NACKA)])
    placeringar = [dict(p) for p in tabeller["placeringar"]]
    for p in placeringar[10:16]:
        p["slutdatum"] = "2024-03-20"
    for p in placeringar[16:]:
        p["startdatum"] = "2024-03-05"
    return {**tabeller, "placeringar": placeringar}


def test_new_placements_are_not_given_away_by_the_stock_and_the_ended(tmp_path: Path) -> None:
    # persons in care: 29 Feb 16, 31 Mar 10 + 2 = 12; March: 2 new, 6 ended. The 2 are
    # masked; before, the ended 6 stayed visible and 12 − 16 + 6 = 2 gave them back. The
    # protected view hides new and ended in every month (a month's stock would also follow
    # from the month before's with both shown), February's zeros too
    db = import_tables(tmp_path, _flode(), D)
    df = till_text(vy(db, "i_vard_manad", fran="2024-02-01", till=D).df)
    assert df.select(
        "manad", "antal_i_vard", "nya_placeringar", "avslutade_placeringar"
    ).rows() == [
        ("2024-02", 16, "<5", "<5"),
        ("2024-03", 12, "<5", "<5"),
    ]
