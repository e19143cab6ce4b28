"""The protected view across figures and filters, read from ``python -m queries export
--masked`` (the same cells as the committee's download) on databases built by the importer.

Each population is written by hand so that a reader of the unprotected figures could
difference two of them today: a pyramid's single ages against the age group's total, and
a filtered view against the view without the filter.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import polars as pl
import pytest

import queries
from queries.__main__ import main
from queries.skydd import till_text
from queries.skyddsvy import Vy, skydda_vy
from tests.helpers.importera import Tables, import_tables

D = "2024-03-31"
NACKA = "0182"


def _person(nr: int, alder: int, kon: str, bor: str = NACKA) -> dict[str, list[dict]]:
    """One person in care on D aged ``alder`` (born 15 June, so the age is the same all
    spring), Nacka responsible, living in ``bor``."""
    pid = f"P{nr}"
    return {
        "personer": [{"person_id": pid, "fodelsedatum": date(2023 - alder, 6, 15), "kon": kon}],
        "anvisningar": [{"anvisning_id": f"A{nr}", "person_id": pid,
                         "anvisningsdatum": "2023-01-10", "anvisningskommun": NACKA}],
        "placeringar": [{"placering_id": f"L{nr}", "person_id": pid, "enhet_id": "E1",
                         "startdatum": "2023-01-10", "vistelsekommun": bor}],
    }  # fmt: skip


def _befolkning(grupper: list[tuple[int, int, str, str]]) -> Tables:
    """(how many, age, sex, living municipality) -> the export's tables."""
    tabeller: dict[str, list[dict]] = {"personer": [], "anvisningar": [], "placeringar": []}
    nr = 0
    for antal, alder, kon, bor in grupper:
        for _ in range(antal):
            nr += 1
            for tabell, rader in _person(nr, alder, kon, bor).items():
                tabeller[tabell] += rader
    tabeller["enheter"] = [{"enhet_id": "E1", "namn": "Eken", "boendeform": "HVB", "kommun": NACKA}]
    return tabeller


def maskerad(db: Path, namn: str, tmp: Path, *argument: str) -> pl.DataFrame:
    """The figure as ``--masked --format csv`` writes it, every column as text."""
    ut = tmp / f"{namn}.csv"
    kod = main(["export", namn, "--db", str(db), "--masked", "--format", "csv",
                "--out", str(ut), "--kommun", NACKA, *argument])  # fmt: skip
    assert kod == 0
    return pl.read_csv(ut, infer_schema=False)


# Girls: 5 aged 8; aged 14, 15, 16: 6, 3, 7 (group 14–17: 16). Boys: 6 aged 10.
# Unprotected, the pyramid masks girls aged 15 (3) and pairs it with the smallest other
# girls' bar, aged 8 (5), in another age group: then 16 (group 14–17) − 6 − 7 = 3.
PYRAMID = _befolkning([(5, 8, "K", NACKA), (6, 14, "K", NACKA), (3, 15, "K", NACKA),
                       (7, 16, "K", NACKA), (6, 10, "M", NACKA)])  # fmt: skip
GRUPP = {8: "0-13", 10: "0-13", 14: "14-17", 15: "14-17", 16: "14-17"}


@pytest.fixture(scope="module")
def pyramid_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return import_tables(tmp_path_factory.mktemp("pyramid"), PYRAMID, D)


def test_age_group_total_minus_single_ages_never_leaves_one_masked_age(
    pyramid_db: Path, tmp_path: Path
) -> None:
    pyramid = maskerad(pyramid_db, "alderspyramid", tmp_path, "--date", D)
    grupper = maskerad(pyramid_db, "alder_kon", tmp_path, "--date", D)
    # the month whose stock date is D, in the committee's calendar year (up to the extraction
    # date D): the same persons as the pyramid
    manad = maskerad(pyramid_db, "aldersgrupp_manad", tmp_path, "--from", "2024-01-01",
                     "--to", D).filter(pl.col("manad") == "2024-03")  # fmt: skip
    for summor in (grupper, manad):
        for rad in summor.iter_rows(named=True):
            delar = pyramid.filter(
                pl.col("kon") == rad["kon"],
                pl.col("alder").cast(pl.Int64).replace_strict(GRUPP) == rad["aldersgrupp"],
            )["antal"].to_list()
            dolda = [d for d in delar if d == "<5"]
            if rad["antal"] != "<5":
                # a visible total: 0 or at least 2 masked single ages inside it
                assert len(dolda) != 1, (rad, delar)
    # by hand: 14–17 girls = 6 + 3 + 7 = 16 is shown (≥ 5), so 15 (3) is masked with a
    # second age of the same group, the smallest other one (14: 6); age 8 stays visible
    assert dict(zip(pyramid["alder"], pyramid["antal"], strict=True)) == {
        "8": "5", "10": "6", "14": "<5", "15": "<5", "16": "7"
    }  # fmt: skip
    assert grupper.filter(pl.col("kon") == "K")["antal"].to_list() == ["5", "16"]
    # 21 girls, 6 boys: every per-sex total has two masked ages or none: tiles shown
    tal = maskerad(pyramid_db, "i_vard_nyckeltal", tmp_path, "--date", D).row(0, named=True)
    assert (tal["antal_i_vard"], tal["antal_k"], tal["antal_m"]) == ("27", "21", "6")


# Municipality A (Solna 0184) has 3 living there, all girls 14–17; B (Nacka) 20: 10 girls
# and 10 boys 14–17. All: 13 girls, 10 boys. Filtered to B: 10 girls, 10 boys, so
# "all − B" = 3 girls in A: the selection leaves out only 3 persons and is refused.
A, B = "0184", NACKA
TVA_KOMMUNER = _befolkning([(3, 15, "K", A), (10, 15, "K", B), (10, 15, "M", B)])
# The same with 10 boys aged 10 in A besides: A has 13, so the selection is shown, but the
# girls 14–17 cell differs by 3 from the unfiltered one (13 − 10) and is masked.
TRETTON_I_A = _befolkning([(3, 15, "K", A), (10, 10, "M", A), (10, 15, "K", B),
                           (10, 15, "M", B)])  # fmt: skip


def vy(db: Path, namn: str, **params: object) -> Vy:
    """The committee view of a selection a page makes itself (the sidebar offers no person
    filter there): ``skydda_vy`` as ``ui.figurer`` calls it, on the real queries."""
    return skydda_vy(namn, {"kommun": NACKA, **params}, lambda n, p: queries.run(n, db, **p))


def text(df: pl.DataFrame, *kolumner: str) -> list[tuple[str, ...]]:
    return [tuple(str(v) for v in rad) for rad in till_text(df).select(kolumner).rows()]


def test_a_filter_that_leaves_out_fewer_than_five_is_refused(tmp_path: Path) -> None:
    db = import_tables(tmp_path, TVA_KOMMUNER, D)
    alla = vy(db, "alder_kon", datum=D)
    assert alla.besked is None
    assert text(alla.df, "antal") == [("13",), ("10",)]  # 14–17 girls, boys: ≥ 5, shown
    b = vy(db, "alder_kon", datum=D, vistelsekommun=[B])
    assert b.besked is not None and "utelämnar färre än 5 personer" in b.besked


def test_a_cell_whose_complement_is_small_is_masked(tmp_path: Path) -> None:
    db = import_tables(tmp_path, TRETTON_I_A, D)
    alla = vy(db, "alder_kon", datum=D)
    # unfiltered: boys 0–13: 10, girls 14–17: 13, boys 14–17: 10
    assert text(alla.df, "aldersgrupp", "kon", "antal") == [
        ("0-13", "M", "10"), ("14-17", "K", "13"), ("14-17", "M", "10")
    ]  # fmt: skip
    b = vy(db, "alder_kon", datum=D, vistelsekommun=[B])
    assert b.besked is None  # 33 − 20 = 13 left out
    # B: girls 14–17 = 10, complement 13 − 10 = 3: masked. Boys 14–17 = 10 is all's boys
    # 14–17 too (complement 0), shown in the unfiltered view: masking it here would hide
    # nothing, so B's 14–17 total (20) is what must not be shown (the tiles below).
    assert text(b.df, "aldersgrupp", "kon", "antal") == [
        ("14-17", "K", "<5"), ("14-17", "M", "10")
    ]  # fmt: skip
    rad = till_text(vy(db, "i_vard_nyckeltal", datum=D, vistelsekommun=[B]).df).row(0, named=True)
    # tiles: B's total 20 is all 14–17-year-olds of B (B has no one else), and all have
    # 13 + 10 = 23 aged 14–17: 23 − 20 = 3, A's 14–17s. So the total is hidden too,
    # though its own complement (33 − 20 = 13) is not small; girls and boys as above
    assert (rad["antal_i_vard"], rad["antal_k"], rad["antal_m"]) == ("<5", "<5", "<5")


def test_masked_command_line_refuses_person_filters(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = import_tables(tmp_path, TVA_KOMMUNER, D)
    kod = main(["export", "alder_kon", "--db", str(db), "--masked", "--format", "csv",
                "--kommun", NACKA, "--date", D, "--vistelsekommun", B])  # fmt: skip
    assert kod == 2
    assert "inte filtrerar på vistelsekommun" in capsys.readouterr().err


def test_the_share_does_not_show_a_total_the_tiles_hide(tmp_path: Path) -> None:
    # one girl (15) and 10 boys (10), Nacka responsible. The girl is masked and has no
    # partner (no other girl, no boy of 15), so the total 11 is hidden: 11 − 10 boys = 1.
    # The share's "all we are responsible for" in March (stock date D) is the same 11.
    # (The boys' tile is masked as the girls' partner among the parts of the tile total.)
    db = import_tables(tmp_path, _befolkning([(1, 15, "K", NACKA), (10, 10, "M", NACKA)]), D)
    tal = till_text(vy(db, "i_vard_nyckeltal", datum=D).df).row(0, named=True)
    assert (tal["antal_i_vard"], tal["antal_k"], tal["antal_m"]) == ("<5", "<5", "<5")
    andel = vy(db, "kommunoverskridande_andel", fran="2024-03-01", till=D).df
    mars = andel.filter(pl.col("manad") == "2024-03", pl.col("riktning") == "vara_i_andra")
    assert mars["totalt_maskerad"].to_list() == [True]


def _ansvariga(grupper: list[tuple[int, str]], bor: str = NACKA) -> Tables:
    """(how many, responsible municipality): persons aged 15 living in ``bor``."""
    return _par([(antal, ansvarig, bor) for antal, ansvarig in grupper])


def _par(grupper: list[tuple[int, str, str]]) -> Tables:
    """(how many, responsible municipality, living municipality): persons aged 15."""
    tabeller: dict[str, list[dict]] = {"personer": [], "anvisningar": [], "placeringar": []}
    nr = 0
    for antal, ansvarig, bor in grupper:
        for _ in range(antal):
            nr += 1
            person = _person(nr, 15, "M", bor)
            person["anvisningar"][0]["anvisningskommun"] = ansvarig
            for tabell, rader in person.items():
                tabeller[tabell] += rader
    tabeller["enheter"] = [{"enhet_id": "E1", "namn": "Eken", "boendeform": "HVB",
                            "kommun": NACKA}]  # fmt: skip
    return tabeller


def test_within_the_lan_tile_never_gives_one_municipality_away(tmp_path: Path) -> None:
    # placed in Nacka by others: Stockholm 7 and Solna 2 (Stockholm's län, like Nacka),
    # Göteborg 6 (another län). Solna (2) is masked; paired with the smallest other
    # municipality, Göteborg (6), the tile "inom länet" 9 − Stockholm 7 would give Solna's 2.
    db = import_tables(tmp_path, _ansvariga([(7, "0180"), (2, "0184"), (6, "1480")]), D)
    lista = vy(db, "kommunoverskridande", datum=D).df.filter(
        pl.col("riktning") == "placerade_hos_oss"
    )
    assert text(lista, "kommun", "antal") == [("0180", "<5"), ("1480", "6"), ("0184", "<5")]
    summa = till_text(vy(db, "kommunoverskridande_summa", datum=D).df).filter(
        pl.col("riktning") == "placerade_hos_oss"
    )
    # the tiles: 15 placed here, 9 within the län: both shown, Stockholm and Solna hidden
    assert text(summa, "antal", "antal_samma_lan") == [("15", "9")]


STHLM, SODERTALJE, SUNDBYBERG, SOLNA = "0180", "0181", "0183", "0184"
# Nacka is responsible for 2 living in Solna, 6 in Stockholm, 7 in Sundbyberg; Södertälje
# for 8 in Stockholm (all Stockholm's län). Per perspective, Nacka's "ours elsewhere" masks
# Solna (2) with the smallest other, Stockholm (6), while Stockholm's "placed here" has
# nothing small (Nacka 6, Södertälje 8) and shows Nacka 6: 15 − 7 − 6 = 2 in Solna.
PAR = _par([(2, NACKA, SOLNA), (6, NACKA, STHLM), (7, NACKA, SUNDBYBERG),
            (8, SODERTALJE, STHLM)])  # fmt: skip


def _harledda(db: Path, kommuner: list[str]) -> dict[tuple[str, str], int]:
    """Every pair count (responsible, living) a reader gets from all perspectives' lists and
    tiles together: the cells shown, then each visible total (all, within the län, outside
    it) with exactly one pair not yet known, until nothing more follows."""
    kanda: dict[tuple[str, str], int] = {}
    summor: list[tuple[set[tuple[str, str]], int]] = []
    for k in kommuner:
        lista = till_text(vy(db, "kommunoverskridande", datum=D, kommun=k).df)
        tiles = till_text(vy(db, "kommunoverskridande_summa", datum=D, kommun=k).df)
        for riktning, tile in zip(tiles["riktning"], tiles.iter_rows(named=True), strict=True):
            delar: dict[bool, set[tuple[str, str]]] = {True: set(), False: set()}
            for rad in lista.filter(pl.col("riktning") == riktning).iter_rows(named=True):
                par = (rad["kommun"], k) if riktning == "placerade_hos_oss" else (k, rad["kommun"])
                delar[rad["samma_lan"]].add(par)
                if rad["antal"] != "<5":
                    kanda[par] = int(rad["antal"])
            alla, inom = str(tile["antal"]), str(tile["antal_samma_lan"])
            if alla != "<5":
                summor.append((delar[True] | delar[False], int(alla)))
            if inom != "<5":
                summor.append((delar[True], int(inom)))
            if "<5" not in (alla, inom):
                summor.append((delar[False], int(alla) - int(inom)))
    while okanda := [(d, s) for d, s in summor if len(d - kanda.keys()) == 1]:
        termer, summa = okanda[0]
        [ny] = termer - kanda.keys()
        kanda[ny] = summa - sum(kanda[p] for p in termer if p != ny)
    return kanda


def test_a_pair_of_municipalities_is_masked_alike_from_both_perspectives(
    tmp_path: Path,
) -> None:
    db = import_tables(tmp_path, PAR, D)
    kanda = _harledda(db, [NACKA, STHLM, SODERTALJE, SUNDBYBERG, SOLNA])
    assert (NACKA, SOLNA) not in kanda  # the 2: neither shown nor derivable
    assert kanda == {(NACKA, SUNDBYBERG): 7}
    nacka = vy(db, "kommunoverskridande", datum=D).df.filter(pl.col("riktning") == "vara_i_andra")
    assert text(nacka, "kommun", "antal") == [(SUNDBYBERG, "7"), (STHLM, "<5"), (SOLNA, "<5")]
    # Stockholm's view masks Nacka's 6 too, and so pairs it with Södertälje's 8
    sthlm = vy(db, "kommunoverskridande", datum=D, kommun=STHLM).df
    assert text(sthlm, "riktning", "kommun", "antal") == [
        ("placerade_hos_oss", SODERTALJE, "<5"),
        ("placerade_hos_oss", NACKA, "<5"),
    ]
