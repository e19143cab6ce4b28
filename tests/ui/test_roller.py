"""Roles: who sees what. Without sign-in the committee's protected view; signed in, the role
the mapping file gives (app-role claim first, then groups, then e-mail); analysts alone see
rows about one person.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from streamlit.testing.v1 import AppTest

import queries
from tests.helpers.importera import Tables, import_tables

ROT = Path(__file__).resolve().parents[2]
D = "2024-03-31"

# three in care on 31 mar 2024 with Nacka responsible: two boys, one girl (all small groups)
SMA: Tables = {
    "personer": [
        {"person_id": "P1", "fodelsedatum": "2007-05-01", "kon": "M"},
        {"person_id": "P2", "fodelsedatum": "2008-02-10", "kon": "M"},
        {"person_id": "P3", "fodelsedatum": "2006-11-20", "kon": "K"},
    ],
    "anvisningar": [
        {"anvisning_id": f"A{i}", "person_id": f"P{i}", "anvisningsdatum": "2023-01-10",
         "anvisningskommun": "0182"}
        for i in (1, 2, 3)
    ],
    "enheter": [{"enhet_id": "E1", "namn": "Eken", "boendeform": "HVB", "kommun": "0182"}],
    "placeringar": [
        {"placering_id": f"L{i}", "person_id": f"P{i}", "enhet_id": "E1",
         "startdatum": "2023-01-10"}
        for i in (1, 2, 3)
    ],
}  # fmt: skip
ROLLFIL = """
[roller]
analytiker = ["EKB.Analytiker"]
chef = ["grupp-chefer"]

[anvandare]
"nils@kommun.se" = "analytiker"
"""


@pytest.fixture(scope="module")
def sma_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return import_tables(tmp_path_factory.mktemp("sma"), SMA, D)


@pytest.fixture
def oppna_som(
    sma_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Callable[..., AppTest]:
    """The app as a viewer: `anvandare` None = no identity provider configured."""
    monkeypatch.delenv("EKB_LOKAL_ANALYTIKER", raising=False)
    monkeypatch.setenv("EKB_DB", str(sma_db))
    rollfil = tmp_path / "roller.toml"
    rollfil.write_text(ROLLFIL, encoding="utf-8")
    monkeypatch.setenv("EKB_ROLLER", str(rollfil))

    def _oppna(sida: str, anvandare: dict[str, object] | None = None) -> AppTest:
        at = AppTest.from_file(str(ROT / "dashboard.py"), default_timeout=120)
        at.query_params["datum"] = D
        if anvandare is not None:
            at.secrets["auth"] = {"redirect_uri": "http://localhost:8501/oauth2callback"}
            at.user = anvandare
        if sida != "oversikt":
            at.switch_page(f"pages/{sida}.py")
        return at.run()

    return _oppna


def roll(at: AppTest) -> str:
    return next(c.value for c in at.sidebar.caption if c.value.startswith("Roll:"))


def tal(at: AppTest) -> dict[str, str]:
    return {m.label: m.value for m in at.metric}


def test_utan_inloggning_far_alla_den_skyddade_vyn(oppna_som: Callable[..., AppTest]) -> None:
    at = oppna_som("alder_och_kon")
    assert not at.exception
    assert roll(at) == "Roll: **Nämnd (skyddad vy)**"
    # 3 in care, 1 girl, 2 boys: every count of 1–4 reads <5; zero is shown as it is
    assert tal(at) == {
        "I vård 31 mar 2024": "<5",
        "Flickor/kvinnor": "<5",
        "Pojkar/män": "<5",
        "Okänt": "0",
    }
    assert not [e for e in at.expander if "Vilka fyller" in e.label]
    assert any("visas som <5" in c.value for c in at.caption)


def test_den_skyddade_exporten_erbjuder_inga_rader_om_personer(
    oppna_som: Callable[..., AppTest],
) -> None:
    at = oppna_som("export")
    assert not at.exception
    titlar = at.selectbox(key="figur").options
    assert queries.figure("fodelsedagar_kommande").title not in titlar
    assert queries.figure("fodelsedagar_manad").title in titlar


def test_inloggad_med_approll_blir_analytiker(oppna_som: Callable[..., AppTest]) -> None:
    at = oppna_som(
        "alder_och_kon",
        {"is_logged_in": True, "email": "eva@kommun.se", "roles": ["EKB.Analytiker"]},
    )
    assert not at.exception
    assert roll(at) == "Roll: **Analytiker**"
    assert tal(at)["I vård 31 mar 2024"] == "3"
    assert [e for e in at.expander if "Vilka fyller" in e.label]


def test_chef_ser_summor_men_inga_personrader(oppna_som: Callable[..., AppTest]) -> None:
    at = oppna_som(
        "alder_och_kon", {"is_logged_in": True, "email": "c@kommun.se", "groups": ["grupp-chefer"]}
    )
    assert not at.exception
    assert roll(at) == "Roll: **Chef**"
    assert tal(at)["Flickor/kvinnor"] == "1"
    assert not [e for e in at.expander if "Vilka fyller" in e.label]


def test_anvandare_i_rollfilen_och_utloggad(oppna_som: Callable[..., AppTest]) -> None:
    at = oppna_som("oversikt", {"is_logged_in": True, "email": "nils@kommun.se"})
    assert roll(at) == "Roll: **Analytiker**"
    ute = oppna_som("oversikt", {"is_logged_in": False})
    assert roll(ute) == "Roll: **Nämnd (skyddad vy)**"
    assert [b for b in ute.sidebar.button if b.label == "Logga in"]


SIDOR = [
    "oversikt",
    "belaggning",
    "alder_och_kon",
    "kommunoverskridande",
    "ekonomi",
    "ersattning",
    "data",
    "export",
]


@pytest.mark.parametrize("sida", SIDOR)
def test_varje_sida_ritar_maskerade_figurer_utan_fel(
    sida: str, demo_db: Path, oppna: Callable[..., AppTest], monkeypatch: pytest.MonkeyPatch
) -> None:
    # girls on 30 jun 2017: 32 in care, so the figures are shown, with many cells masked
    monkeypatch.delenv("EKB_LOKAL_ANALYTIKER", raising=False)
    at = oppna(demo_db, sida, query={"datum": "2017-06-30", "kon": "K", "fran": "2017-01-01"})
    assert not at.exception
    assert not [e.value for e in at.error], [e.value for e in at.error]


@pytest.mark.parametrize("sida", SIDOR[:4] + ["data", "ersattning"])
def test_namnd_ser_inget_antal_1_till_4_i_rutor_pa_demodatan(
    sida: str, demo_db: Path, oppna: Callable[..., AppTest], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("EKB_LOKAL_ANALYTIKER", raising=False)
    # girls aged 0–13 in 2017: a narrow selection with many small groups
    at = oppna(demo_db, sida, query={"datum": "2017-06-30", "kon": "K", "aldersgrupp": "0-13"})
    assert not at.exception
    synliga = [m.value for m in at.metric] + [c.value for c in at.caption]
    assert not [v for v in synliga if v.strip() in {"1", "2", "3", "4"}]
    # the rule and its threshold under every protected page
    assert any("visas som <5" in c.value for c in at.caption)


def test_maskerad_kommandorad_ger_samma_fil_som_namndens_nedladdning(
    tmp_path: Path, nedladdningar: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    import subprocess
    import sys

    from tests.e2e.test_namnd_webblasare import SMA as BLANDAD

    # 11 in care in Nacka, responsible 0182 ×5, 0180 ×3, 0120 ×2, 0184 ×1
    sma_db = import_tables(tmp_path, BLANDAD, D)
    monkeypatch.delenv("EKB_LOKAL_ANALYTIKER", raising=False)
    monkeypatch.setenv("EKB_DB", str(sma_db))
    at = AppTest.from_file(str(ROT / "dashboard.py"), default_timeout=120)
    at.query_params["datum"] = D
    at.switch_page("pages/export.py")
    at.run()
    at.selectbox(key="figur").set_value("kommunoverskridande").run()
    assert not at.exception
    sidans = nedladdningar[f"kommunoverskridande_{D}.csv"]()
    kommando = [sys.executable, "-m", "queries", "export", "kommunoverskridande"]
    kommando += ["--db", str(sma_db), "--date", D, "--kommun", "0182"]
    kommando += ["--format", "csv-excel", "--masked"]
    cli = subprocess.run(kommando, cwd=ROT, capture_output=True, check=True).stdout
    assert cli == sidans
    assert b"<5" in cli


def test_maskerad_kommandorad_ger_samma_fil_som_namndens_filtrerade_nedladdning(
    tmp_path: Path,
    nedladdningar: dict[str, Any],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import subprocess
    import sys

    from tests.queries.test_skydd_vy import TRETTON_I_A

    # a link filtered to those living in Nacka: the committee view does not filter on
    # persons, so its file is the unfiltered one, boys 0–13: 10, girls 14–17: 13 (3 of
    # them in Solna), boys 14–17: 10, and --masked gives the same; with the filter it refuses
    db = import_tables(tmp_path, TRETTON_I_A, D)
    monkeypatch.delenv("EKB_LOKAL_ANALYTIKER", raising=False)
    monkeypatch.setenv("EKB_DB", str(db))
    at = AppTest.from_file(str(ROT / "dashboard.py"), default_timeout=120)
    at.query_params["datum"] = D
    at.query_params["vistelsekommun"] = "0182"
    at.switch_page("pages/export.py")
    at.run()
    at.selectbox(key="figur").set_value("alder_kon").run()
    assert not at.exception
    sidans = next(v for k, v in nedladdningar.items() if k.startswith("alder_kon_"))()
    kommando = [sys.executable, "-m", "queries", "export", "alder_kon", "--db", str(db)]
    kommando += ["--date", D, "--kommun", "0182", "--format", "csv-excel", "--masked"]
    cli = subprocess.run(kommando, cwd=ROT, capture_output=True, check=True).stdout
    assert cli == sidans
    rader = cli.decode("utf-8-sig").splitlines()
    assert [r.split(";")[-1] for r in rader[1:]] == ["10", "13", "10"]
    filtrerad = subprocess.run(
        [*kommando, "--vistelsekommun", "0182"], cwd=ROT, capture_output=True, check=False
    )
    assert filtrerad.returncode == 2
    assert "inte filtrerar på vistelsekommun" in filtrerad.stderr.decode("utf-8")
