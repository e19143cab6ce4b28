"""The overview's generated summary: words and numbers from the key figures, in Swedish."""

from __future__ import annotations

from datetime import date

from ui.filters import Filter
from ui.nyckeltal import Lage, sammanfattning

NBSP = "\u00a0"
F = Filter(fran=date(2019, 1, 1), till=date(2019, 12, 31), datum=date(2019, 12, 31), kommun="0182")
STOCKHOLM = Filter(
    fran=date(2019, 1, 1), till=date(2019, 12, 31), datum=date(2019, 12, 31), kommun="0180"
)
LAGE = Lage(
    i_vard=120,
    mot_forra_manaden=-5,
    mot_forra_aret=-30,
    belaggning=0.9,
    ack_balans=-50_000,
    mot_budget=-150_000,
    andel_hos_oss=0.25,
    agare="0182",
    agare_namn="Nacka",
    till_manad="2019-06",
)


def test_sammanfattning_med_alla_nyckeltal() -> None:
    text = sammanfattning(LAGE, F)
    assert "Den 31 dec 2019 var **120** barn och unga i vård med Nacka \\(0182\\)" in text
    assert "−5 mot förra månaden och −30 mot ett år tidigare" in text
    # whose figures they are: the data owner, named in the sentence
    assert f"Beläggningen på avtalade platser (Nacka) var **90,0{NBSP}%**" in text
    # the figure's deviation −150 000 is negative: worse than budget by 150 000
    assert (
        f"Hittills i år till och med jun 2019 är balansen (Nacka) **−50{NBSP}000{NBSP}kr**, "
        f"150{NBSP}000{NBSP}kr sämre än budget"
    ) in text
    assert f"**25,0{NBSP}%** placerade här av andra kommuner" in text


def test_annan_perspektivkommun_far_inte_agarens_siffror() -> None:
    # Stockholm is not the data owner: no occupancy, balance or budget figure at all
    text = sammanfattning(LAGE, STOCKHOLM)
    assert "90,0" not in text and "50" + NBSP + "000" not in text
    assert "finns bara för Nacka" in text and "inte för Stockholm \\(0180\\)" in text


def test_sammanfattning_utan_data() -> None:
    tom = Lage(None, None, None, None, None, None, None)
    assert sammanfattning(tom, F) == "Det finns inga data för valda filter och rapportdatum."
