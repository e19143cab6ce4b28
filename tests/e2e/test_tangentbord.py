"""The dashboard by keyboard alone, in a real browser: Tab to the reporting date and type a
new one, Tab to the perspective municipality and choose another, Shift+Tab back to the
menu and open another page, Enter. No mouse. Every control that takes focus on the way
shows a focus ring of at least 2 px with at least 3:1 contrast to what is behind it (WCAG
2.4.7 and 1.4.11).
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from tests.helpers.tillganglighet import kontrast, vanta_ritad

pytestmark = pytest.mark.e2e
expect.set_options(timeout=45_000)

MAX_STEG = 80
"""More Tab presses than the sidebar has stops; a walk that needs more is lost."""

FOKUS = """() => {
    const fokuserad = document.activeElement;
    // a toggle's or checkbox's input is clipped to nothing: its ring is drawn on its label
    const dold = fokuserad.closest('span[style*="clip"]');
    const e = dold && fokuserad.closest('label') ? fokuserad.closest('label') : fokuserad;
    const s = getComputedStyle(e);
    let bakom = e.parentElement, farg = 'rgb(255, 255, 255)';
    for (; bakom; bakom = bakom.parentElement) {
        const f = getComputedStyle(bakom).backgroundColor;
        if (f !== 'rgba(0, 0, 0, 0)' && f !== 'transparent') { farg = f; break; }
    }
    const falt = e.closest('[data-testid="stDateInput"], [data-testid="stSelectbox"]');
    return {
        text: (fokuserad.getAttribute('aria-label') || e.innerText || e.value || e.tagName).slice(0, 60),
        typ: fokuserad.getAttribute('data-type') || '',
        tagg: fokuserad.tagName,
        falt: falt ? falt.innerText.split('\\n')[0] : '',
        lank: e.closest('[data-testid="stSidebarNav"]') && e.tagName === 'A' ? e.innerText : '',
        stil: s.outlineStyle, bredd: parseFloat(s.outlineWidth), farg: s.outlineColor,
        bakom: farg,
    };
}"""


def fokus(sida: Page) -> dict[str, object]:
    svar: dict[str, object] = sida.evaluate(FOKUS)
    return svar


def synlig_fokus(steg: dict[str, object]) -> bool:
    """A solid outline of 2 px or more whose colour stands out 3:1 from the background."""
    return (
        steg["stil"] not in ("none", "hidden")
        and float(str(steg["bredd"])) >= 2
        and kontrast(str(steg["farg"]), str(steg["bakom"])) >= 3
    )


def tabba_till(sida: Page, hittad: dict[str, str], bakat: bool = False) -> list[dict[str, object]]:
    """Press Tab (Shift+Tab) until the focused element matches every key of `hittad` (its
    text contains the value); returns each focus stop on the way, the last one the match."""
    vag = []
    for _ in range(MAX_STEG):
        sida.keyboard.press("Shift+Tab" if bakat else "Tab")
        steg = fokus(sida)
        vag.append(steg)
        if all(v in str(steg[k]) for k, v in hittad.items()):
            return vag
    raise AssertionError(f"nådde aldrig {hittad} med tangentbordet: {vag[-5:]}")


def test_filter_och_sidbyte_med_bara_tangentbordet(server: str, sida: Page) -> None:
    sida.goto(server)
    vanta_ritad(sida)
    vag = tabba_till(sida, {"falt": "Rapportdatum", "typ": "year"})
    # the field's segments move on by themselves: year, month, day
    sida.keyboard.type("20170130")
    vag += tabba_till(sida, {"falt": "Perspektivkommun", "tagg": "INPUT"})
    expect(sida).to_have_url(re.compile(r"[?&]datum=2017-01-30"))
    vanta_ritad(sida)
    sida.keyboard.type("Stockholm")
    sida.keyboard.press("Enter")
    expect(sida).to_have_url(re.compile(r"[?&]kommun=0180"))
    vanta_ritad(sida)
    vag += tabba_till(sida, {"lank": "Kommunöverskridande"}, bakat=True)
    sida.keyboard.press("Enter")
    expect(sida.get_by_role("heading", name="Kommunöverskridande", exact=True)).to_be_visible()
    vanta_ritad(sida)
    # the new page is seen from the chosen municipality on the chosen day
    expect(sida.get_by_text("Sett från Stockholm (0180) den 30 jan 2017")).to_be_visible()
    utan_ring = [
        f"{s['text']} ({s['stil']} {s['bredd']} px {s['farg']})" for s in vag if not synlig_fokus(s)
    ]
    assert utan_ring == [], "\n".join(utan_ring)
