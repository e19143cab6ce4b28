"""The report of a small hand-built database, masked and internal, read back as text.

Nacka (0182), reporting date D = 2024-03-15, period 2024-01-01..2024-03-15, extraction
2024-06-30. Units: U1 HVB in Nacka (0182), U2 stödboende in Göteborg (1480).

person  sex  born        anvisad to  placement                      on D
P1      M    2008-01-10  0182        U1 2024-01-01 ->               in care, 16, lives in Nacka
P2      K    2009-05-05  0182        U1 2024-02-01 ->               in care, 14, lives in Nacka
P3      M    2007-02-02  0182        U2 2023-12-01 ->               in care, 17, lives in Göteborg
P4      M    2008-08-08  0180        U1 2024-01-15 ->               Stockholm's, lives in Nacka
P5      K    2010-10-10  0182        U1 2023-01-01 -> 2024-02-01    left before D

Every count is 1..4, so the masked version must not show one of them.
"""

from __future__ import annotations

import re
import subprocess
from datetime import date
from pathlib import Path

import pytest

from queries import skydd
from report import RapportFel, bygg_rapport
from report.__main__ import main
from tests.helpers.importera import Tables, import_tables
from tests.report.pdftext import en_rad, info, sidor, typsnitt

D = date(2024, 3, 15)
FRAN = date(2024, 1, 1)


def _anvisning(aid: str, pid: str, datum: str, kommun: str) -> dict[str, object]:
    return {
        "anvisning_id": aid,
        "person_id": pid,
        "anvisningsdatum": datum,
        "anvisningskommun": kommun,
        "uppehallstillstand": "",
        "uppehallstillstand_datum": "",
        "avslutsdatum": "",
        "avslutsorsak": "",
    }


def _placering(plid: str, pid: str, eid: str, start: str, slut: str = "") -> dict[str, object]:
    return {
        "placering_id": plid,
        "person_id": pid,
        "enhet_id": eid,
        "startdatum": start,
        "slutdatum": slut,
        "dygnskostnad": "",
        "vistelsekommun": "",
    }


SMA: Tables = {
    "personer": [
        {"person_id": "P1", "fodelsedatum": "2008-01-10", "kon": "M"},
        {"person_id": "P2", "fodelsedatum": "2009-05-05", "kon": "K"},
        {"person_id": "P3", "fodelsedatum": "2007-02-02", "kon": "M"},
        {"person_id": "P4", "fodelsedatum": "2008-08-08", "kon": "M"},
        {"person_id": "P5", "fodelsedatum": "2010-10-10", "kon": "K"},
    ],
    "anvisningar": [
        _anvisning("a1", "P1", "2023-12-20", "0182"),
        _anvisning("a2", "P2", "2024-01-20", "0182"),
        _anvisning("a3", "P3", "2023-11-20", "0182"),
        _anvisning("a4", "P4", "2024-01-10", "0180"),
        _anvisning("a5", "P5", "2022-12-15", "0182"),
    ],
    "enheter": [
        {
            "enhet_id": "U1",
            "namn": "Enhet U1",
            "boendeform": "HVB",
            "kommun": "0182",
            "regi": "egen",
            "dygnspris": 2000,
        },
        {
            "enhet_id": "U2",
            "namn": "Enhet U2",
            "boendeform": "stodboende",
            "kommun": "1480",
            "regi": "upphandlad",
            "dygnspris": 1000,
        },
    ],
    "placeringar": [
        _placering("p1", "P1", "U1", "2024-01-01"),
        _placering("p2", "P2", "U1", "2024-02-01"),
        _placering("p3", "P3", "U2", "2023-12-01"),
        _placering("p4", "P4", "U1", "2024-01-15"),
        _placering("p5", "P5", "U1", "2023-01-01", "2024-02-01"),
    ],
}


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return import_tables(tmp_path_factory.mktemp("liten"), SMA, uttagsdatum="2024-06-30")


def _pdf(db: Path, intern: bool, ut: Path) -> Path:
    ut.write_bytes(bygg_rapport(db, "0182", D, FRAN, D, intern=intern))
    return ut


@pytest.fixture(scope="module")
def maskerad(db: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _pdf(db, False, tmp_path_factory.mktemp("pdf") / "maskerad.pdf")


@pytest.fixture(scope="module")
def intern(db: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    # through the command line, as an analyst runs it
    ut = tmp_path_factory.mktemp("pdf") / "intern.pdf"
    argv = ["--db", str(db), "--kommun", "0182", "--date", "2024-03-15", "--out", str(ut)]
    assert main([*argv, "--from", "2024-01-01", "--intern"]) == 0
    return ut


def test_internal_version_has_the_hand_computed_figures(intern: Path) -> None:
    text = en_rad("\n".join(sidor(intern)))
    # in care on D with Nacka responsible: P1, P2, P3 = 3; K: P2 = 1, M: P1, P3 = 2.
    # A year earlier (2023-03-15) only P5 (U1 from 2023-01-01).
    assert (
        "Den 15 mars 2024 var 3 ensamkommande barn och unga i vård med Nacka som ansvarig "
        "kommun: 1 flickor och 2 pojkar. Ett år tidigare var de 1." in text
    )
    # a month earlier (2024-02-15): P1, P2 (from 02-01), P3; P5 left on 02-01 = 3
    assert "I vård på rapportdatumet 3 varav flickor 1 varav pojkar 2" in text
    assert "En månad tidigare 3 Ett år tidigare 1" in text
    # living in Nacka, Stockholm responsible: P4 (same län: 1, 100 %);
    # Nacka's living elsewhere: P3 in Göteborg (other län: 0 in the same län)
    # living in Nacka on D: P1, P2, P4 (U1) = 3, of whom P4 is Stockholm's: 1/3 = 33 %
    assert (
        "Den 15 mars 2024 bodde 3 ensamkommande barn och unga i Nacka. 1 av dem (33 %) var "
        "anvisade till en annan kommun, 1 av dessa från Stockholms län. 1 som Nacka ansvarar "
        "för bodde i en annan kommun, 0 av dem i Stockholms län." in text
    )


def test_cover_names_municipality_period_dates_and_filters(maskerad: Path) -> None:
    forsta = en_rad(sidor(maskerad)[0])
    assert "Kommun (ansvarig kommun) Nacka (0182)" in forsta
    # asked for 15 March, 1 January – 15 March: the masked report shows the committee's
    # calendar, March's stock date and the year up to the extraction date 30 June
    assert "Rapportdatum 31 mars 2024" in forsta
    assert "Period 1 januari 2024 – 30 juni 2024" in forsta
    assert "Data per uttagsdatum 30 juni 2024, importerad" in forsta
    assert (
        "Filter ansvarig kommun Nacka (0182); alla boendeformer, regier, åldersgrupper och kön"
        in forsta
    )
    assert en_rad(skydd.regeltext()) in forsta
    # imported from a municipality's export, not the demo generator
    assert "Demodata" not in forsta


def test_masked_version_shows_no_count_from_1_to_4(maskerad: Path) -> None:
    text = en_rad("\n".join(sidor(maskerad)))
    assert (
        "var ett skyddat antal ensamkommande barn och unga i vård med Nacka som ansvarig kommun"
        in text
    )
    assert "I vård på rapportdatumet <5 varav flickor <5 varav pojkar <5" in text
    assert (
        "bodde ett skyddat antal ensamkommande barn och unga i Nacka. Ett skyddat antal av dem var anvisade "
        "till en annan kommun" in text
    )
    # what may carry a digit 1..4 and is no count: the rule's own "1 till 4", dates,
    # figure/table/section/page numbers, the content code and amounts in kronor
    rest = text.replace(en_rad(skydd.regeltext()), "")
    rest = re.sub(r"\d{1,2} (januari|mars|juni) 20\d\d|\b20\d\d-\d\d-\d\d( \d\d:\d\d)?", "", rest)
    rest = re.sub(r"(Figur|Tabell|Sida) \d+( av \d+)?|^\d\. |(?<=\s)\d\. ", "", rest)
    rest = re.sub(r"Innehållskod [0-9a-f]{12}|15 mar 2024|[−\d ]+ kr|<5", "", rest)
    assert re.findall(r"\b[1-4]\b", rest) == []


def test_internal_version_says_so_on_every_page(intern: Path, maskerad: Path) -> None:
    varning = "Internt – innehåller små antal, får inte lämnas ut"
    assert all(varning in en_rad(sida) for sida in sidor(intern))
    assert not any(varning in en_rad(sida) for sida in sidor(maskerad))
    # imported from a municipality's export: no page says demo data
    assert not any("Demodata" in sida for sida in sidor(maskerad))


def test_pdf_is_tagged_a4_with_embedded_fonts(maskerad: Path) -> None:
    i = info(maskerad)
    assert i["Page size"].startswith("595.276 x 841.89 pts (A4)")
    assert i["Tagged"] == "yes"
    # cover + persons in care + cross-municipal + state compensation (care-days priced by
    # the rules); no occupancy (no contracted places) and no finance (no ledger, no budget)
    assert i["Pages"] == "4"
    # declared PDF/UA-1, in Swedish
    meta = subprocess.run(["pdfinfo", "-meta", str(maskerad)], capture_output=True, text=True)
    assert "<pdfuaid:part>1</pdfuaid:part>" in meta.stdout
    assert "<dc:language><rdf:Bag><rdf:li>sv-SE</rdf:li>" in meta.stdout
    fonts = typsnitt(maskerad)
    assert fonts and all(rad[-5] == "yes" for rad in fonts)


def test_same_figures_same_content_code(db: Path, maskerad: Path, intern: Path) -> None:
    def kod(pdf: Path) -> str:
        hit = re.search(r"Innehållskod ([0-9a-f]{12})", sidor(pdf)[0])
        assert hit
        return hit.group(1)

    igen = _pdf(db, False, maskerad.with_name("igen.pdf"))
    assert kod(igen) == kod(maskerad)
    assert kod(intern) != kod(maskerad)


def test_unknown_municipality_is_refused_in_swedish(db: Path) -> None:
    with pytest.raises(RapportFel, match="--kommun: okänt värde '9999'"):
        bygg_rapport(db, "9999", D, FRAN, D)


def test_database_built_by_other_code_is_refused(db: Path, tmp_path: Path) -> None:
    import shutil

    import duckdb

    kopia = tmp_path / "gammal.duckdb"
    shutil.copy(db, kopia)
    with duckdb.connect(str(kopia)) as con:
        con.execute("update bygge set kod_hash = 'annan'")
    with pytest.raises(RapportFel, match="byggdes av en annan version"):
        bygg_rapport(kopia, "0182", D, FRAN, D)


def test_period_ending_before_it_starts_is_refused(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    argv = ["--db", str(db), "--kommun", "0182", "--date", "2024-03-15", "--from", "2024-03-01"]
    assert main([*argv, "--to", "2024-02-01", "--out", str(tmp_path / "r.pdf")]) == 1
    assert (
        "Perioden börjar (2024-03-01) efter att den slutar (2024-02-01)" in capsys.readouterr().err
    )
    assert not (tmp_path / "r.pdf").exists()


def test_another_municipality_gets_no_owner_figures(db: Path, tmp_path: Path) -> None:
    # "180" is Stockholm's 0180; the data owner is Nacka (most anvisningar: 4 of 5)
    pdf = tmp_path / "stockholm.pdf"
    pdf.write_bytes(bygg_rapport(db, "180", D, FRAN, D))
    sid = [en_rad(s) for s in sidor(pdf)]
    assert "Kommun (ansvarig kommun) Stockholm (0180)" in sid[0]
    assert "Ingår inte beläggning, ekonomi och statlig ersättning" in sid[0]
    assert "dataägarens (0182)" in sid[0]
    # Stockholm is responsible for P4 only: 1 person, masked
    assert (
        "var ett skyddat antal ensamkommande barn och unga i vård med Stockholm som ansvarig"
        in sid[1]
    )
    # cover, persons in care, cross-municipal
    assert info(pdf)["Pages"] == "3"


def test_masked_report_hides_the_expected_compensation_of_one_child(tmp_path: Path) -> None:
    from tests.queries.test_skydd_lankar import ERSATTNING

    # March 2024: 310 000 (N07) + 23 250 (N03: one child's 31 days × 750) + 41 666,67 (N06)
    # = 374 916,67; booked 0. The one month's category is hidden, and so its sum
    db = import_tables(tmp_path, ERSATTNING, "2024-03-31")
    pdf = tmp_path / "r.pdf"
    pdf.write_bytes(
        bygg_rapport(db, "0182", date(2024, 3, 31), date(2024, 3, 1), date(2024, 3, 31))
    )
    text = en_rad("\n".join(sidor(pdf)))
    assert "var den förväntade statliga ersättningen dold" in text
    assert "Förväntad ersättning dold" in text
    for belopp in ("374 917", "374 916", "23 250"):
        assert belopp not in text.replace("\u00a0", " ")
