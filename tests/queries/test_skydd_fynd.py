"""Ways to compute a masked count back that an independent audit found in the committee view,
each on a population written by hand and imported by the real importer; the protected view
read as ``python -m queries export … --masked`` writes it (the committee's download).
"""

from __future__ import annotations

from pathlib import Path

import polars as pl
import pytest

from queries.__main__ import main
from tests.helpers.importera import Tables, import_tables
from tests.queries.test_skydd_vy import maskerad

D = "2024-03-31"
NACKA, STOCKHOLM, SOLNA = "0182", "0180", "0184"


def _folk(grupper: list[tuple[int, str, str, str, str]]) -> Tables:
    """(how many, responsible municipality, living municipality, unit, birth date) -> the
    export's tables; everyone placed since 2023-01-10 and in care on D."""
    t: dict[str, list[dict[str, object]]] = {"personer": [], "anvisningar": [], "placeringar": []}
    nr = 0
    for antal, ansvarig, bor, enhet, fodd in grupper:
        for _ in range(antal):
            nr += 1
            t["personer"].append({"person_id": f"P{nr}", "fodelsedatum": fodd, "kon": "M"})
            t["anvisningar"].append(
                {
                    "anvisning_id": f"A{nr}",
                    "person_id": f"P{nr}",
                    "anvisningsdatum": "2023-01-10",
                    "anvisningskommun": ansvarig,
                }
            )
            t["placeringar"].append({"placering_id": f"L{nr}", "person_id": f"P{nr}",
                                     "enhet_id": enhet, "startdatum": "2023-01-10",
                                     "vistelsekommun": bor})  # fmt: skip
    t["enheter"] = [
        {"enhet_id": "E1", "namn": "Eken", "boendeform": "HVB", "kommun": NACKA,
         "dygnspris": "2000"},
        {"enhet_id": "E2", "namn": "Granen", "boendeform": "HVB", "kommun": NACKA},
    ]  # fmt: skip
    return t


def _maskerad(db: Path, namn: str, tmp: Path, *argument: str) -> pl.DataFrame:
    """As `maskerad`, for a figure without a perspective municipality."""
    ut = tmp / f"{namn}.csv"
    kod = main(["export", namn, "--db", str(db), "--masked", "--format", "csv",
                "--out", str(ut), *argument])  # fmt: skip
    assert kod == 0
    return pl.read_csv(ut, infer_schema=False)


UNG = "2007-06-15"  # 16 on D
# Nacka responsible for 44: 34 living in Nacka, 10 in Stockholm; Solna has placed 3 in Nacka.
# Living in Nacka: 34 + 3 = 37. Both directions' totalt − antal are the 34 (responsible and
# living here): 37 − (44 − 10) = 3 gave the masked "placed here by others" back.
KORS = _folk([(34, NACKA, NACKA, "E1", UNG), (10, NACKA, STOCKHOLM, "E1", UNG),
              (3, SOLNA, NACKA, "E1", UNG)])  # fmt: skip


@pytest.fixture(scope="module")
def kors(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return import_tables(tmp_path_factory.mktemp("kors"), KORS, D)


def test_the_two_directions_share_their_complement(kors: Path, tmp_path: Path) -> None:
    df = maskerad(kors, "kommunoverskridande_andel", tmp_path, "--from", "2024-01-01",
                  "--to", D).filter(pl.col("manad") == "2024-03")  # fmt: skip
    rad = {r["riktning"]: r for r in df.iter_rows(named=True)}
    hos, andra = rad["placerade_hos_oss"], rad["vara_i_andra"]
    # the 3 placed here by others are masked; ours elsewhere (10 of 44) are not small
    assert hos["antal"] == "<5"
    assert (andra["antal"], andra["totalt"]) == ("10", "44")
    # so all living here must not be shown: with it, 37 − (44 − 10) = 3
    assert hos["totalt"] == "<5" and hos["andel"] == "<5"


# 3 in care at Granen, which has no dygnspris (utan_dygnskostnad, a varning: 3), and 6 born
# 2002-06-15 at Eken, cared for past their 21st birthday 2023-06-15 (placering_efter_21, a
# varning: 6). The findings 9 − 6 gave the 3 back.
FYND = _folk([(3, NACKA, NACKA, "E2", UNG), (6, NACKA, NACKA, "E1", "2002-06-15")])


def test_data_quality_findings_add_up_to_their_count(
    tmp_path_factory: pytest.TempPathFactory, tmp_path: Path
) -> None:
    db = import_tables(tmp_path_factory.mktemp("fynd"), FYND, D)
    kontroller = {
        r["kontroll"]: r["antal"]
        for r in _maskerad(db, "datakvalitet", tmp_path, "--date", D).iter_rows(named=True)
    }
    summa = _maskerad(db, "datakvalitet_summa", tmp_path, "--date", D).row(0, named=True)
    assert kontroller["utan_dygnskostnad"] == "<5"
    # its partner among the findings is the only other one, 6; the count of all findings,
    # 9, may then be shown: 9 − (the visible findings, 0) is the two masked together
    assert kontroller["placering_efter_21"] == "<5"
    assert summa["antal_fynd"] == "9"


def test_an_imports_tables_add_up_to_its_rows(
    tmp_path_factory: pytest.TempPathFactory, tmp_path: Path
) -> None:
    # 2 age reassessments among 9 persons: the import's rows minus the other tables' gave 2.
    # Six units (four without placements): the smallest other table with rows
    enheter = [*FYND["enheter"]] + [
        {"enhet_id": f"T{i}", "namn": f"Tom {i}", "boendeform": "HVB", "kommun": NACKA}
        for i in range(1, 5)
    ]
    tabeller: Tables = {
        **FYND,
        "enheter": enheter,
        "aldersandringar": [
            {"person_id": p, "beslutsdatum": "2023-03-01", "tidigare_fodelsedatum": "2006-01-01"}
            for p in ("P1", "P2")
        ],
    }
    db = import_tables(tmp_path_factory.mktemp("logg"), tabeller, D)
    logg = {
        r["tabell"]: r["rader_lagrade"]
        for r in _maskerad(db, "import_logg", tmp_path).iter_rows(named=True)
    }
    assert logg["aldersandringar"] == "<5"
    # paired with the smallest other table with rows: enheter (6 units)
    assert logg["enheter"] == "<5"
    assert [t for t, v in logg.items() if v == "<5"] == ["aldersandringar", "enheter"]


def test_new_and_ended_placements_are_not_in_the_protected_view(kors: Path, tmp_path: Path) -> None:
    # stock(m) − stock(m − 1) = new − ended: with both shown, a hidden stock follows from the
    # month before's (8 + 0 − 5 = 3), and with one of them 0 the other follows from the
    # stocks. Nobody new or ended in 2024 here, yet both columns are hidden
    df = maskerad(kors, "i_vard_manad", tmp_path, "--from", "2024-01-01", "--to", D)
    # Nacka is responsible for 34 + 10 = 44, in care all three months
    assert df["antal_i_vard"].to_list() == ["44", "44", "44"]
    assert set(df["nya_placeringar"].to_list()) == {"<5"}
    assert set(df["avslutade_placeringar"].to_list()) == {"<5"}


@pytest.mark.parametrize("figur", ["belaggning", "belaggning_platstyp", "scenario"])
def test_second_protections_of_unit_care_days_are_not_offered(
    figur: str, kors: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # belaggning repeats belaggning_enhet's cells, belaggning_platstyp splits the same
    # care-days another way: protected on their own they could pick other partners
    kod = main(["export", figur, "--db", str(kors), "--masked", "--from", "2024-01-01",
                "--to", D, "--out", str(tmp_path / "ut.csv")])  # fmt: skip
    assert kod == 2
    assert "visas inte i den skyddade vyn" in capsys.readouterr().err


def _enheter(grupper: list[tuple[str, int, str]]) -> Tables:
    """(unit, children, daily price) -> ten contracted places each, one child per person,
    everyone placed since 2023-01-10; Nacka responsible."""
    t = dict(_folk([(antal, NACKA, NACKA, enhet, UNG) for enhet, antal, _ in grupper]))
    t["enheter"] = [
        {"enhet_id": e, "namn": f"Enhet {e}", "boendeform": "HVB", "kommun": NACKA,
         "dygnspris": pris}
        for e, _, pris in grupper
    ]  # fmt: skip
    t["platser"] = [
        {"enhet_id": e, "giltig_fran": "2023-01-01", "antal_platser": "10"} for e, _, _ in grupper
    ]
    return t


def test_vacant_days_and_their_cost_do_not_give_two_hidden_units(
    tmp_path_factory: pytest.TempPathFactory, tmp_path: Path
) -> None:
    # March, 31 days, 10 places each (310 place-days). U1 1 child (31 care-days < 5 × 31:
    # masked), U2 6 (186: the smallest other unit, its partner), U3 8 (248, shown).
    # HVB's vacant days 279 + 124 + 62 = 465 and their cost 279 × 2 500 + 124 × 2 400 +
    # 62 × 2 000 = 1 119 100 kr; less U3's 62 days and 124 000 kr: l1 + l2 = 403 and
    # 2 500 l1 + 2 400 l2 = 995 100 give l1 = 279, U1's 31 care-days. The cost is hidden.
    db = import_tables(
        tmp_path_factory.mktemp("pris"),
        _enheter([("U1", 1, "2500"), ("U2", 6, "2400"), ("U3", 8, "2000")]),
        D,
    )
    enheter = _maskerad(db, "belaggning_enhet", tmp_path, "--from", "2024-01-01", "--to", D).filter(pl.col("manad") == "2024-03")  # fmt: skip
    assert enheter.select("enhet_id", "vardygn").rows() == [
        ("U1", "<5"), ("U2", "<5"), ("U3", "248")
    ]  # fmt: skip
    for figur in ("belaggning_boendeform", "belaggning_manad_totalt"):
        rad = _maskerad(db, figur, tmp_path, "--from", "2024-01-01", "--to", D).filter(pl.col("manad") == "2024-03").row(0, named=True)  # fmt: skip
        assert (rad["vardygn"], rad["lediga_platsdygn"]) == ("465", "465"), figur
        assert rad["kostnad_lediga_kr"] == "<5", figur
    # three hidden units: two sums give none of them, and the cost is shown. U1 and U2 1
    # child each (both masked), U3 and U4 6 each: U3 is the partner of neither (already two)
    db3 = import_tables(
        tmp_path_factory.mktemp("pris3"),
        _enheter([("U1", 1, "2500"), ("U2", 1, "2400"), ("U3", 6, "2000"), ("U4", 6, "1500"),
                  ("U5", 1, "1800")]),
        D,
    )  # fmt: skip
    rad = _maskerad(db3, "belaggning_boendeform", tmp_path, "--from", "2024-01-01", "--to", D).filter(pl.col("manad") == "2024-03").row(0, named=True)  # fmt: skip
    # vacant: U1, U2, U5 279 each, U3, U4 124 each: 3 × 279 + 2 × 124 = 1 085 days; cost
    # 279 × (2 500 + 2 400 + 1 800) + 124 × (2 000 + 1 500) = 1 869 300 + 434 000 kr
    assert (rad["lediga_platsdygn"], float(rad["kostnad_lediga_kr"])) == ("1085", 2_303_300)
