"""What the acceptance tester found on the overview, Beläggning and Ekonomi (issue 4).

One small export, imported with the real importer, with four persons in family homes and
neither places nor a ledger: every expected figure below is counted by hand from it.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

Oppna = Callable[..., AppTest]

# P2's placement ends 2024-03-01 (the end day is not a day in care); P3 and P4 start in March
PLACERINGAR = {"P1": ("2024-01-02", ""), "P2": ("2024-01-02", "2024-03-01")}
PLACERINGAR |= {"P3": ("2024-03-10", ""), "P4": ("2024-03-20", "")}
UTTAGSDATUM = "2024-03-31"


@pytest.fixture
def liten_db(tmp_path: Path, import_tables: Callable[..., Path]) -> Path:
    return import_tables(tmp_path, tabeller(), UTTAGSDATUM)


def tabeller() -> dict[str, list[dict[str, str]]]:
    """Four persons in one family home, responsible Nacka (0182); no places, no ledger."""
    personer = list(PLACERINGAR)
    return {
        "personer": [{"person_id": p, "fodelsedatum": "2008-01-01", "kon": "M"} for p in personer],
        "anvisningar": [
            {
                "anvisning_id": f"A{p}",
                "person_id": p,
                "anvisningsdatum": "2024-01-01",
                "anvisningskommun": "0182",
            }
            for p in personer
        ],
        "enheter": [
            {
                "enhet_id": "F1",
                "namn": "Familjehem",
                "boendeform": "familjehem",
                "kommun": "0182",
                "dygnspris": "900",
            }
        ],
        "placeringar": [
            {
                "placering_id": f"PL{p}",
                "person_id": p,
                "enhet_id": "F1",
                "startdatum": start,
                "slutdatum": slut,
            }
            for p, (start, slut) in PLACERINGAR.items()
        ],
    }


def tile(at: AppTest, etikett: str) -> tuple[str, str | None]:
    """Value and delta of the KPI tile `etikett` (an empty delta when it has none)."""
    (metric,) = [m for m in at.metric if m.label == etikett]
    return metric.value, metric.delta


def test_i_vard_nu_pa_rapportdatumet_mot_samma_dag_en_manad_tidigare(
    oppna: Oppna, liten_db: Path
) -> None:
    at = oppna(liten_db, query={"datum": "2024-03-31"})
    # 31 mar: P1, P3, P4 = 3 (P2 left 1 mar); 29 feb: P1, P2 = 2 → +1;
    # 31 mar 2023 is before the first data (2 jan 2024): no comparison
    assert tile(at, "I vård nu") == ("3", "+1 mot förra månaden")
    assert "– mot ett år tidigare" in [c.value for c in at.caption]


def test_rapportdatum_efter_uttagsdatum_jamfor_samma_dag(oppna: Oppna, liten_db: Path) -> None:
    at = oppna(liten_db, query={"datum": "2024-04-15"})
    # after the extraction date 31 mar nobody counts as in care: 0;
    # 15 mar: P1 and P3 (P4 starts 20 mar, P2 left 1 mar) = 2 → 0 − 2 = −2
    assert tile(at, "I vård nu") == ("0", "-2 mot förra månaden")
    assert at.date_input(key="datum").value == date(2024, 4, 15)
    assert any("efter uttagsdatumet 31 mar 2024" in w.value for w in at.warning)
    alder = oppna(liten_db, "alder_och_kon", query={"datum": "2024-04-15"})
    assert [m.value for m in alder.metric if m.label.startswith("I vård")] == ["0"]


def test_rapportdatumets_hjalptext_namner_uttagsdatumet(oppna: Oppna, liten_db: Path) -> None:
    at = oppna(liten_db)
    assert "uttagsdatumet 31 mar 2024" in (at.date_input(key="datum").help or "")


def test_utan_huvudbok_visas_streck_och_ingen_budgetmening(oppna: Oppna, liten_db: Path) -> None:
    at = oppna(liten_db, query={"datum": "2024-03-31"})
    # no ekonomi and no budget imported: nothing to compare, not "0 kr bättre än budget"
    varde, delta = tile(at, "Balans hittills i år")
    assert (varde, delta or None) == ("–", None)
    assert not any("budget" in m.value for m in at.markdown)


def test_belaggning_utan_platser_sager_att_platser_saknas(oppna: Oppna, liten_db: Path) -> None:
    at = oppna(liten_db, "belaggning")
    (info,) = [i.value for i in at.info]
    assert info.startswith("Inga avtalade platser är importerade")
    assert "`platser`" in info and "python -m ingest" in info


def test_ekonomi_utan_huvudbok_och_budget_sager_det(oppna: Oppna, liten_db: Path) -> None:
    at = oppna(liten_db, "ekonomi")
    (info,) = [i.value for i in at.info]
    assert info.startswith("Ingen ekonomi är importerad")
    assert "`ekonomi` och `budget`" in info


def test_oversikten_sager_vilka_filter_varje_ruta_foljer(oppna: Oppna, liten_db: Path) -> None:
    at = oppna(liten_db, query={"datum": "2024-03-31", "boendeform": "HVB", "kon": "M"})
    # everyone lives in a family home: nobody in HVB on 31 mar
    assert tile(at, "I vård nu")[0] == "0"
    texter = [c.value for c in at.caption]
    # alder_kon takes both filters, belaggning_boendeform only boendeform,
    # budgetbalans and kommunoverskridande_andel neither
    assert texter.count("Filtrerat på boendeform och kön.") == 1
    assert texter.count("Filtrerat på boendeform, inte på kön.") == 1
    assert texter.count("Inte filtrerat på boendeform och kön.") == 2
    assert any(t.startswith("Sammanfattningen bygger på rutornas tal") for t in texter)


def test_utan_filter_ingen_filtertext(oppna: Oppna, liten_db: Path) -> None:
    at = oppna(liten_db)
    assert not any("filtrerat" in c.value.lower() for c in at.caption)


def test_huvudbok_utan_budget_visar_balans_men_ingen_jamforelse(
    oppna: Oppna, tmp_path: Path, import_tables: Callable[..., Path]
) -> None:
    konto = {"konto": "4500", "benamning": "Familjehem", "typ": "kostnad"}
    bok = [{"period": p, "verksamhet": "EKB", "konto": "4500", "belopp": b} for p, b in (
        ("2024-01", "1000"), ("2024-02", "500.5")
    )]  # fmt: skip
    db = import_tables(
        tmp_path,
        tabeller() | {"kontoplan": [konto | {"kategori": "familjehem"}], "ekonomi": bok},
        UTTAGSDATUM,
    )
    at = oppna(db, query={"datum": "2024-03-31"})
    # costs 1 000 + 500,5 = 1 500,5, no revenue: balance −1 500,5 → −1 501 kr; no budget
    varde, delta = tile(at, "Balans hittills i år")
    assert (varde, delta or None) == ("−1\u00a0501\u00a0kr", None)
    ekonomi = oppna(db, "ekonomi")
    assert any(w.value.startswith("Tabellen `budget` saknas") for w in ekonomi.warning)


def test_ekonomi_efter_uttagsmanaden_visar_senast_kanda_balans(
    oppna: Oppna, tmp_path: Path, import_tables: Callable[..., Path]
) -> None:
    # ledger Jan–Mar 2024 (extraction 2024-03-31), budget every month of 2024;
    # cost 100 000 a month, revenue 80 000 a month -> balance −20 000 a month;
    # budget: cost 90 000, revenue 90 000 -> 0 a month.
    # Viewing all of 2024: the year to date is through March (the last month with outcome):
    # balance 3 × −20 000 = −60 000 kr, budget to date 3 × 0 = 0 kr (not April–December).
    ekonomi = [
        {"period": f"2024-{m:02d}", "verksamhet": "EKB", "konto": k, "belopp": b}
        for m in (1, 2, 3)
        for k, b in (("4010", "100000"), ("3010", "-80000"))
    ]
    budget = [
        {"period": f"2024-{m:02d}", "verksamhet": "EKB", "konto": k, "belopp": b}
        for m in range(1, 13)
        for k, b in (("4010", "90000"), ("3010", "-90000"))
    ]
    kontoplan = [
        {"konto": "4010", "benamning": "HVB", "typ": "kostnad", "kategori": "HVB"},
        {"konto": "3010", "benamning": "Ers", "typ": "intakt", "kategori": "schablon"},
    ]
    extra = {"kontoplan": kontoplan, "ekonomi": ekonomi, "budget": budget}
    db = import_tables(tmp_path, {**tabeller(), **extra}, UTTAGSDATUM)
    at = oppna(db, "ekonomi", query={"fran": "2024-01-01", "till": "2024-12-31"})
    varden = {m.label: m.value for m in at.metric}
    assert varden["Balans hittills i år"] == "−60\u00a0000\u00a0kr"  # NBSP thousands
    assert varden["Budget hittills i år"] == "0\u00a0kr"


def test_data_varnar_nar_uttagsdatumet_ligger_langt_efter_datan(
    oppna: Oppna, tmp_path: Path, import_tables: Callable[..., Path]
) -> None:
    # imported without its extraction date, as on 1 December 2026: the newest event is P4's
    # start 2024-03-20; 2024-03-20 -> 2026-03-20 = 365 + 365, -> 2026-12-01 = 12 (to 1 Apr)
    # + 244 (Apr..Nov) = 256: 986 days, far more than 90
    db = import_tables(tmp_path, tabeller(), "2026-12-01")
    at = oppna(db, "data")
    (varning,) = [w.value for w in at.warning if "uttagsdatum" in w.value]
    assert "20 mar 2024, 986 dagar före uttagsdatumet 1 dec 2026" in varning
    assert "--uttagsdatum" in varning


def test_data_varnar_inte_nar_uttaget_foljer_datan(oppna: Oppna, liten_db: Path) -> None:
    # extraction 2024-03-31, newest event 2024-03-20: 11 days
    at = oppna(liten_db, "data")
    assert not [w.value for w in at.warning if "uttagsdatum" in w.value]
