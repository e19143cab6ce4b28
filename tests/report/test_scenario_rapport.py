"""A what-if scenario in the PDF report, from the same `s_*` link the page shares.

Nacka (0182) owns everything. One youth P1 in HVB U1 at 2 000 kr a dygn from 2024-01-01,
extraction 2024-03-31, period 2024-01-01..2024-03-31. Ledger January: HVB cost 62 000,
schablon −31 000 (revenue 31 000). Scenario: HVB prices +10 % (`s_pris_form=HVB&
s_pris_procent=10`), so each month's cost grows by care-days × 2 000 × 10 %.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from report import RapportFel, bygg_rapport
from report.__main__ import main
from tests.helpers.importera import Tables, import_tables
from tests.report.pdftext import en_rad, sidor

LANK = "s_pris_form=HVB&s_pris_procent=10.0"
FALL: Tables = {
    "personer": [{"person_id": "P1", "fodelsedatum": "2008-01-10", "kon": "M"}],
    "anvisningar": [
        {
            "anvisning_id": "a1",
            "person_id": "P1",
            "anvisningsdatum": "2023-12-20",
            "anvisningskommun": "0182",
            "uppehallstillstand": "asylsokande",
        },
    ],  # fmt: skip
    "enheter": [
        {
            "enhet_id": "U1",
            "namn": "Enhet U1",
            "boendeform": "HVB",
            "kommun": "0182",
            "regi": "egen",
            "dygnspris": "2000",
        },
    ],  # fmt: skip
    "placeringar": [
        {
            "placering_id": "p1",
            "person_id": "P1",
            "enhet_id": "U1",
            "startdatum": "2024-01-01",
            "slutdatum": "",
            "dygnskostnad": "2000",
            "vistelsekommun": "",
        },
    ],  # fmt: skip
    "kontoplan": [
        {"konto": "4591", "benamning": "HVB", "typ": "kostnad", "kategori": "HVB"},
        {"konto": "3613", "benamning": "Schablon", "typ": "intakt", "kategori": "schablon"},
    ],
    "ekonomi": [
        {"period": "2024-01", "verksamhet": "EKB", "konto": "4591", "belopp": 62000},
        {"period": "2024-01", "verksamhet": "EKB", "konto": "3613", "belopp": -31000},
    ],
}


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return import_tables(tmp_path_factory.mktemp("scenario"), FALL, "2024-03-31")


def _text(pdf: bytes, tmp_path: Path) -> str:
    fil = tmp_path / "r.pdf"
    fil.write_bytes(pdf)
    return en_rad("\n".join(sidor(fil)))


def test_the_report_shows_the_scenario_beside_the_ledger(db: Path, tmp_path: Path) -> None:
    # a scenario only goes into the internal report (docs/skydd.md rule 13)
    pdf = bygg_rapport(db, "0182", date(2024, 3, 31), date(2024, 1, 1), date(2024, 3, 31),
                       intern=True, scenario=LANK)  # fmt: skip
    text = _text(pdf, tmp_path)
    assert "Scenario: balans med och utan scenariot" in text
    assert f"Scenario, inte utfall: {LANK}" in text
    # effect = −(31 + 29 + 31) days × 2 000 kr × 10 % = −18 200 kr over the period
    assert "försämrar balansen med 18 200 kr från 1 januari 2024 till 31 mars 2024" in text
    assert "Scenariots effekt på balansen i perioden −18 200 kr" in text
    # January: cost 62 000 → 62 000 + 31 × 200 = 68 200; revenue 31 000 both ways;
    # balance 31 000 − 62 000 = −31 000 → −37 200; effect −6 200
    assert (
        "januari 2024 62 000 kr 68 200 kr 31 000 kr 31 000 kr −31 000 kr −37 200 kr −6 200 kr"
        in text
    )
    # February 2024 has 29 days: cost 0 → 29 × 200 = 5 800
    assert "februari 2024 0 kr 5 800 kr 0 kr 0 kr 0 kr −5 800 kr −5 800 kr" in text
    # the same report without the link has no scenario section
    utan = bygg_rapport(db, "0182", date(2024, 3, 31), date(2024, 1, 1), date(2024, 3, 31),
                        intern=True)  # fmt: skip
    assert "Scenario" not in _text(utan, tmp_path)


def test_the_masked_report_takes_no_scenario(db: Path) -> None:
    # a rule's amount + 1 kr, or a move capped at the persons there, turns a count into kronor
    with pytest.raises(RapportFel, match="Scenariot tas bara med i den interna rapporten"):
        bygg_rapport(db, "0182", date(2024, 3, 31), date(2024, 1, 1), date(2024, 3, 31),
                     scenario=LANK)  # fmt: skip


def test_the_command_line_takes_the_whole_link(db: Path, tmp_path: Path) -> None:
    ut = tmp_path / "cli.pdf"
    lank = f"http://localhost:8501/ersattning?kommun=0182&{LANK}"
    argv = ["--db", str(db), "--kommun", "0182", "--date", "2024-03-31", "--out", str(ut)]
    assert main([*argv, "--scenario", lank]) == 1  # the masked report takes none
    assert main([*argv, "--intern", "--scenario", lank]) == 0
    assert "försämrar balansen med 18 200 kr" in en_rad("\n".join(sidor(ut)))


def test_a_bad_scenario_link_is_refused_in_swedish(db: Path) -> None:
    with pytest.raises(RapportFel, match="ogiltigt värde 'tio' för s_pris_procent"):
        bygg_rapport(db, "0182", date(2024, 3, 31), date(2024, 1, 1), date(2024, 3, 31),
                     intern=True, scenario="s_pris_form=HVB&s_pris_procent=tio")  # fmt: skip
