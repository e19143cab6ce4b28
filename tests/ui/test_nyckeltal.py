"""The overview's generated summary: words and numbers from the key figures, in Swedish."""

from __future__ import annotations

from datetime import date

from ui.filters import Filter
from ui.nyckeltal import Lage, sammanfattning

NBSP = "\u00a0"
F = Filter(fran=date(2019, 1, 1), till=date(2019, 12, 31), datum=date(2019, 12, 31), kommun="0182")


def test_sammanfattning_med_alla_nyckeltal() -> None:
    lage = Lage(
        i_vard=120,
        forra_manaden=125,
        forra_aret=150,
        belaggning=0.9,
        ack_balans=-50_000,
        ack_budget_balans=100_000,
        andel_hos_oss=0.25,
    )
    text = sammanfattning(lage, F)
    assert "Den 31 dec 2019 var **120** barn och unga i vård med Nacka (0182)" in text
    # 120 − 125 = −5; 120 − 150 = −30
    assert "−5 mot förra månaden och −30 mot ett år tidigare" in text
    assert f"**90,0{NBSP}%**" in text
    # −50 000 − 100 000 = −150 000: worse than budget by 150 000
    assert f"**−50{NBSP}000{NBSP}kr**, 150{NBSP}000{NBSP}kr sämre än budget" in text
    assert f"**25,0{NBSP}%** placerade här av andra kommuner" in text


def test_sammanfattning_utan_data() -> None:
    tom = Lage(None, None, None, None, None, None, None)
    assert sammanfattning(tom, F) == "Det finns inga data för valda filter och rapportdatum."
