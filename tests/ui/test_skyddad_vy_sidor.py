"""The committee's protected view page by page, on hand-built databases where two figures
of the same persons (or a filtered and an unfiltered view) could be differenced today.

The populations are those of tests/queries/test_skydd_vy.py, plus units for Beläggning.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

import queries
from tests.helpers.flikar import visa_tabeller
from tests.helpers.importera import Tables, import_tables
from tests.queries.test_skydd_vy import PYRAMID, TRETTON_I_A, TVA_KOMMUNER, D

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
    enheter = tabell(at, "Enhet (id)")
    vardygn = next(k for k in enheter[0] if k.startswith("Vårddygn"))
    assert [(r["Enhet (id)"], r[vardygn]) for r in enheter] == [
        ("U1", "<5"), ("U2", "<5"), ("U3", "155")
    ]  # fmt: skip
    former = tabell(at, "Boendeform")
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
