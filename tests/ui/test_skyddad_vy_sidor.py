"""The committee's protected view page by page, on hand-built databases where two figures
of the same persons (or a filtered and an unfiltered view) could be differenced today.

The populations are those of tests/queries/test_skydd_vy.py, plus units for Beläggning.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

import queries
from tests.helpers.flikar import visa_tabeller
from tests.helpers.importera import Tables, import_tables
from tests.queries.test_skydd_lankar import ERSATTNING
from tests.queries.test_skydd_vy import PAR, PYRAMID, TRETTON_I_A, TVA_KOMMUNER, D

ROT = Path(__file__).resolve().parents[2]
N = "0182"
MARS = {"datum": D, "fran": "2024-03-01", "till": D}


@pytest.fixture
def namnd(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[Callable[..., AppTest]]:
    """`namnd(tabeller, sida, query)`: the page in the protected view (no sign-in)."""
    monkeypatch.delenv("EKB_LOKAL_ANALYTIKER", raising=False)

    def _oppna(tabeller: Tables, sida: str, query: dict[str, object]) -> AppTest:
        monkeypatch.setenv("EKB_DB", str(import_tables(tmp_path, tabeller, D)))
        at = AppTest.from_file(str(ROT / "dashboard.py"), default_timeout=120)
        for nyckel, varde in query.items():
            at.query_params[nyckel] = varde
        if sida != "oversikt":
            at.switch_page(f"pages/{sida}.py")
        at.run()
        assert not at.exception
        return visa_tabeller(at) if at.get("plotly_chart") else at

    yield _oppna


def tabell(at: AppTest, kolumn: str) -> list[dict[str, str]]:
    """The first table with column ``kolumn``, every cell as text."""
    df = next(d.value for d in at.dataframe if kolumn in d.value.columns)
    return [{k: str(v) for k, v in rad.items()} for rad in df.to_dict("records")]


GRUPP = {"8": "0–13 år", "10": "0–13 år", "14": "14–17 år", "15": "14–17 år", "16": "14–17 år"}


def test_alder_och_kon_age_groups_never_give_one_single_age_away(
    namnd: Callable[..., AppTest],
) -> None:
    at = namnd(PYRAMID, "alder_och_kon", MARS)
    pyramid = tabell(at, "Ålder (år)")
    # girls 8: 5, 14: 6, 15: 3, 16: 7; boys 10: 6. 15 (3) is masked; its partner must be in
    # the same age group 14–17 (total 16 shown below): 14 (6), the smaller of 14 and 16
    assert [(r["Ålder (år)"], r["Antal"]) for r in pyramid] == [
        ("8", "5"), ("10", "6"), ("14", "<5"), ("15", "<5"), ("16", "7")
    ]  # fmt: skip
    per_manad = [r for r in tabell(at, "Åldersgrupp") if r["Månad"] == "2024-03"]
    for rad in per_manad:
        if rad["Antal"] != "<5":
            dolda = [
                p for p in pyramid
                if GRUPP[p["Ålder (år)"]] == rad["Åldersgrupp"] and p["Kön"] == rad["Kön"]
                and p["Antal"] == "<5"
            ]  # fmt: skip
            assert len(dolda) != 1, rad
    # the tiles: 27 in care, 21 girls, 6 boys (no per-sex total has one masked age)
    assert {m.label: m.value for m in at.metric} == {
        "I vård 31 mar 2024": "27", "Flickor/kvinnor": "21", "Pojkar/män": "6", "Okänt": "0"
    }  # fmt: skip


# Boys 16 aged 6 months … (see test_skydd_vy): a unit of one child (Uven, 31 care-days in
# March) in HVB beside Ugglan (6 children, 186 days); Tallen (stödboende) has 5 (155 days).
def _person(nr: int, enhet: str) -> dict[str, dict[str, object]]:
    pid = f"P{nr}"
    return {
        "personer": {"person_id": pid, "fodelsedatum": "2008-06-15", "kon": "M"},
        "anvisningar": {"anvisning_id": f"A{nr}", "person_id": pid,
                        "anvisningsdatum": "2024-01-10", "anvisningskommun": N},
        "placeringar": {"placering_id": f"L{nr}", "person_id": pid, "enhet_id": enhet,
                        "startdatum": "2024-01-10"},
    }  # fmt: skip


_FOLK = [_person(i, e) for i, e in enumerate(["U1"] * 6 + ["U2"] + ["U3"] * 5)]
ENHETER: Tables = {
    **{t: [p[t] for p in _FOLK] for t in ("personer", "anvisningar", "placeringar")},
    "enheter": [
        {"enhet_id": "U1", "namn": "Ugglan", "boendeform": "HVB", "kommun": N, "dygnspris": 2000},
        {"enhet_id": "U2", "namn": "Uven", "boendeform": "HVB", "kommun": N, "dygnspris": 2000},
        {"enhet_id": "U3", "namn": "Tallen", "boendeform": "stodboende", "kommun": N,
         "dygnspris": 1000},
    ],
    "platser": [
        {"enhet_id": e, "giltig_fran": "2024-01-01", "antal_platser": n, "platstyp": "asyl"}
        for e, n in (("U1", 8), ("U2", 2), ("U3", 6))
    ],
}  # fmt: skip


def test_belaggning_units_are_paired_within_their_boendeform(
    namnd: Callable[..., AppTest],
) -> None:
    at = namnd(ENHETER, "belaggning", MARS)
    # March, 31 days, threshold 5 × 31 = 155 care-days. Uven 31 < 155: masked. Unprotected
    # today its partner is the smallest other unit, Tallen (155, stödboende), and HVB's 217
    # − Ugglan's 186 = 31 gives Uven back. Within HVB the partner is Ugglan.
    # the committee sees the calendar year 2024, up to the extraction date 2024-03-31: the
    # months from the first placement (2024-01-10) to March
    alla = tabell(at, "Enhet (id)")
    assert sorted({r["Månad"] for r in alla}) == ["2024-01", "2024-02", "2024-03"]
    enheter = [r for r in alla if r["Månad"] == "2024-03"]
    vardygn = next(k for k in enheter[0] if k.startswith("Vårddygn"))
    assert [(r["Enhet (id)"], r[vardygn]) for r in enheter] == [
        ("U1", "<5"), ("U2", "<5"), ("U3", "155")
    ]  # fmt: skip
    former = [r for r in tabell(at, "Boendeform") if r["Månad"] == "2024-03"]
    assert [(r["Boendeform"], r[vardygn]) for r in former] == [
        ("HVB", "217"), ("Stödboende", "155")
    ]  # fmt: skip


def test_kommunoverskridande_has_no_flow_in_the_protected_view(
    namnd: Callable[..., AppTest],
) -> None:
    at = namnd(TRETTON_I_A, "kommunoverskridande", {"datum": D})
    rubriker = [m.value for m in at.markdown if m.value.startswith("#### ")]
    assert not [r for r in rubriker if "från ansvarig kommun till vistelsekommun" in r]
    assert any("Flödet mellan kommuner visas inte" in c.value for c in at.caption)


def test_export_uses_no_person_filter_and_offers_no_flow(namnd: Callable[..., AppTest]) -> None:
    # all: 23 in care, 13 girls and 10 boys aged 14–17; living in Nacka: 20. A link filtered
    # to Nacka is not narrowed in the protected view ("all but Solna" would give Solna's 3)
    at = namnd(TVA_KOMMUNER, "export", {"datum": D, "vistelsekommun": N})
    at.selectbox(key="figur").set_value("alder_kon").run()
    assert not at.exception
    assert any("filter på vistelsekommun används inte" in i.value for i in at.info)
    rader = tabell(at, "Åldersgrupp")
    assert [(r["Kön"], r["Antal"]) for r in rader] == [
        ("Flickor/kvinnor", "13"),
        ("Pojkar/män", "10"),
    ]
    assert queries.figure("kommunoverskridande_matris").title not in (
        at.selectbox(key="figur").options
    )


def test_no_person_filter_in_the_protected_view(namnd: Callable[..., AppTest]) -> None:
    at = namnd(PYRAMID, "alder_och_kon", MARS | {"kon": "K"})
    assert not [m for m in at.sidebar.multiselect if m.key in ("kon", "vistelsekommun")]
    assert any("visas alltid alla" in c.value for c in at.sidebar.caption)
    # the link's kon=K is not applied: 21 girls and 6 boys, 27 in all
    assert {m.label: m.value for m in at.metric}["I vård 31 mar 2024"] == "27"
    assert at.query_params["kon"] == "K"  # kept in the link for an analyst


def test_oversikt_is_not_narrowed_by_a_person_filter(namnd: Callable[..., AppTest]) -> None:
    # all 33 in care (Nacka responsible); living in Nacka 20, of whom all 14–17, against
    # 23 aged 14–17 in all: 23 − 20 = 3 would be Solna's. The tile shows all 33.
    at = namnd(TRETTON_I_A, "oversikt", {"datum": D, "vistelsekommun": N})
    assert {m.label: m.value for m in at.metric}["I vård nu"] == "33"
    assert not [m.value for m in at.markdown if "**20**" in m.value]


def _klickbara(at: AppTest) -> list[str]:
    """The plotly charts a click selects points in, by their title's opening words."""
    ut = []
    for diagram in at.get("plotly_chart"):
        if list(diagram.proto.selection_mode):
            titel = json.loads(diagram.proto.spec)["layout"]["title"]["text"]
            ut.append(re.sub(r"<[^>]+>", "", titel)[:40])
    return ut


@pytest.mark.parametrize(
    ("tabeller", "sida", "klickbar_for_analytiker"),
    [
        (PYRAMID, "alder_och_kon", ["Personer i vård per åldersgrupp, per mån"]),
        (ENHETER, "belaggning", ["Vårddygn i boendeformer med avtalade pla",
                                 "Lediga platsdygn och deras kostnad per e"]),
    ],
)  # fmt: skip
def test_no_click_through_to_a_new_selection_in_the_protected_view(
    tabeller: Tables,
    sida: str,
    klickbar_for_analytiker: list[str],
    namnd: Callable[..., AppTest],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # the committee may click a boendeform (it narrows the unit rows already shown), but not an
    # age group or a unit, whose table or months would be a new selection protected on its own
    # (one unit's and two units' care-days subtract to the second's)
    at = namnd(tabeller, sida, MARS)
    assert _klickbara(at) == [t for t in klickbar_for_analytiker if t.startswith("Vårddygn i")]
    monkeypatch.setenv("EKB_LOKAL_ANALYTIKER", "1")
    assert _klickbara(namnd(tabeller, sida, MARS)) == klickbar_for_analytiker


def test_the_committee_chooses_a_calendar_year_and_a_months_stock_date(
    namnd: Callable[..., AppTest], monkeypatch: pytest.MonkeyPatch
) -> None:
    # a link for 1–31 March and 15 March: inside the year 2024 (extraction D = 31 March), and
    # a day whose stock could be subtracted from the next day's
    lank = {"fran": "2024-03-01", "till": "2024-03-31", "datum": "2024-03-15"}
    at = namnd(PYRAMID, "oversikt", lank)
    assert not at.date_input
    ar, dag = at.selectbox(key="k_ar"), at.selectbox(key="k_datum")
    assert (ar.label, ar.value) == ("År", 2024)
    assert (dag.label, dag.value) == ("Rapportdatum", date(2024, 3, 31))
    # the data start with the first anvisning in 2023: the month ends since, newest first
    assert dag.options[:3] == ["31 mar 2024", "29 feb 2024", "31 jan 2024"]
    assert any(
        "perioden 1 mar 2024–31 mar 2024 som hela år 2024 och rapportdatumet 15 mar 2024 som "
        "31 mar 2024 visas" in i.value
        for i in at.info
    ), [i.value for i in at.info]
    assert (at.query_params["fran"], at.query_params["till"], at.query_params["datum"]) == (
        "2024-01-01", "2024-03-31", "2024-03-31"
    )  # fmt: skip
    # an analyst gets the free date fields, as the link gives them
    monkeypatch.setenv("EKB_LOKAL_ANALYTIKER", "1")
    at = namnd(PYRAMID, "oversikt", lank)
    assert [d.value for d in at.date_input] == [date(2024, 3, 1), date(2024, 3, 31),
                                                date(2024, 3, 15)]  # fmt: skip


def test_kommunoverskridande_masks_a_pair_as_its_other_municipality_does(
    namnd: Callable[..., AppTest],
) -> None:
    # placed in Stockholm: Södertälje 8 and Nacka 6. Nacka's own page masks its 6 in
    # Stockholm as the partner of its 2 in Solna, so Stockholm's page masks it too (else
    # Nacka's 15 − 7 − 6 = 2), and with it Södertälje's 8; the total 14 has two hidden parts
    at = namnd(PAR, "kommunoverskridande", {"datum": D, "kommun": "0180"})
    lista = tabell(at, "Kommun (kod)")
    assert [(r["Kommun (kod)"], r["Antal"]) for r in lista] == [("0181", "<5"), ("0182", "<5")]
    assert [(m.label, m.value) for m in at.metric][0] == ("Placerade här av andra kommuner", "14")


def test_ersattning_hides_the_expected_sum_that_gives_one_childs_days(
    namnd: Callable[..., AppTest],
) -> None:
    # March 2024: 310 000 (N07) + 23 250 (N03, one child's 31 days × 750) + 41 666,67 (N06)
    at = namnd(ERSATTNING, "ersattning", {"fran": "2024-03-01", "till": D, "kommun": N})
    rutor = {m.label: m.value for m in at.metric}
    assert (rutor["Förväntad ersättning"], rutor["Differens (bokförd − förväntad)"]) == (
        "dold",
        "dold",
    )
    # March's outcome (11 in care) is hidden, so is the mean error computed from it
    assert [m.value for m in at.markdown if "genomsnittligt fel dold" in m.value]
    # the gap's one month is hidden: no sentence may say that booked and expected agree
    assert not [m.value for m in at.markdown if "överens varje månad" in m.value]
    # nowhere on the page: the category, the expected sum, the schablons per person
    texter = [m.value for m in at.markdown] + [str(d.value.to_dict()) for d in at.dataframe]
    for belopp in ("23250", "23\xa0250", "374916", "333250", "333\xa0250"):
        assert not [t for t in texter if belopp in t.replace(" ", "")], belopp


def test_the_scenario_is_not_in_the_protected_view(namnd: Callable[..., AppTest]) -> None:
    # a rule's amount set to its rate + 1 kr would show a month's count as kronor
    lank = {"fran": "2024-01-01", "till": D, "kommun": N, "s_kategori": "anvisning_engangs",
            "s_belopp": "52001", "s_regel_fran": "2024-01-01"}  # fmt: skip
    at = namnd(ERSATTNING, "ersattning", lank)
    assert not [m.value for m in at.markdown if m.value.startswith("### Scenario")]
    assert any("Scenarier visas inte i den skyddade vyn" in c.value for c in at.caption)
    assert not [m for m in at.metric if m.label.startswith("Scenariots effekt")]
