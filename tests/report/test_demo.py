"""The report of the demo database (Nacka 0182) on 2017-01-31, asked for January 2017: the
masked report shows the committee's calendar, the whole year 2017 (docs/skydd.md rule 16).

The expected numbers are read from the figure layer directly (``queries.run``), then put
into the sentences by hand here: the test checks that the report picks, words and formats
the right figure, on data with every section present.
"""

from __future__ import annotations

import subprocess
from datetime import date
from pathlib import Path

import pytest

import queries
from queries import skydd
from report import bygg_rapport
from tests.helpers import facit
from tests.helpers.demodb import bygg_demo_en_gang
from tests.report.pdftext import en_rad, info, sidor, typsnitt

D = date(2017, 1, 31)
FRAN = date(2017, 1, 1)
AR = date(2017, 12, 31)


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return bygg_demo_en_gang(tmp_path_factory.getbasetemp())


@pytest.fixture(scope="module")
def pdf(demo: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    ut = tmp_path_factory.mktemp("demo_pdf") / "rapport.pdf"
    ut.write_bytes(bygg_rapport(demo, "0182", D, FRAN, D))
    return ut


def _kr(belopp: float) -> str:
    """Whole kronor with a space between thousands and a typographic minus: −115 602 kr."""
    text = f"{abs(round(belopp)):,}".replace(",", " ")
    return ("−" if belopp < 0 else "") + text + " kr"


def test_demo_report_sections_sentences_and_layout(demo: Path, pdf: Path) -> None:
    sid = [en_rad(s) for s in sidor(pdf)]
    text = " ".join(sid)
    assert "Demodata:" in sid[0]
    assert all("Demodata – Nacka, 31 jan 2017" in sida for sida in sid)
    assert en_rad(skydd.regeltext()) in sid[0]
    assert "Rapportdatum 31 januari 2017" in sid[0]

    n = queries.run("i_vard_nyckeltal", demo, datum=D, kommun="0182").row(0, named=True)
    # counts of at least 5 are never masked, so the masked report shows them as they are
    assert min(n["antal_i_vard"], n["antal_k"], n["antal_m"], n["antal_ar_fore"]) >= 5
    assert n["antal_x"] == 0
    assert (
        f"Den 31 januari 2017 var {n['antal_i_vard']} ensamkommande barn och unga i vård med "
        f"Nacka som ansvarig kommun: {n['antal_k']} flickor och {n['antal_m']} pojkar. "
        f"Ett år tidigare var de {n['antal_ar_fore']}." in text
    )

    k = {
        r["riktning"]: r
        for r in queries.run("kommunoverskridande_summa", demo, datum=D, kommun="0182").to_dicts()
    }
    hos_oss, andra = k["placerade_hos_oss"], k["vara_i_andra"]
    # all living in Nacka on D, counted from the base tables; the share rounded half up
    bor = facit.bor_i(demo, D, "0182")
    andel = int(100 * hos_oss["antal"] / bor + 0.5)
    assert (
        f"Den 31 januari 2017 bodde {bor} ensamkommande barn och unga i Nacka. "
        f"{hos_oss['antal']} av dem ({andel} %) var anvisade till en annan kommun, "
        f"{hos_oss['antal_samma_lan']} av dessa från Stockholms län. {andra['antal']} "
        f"som Nacka ansvarar för bodde i en annan kommun, {andra['antal_samma_lan']} av dem i "
        "Stockholms län." in text
    )

    b = queries.run("budgetbalans_hittills", demo, datum=D).row(0, named=True)
    avvikelse = b["avvikelse_mot_budget"]
    assert (
        f"var balansen (intäkt − kostnad) {_kr(b['ack_balans'])}, {_kr(abs(avvikelse))} "
        f"{'bättre' if avvikelse >= 0 else 'sämre'} än budget" in text
    )
    # the period asked for, January, is shown as the calendar year 2017
    assert "Period 1 januari 2017 – 31 december 2017" in sid[0]
    p = queries.run("belaggning_period", demo, fran=FRAN, till=AR).row(0, named=True)
    lediga = f"{p['lediga_platsdygn']:,}".replace(",", " ")
    procent = f"{100 * p['belaggning']:.1f}".replace(".", ",")
    assert f"beläggningen {procent} % av de avtalade platsdygnen: {lediga} platsdygn" in text

    # cover, persons in care, cross-municipal, occupancy, finance, state compensation:
    # one page each
    i = info(pdf)
    assert (i["Pages"], i["Tagged"]) == ("6", "yes")
    assert i["Page size"].startswith("595.276 x 841.89 pts (A4)")
    assert all(rad[-5] == "yes" for rad in typsnitt(pdf))
    for nummer in (1, 2, 3, 4):
        assert f"Figur {nummer}:" in text  # a chart in each of the first four sections
    # the charts are vector graphics: the PDF holds no raster image at all
    bilder = subprocess.run(["pdfimages", "-list", str(pdf)], capture_output=True, text=True)
    assert bilder.returncode == 0 and len(bilder.stdout.splitlines()) == 2  # header lines only
