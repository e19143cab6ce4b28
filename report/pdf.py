"""The report's content as JSON for the Typst layout, compiled to a tagged PDF/UA-1 file.

Typst (the ``typst`` wheel: one self-contained binary, no TeX, no browser) writes a tagged
PDF with the document language, a title, alternative texts and embedded fonts, and checks
PDF/UA-1 itself at compile time. Only the fonts typst ships are used
(``ignore_system_fonts``), so the PDF is the same on every machine.
"""

from __future__ import annotations

import json
from pathlib import Path

import typst

import queries
from charts.format import fmt_datum
from queries import definitioner, skydd
from report.diagram import till_svg
from report.innehall import Innehall
from report.meningar import datum_text

MALL = Path(__file__).with_name("namndrapport.typ")
INTERN_TEXT = "Internt – innehåller små antal, får inte lämnas ut"
DEMO_TEXT = (
    "uppgifterna är fiktiva och skapade för att visa verktyget; de beskriver inga verkliga "
    "barn eller unga."
)


def kompilera(innehall: Innehall) -> bytes:
    """The PDF of ``innehall``."""
    data = json.dumps(_data(innehall), ensure_ascii=False)
    pdf = typst.compile(
        str(MALL),
        root=str(MALL.parent),
        sys_inputs={"data": data},
        ignore_system_fonts=True,
        pdf_standards="ua-1",
    )
    if not isinstance(pdf, bytes):
        raise TypeError("typst returnerade ingen PDF")
    return pdf


def _data(innehall: Innehall) -> dict[str, object]:
    u = innehall.urval
    kommun = f"{innehall.kommun_namn} ({u.kommun})"
    svg = iter(till_svg([f.diagram for f in innehall.figurer if f.diagram is not None]))
    titel = f"Nämndrapport ensamkommande barn och unga – {kommun}, {datum_text(u.datum)}"
    return {
        "titel": titel,
        "intern": u.intern,
        "intern_text": INTERN_TEXT,
        "demo": innehall.demo,
        "demo_text": DEMO_TEXT,
        # a page taken out of the report still says what it is
        "sidfot": f"{'Demodata – ' if innehall.demo else ''}{innehall.kommun_namn}, "
        f"{fmt_datum(u.datum)}",
        "kod": innehall.innehallskod(),
        "framsida": _framsida(innehall, kommun),
        "skydd_text": _skyddstext(u.intern),
        "figurer": [
            {
                "titel": f.titel,
                "mening": f.mening,
                "tabell": f.tabell,
                "svg": next(svg) if f.diagram is not None else None,
                "notering": f.notering,
                "kolumner": list(f.kolumner),
                "rader": f.rader,
                "definitioner": _definitioner(f.definitioner),
            }
            for f in innehall.figurer
        ],
    }


def _framsida(innehall: Innehall, kommun: str) -> list[tuple[str, str]]:
    u = innehall.urval
    importerad = f"{innehall.importerad:%Y-%m-%d %H:%M}" if innehall.importerad else "–"
    uttag = datum_text(innehall.uttagsdatum) if innehall.uttagsdatum else "–"
    rader = [
        ("Kommun (ansvarig kommun)", kommun),
        ("Rapportdatum", datum_text(u.datum)),
        ("Period", f"{datum_text(u.fran)} – {datum_text(u.till)}"),
        ("Data per", f"uttagsdatum {uttag}, importerad {importerad}"),
        ("Filter", f"ansvarig kommun {kommun}; alla boendeformer, regier, åldersgrupper och kön"),
        ("Version", "intern, omaskerad" if u.intern else "maskerad, får lämnas ut"),
    ]
    if u.scenario:
        rader.append(("Scenario", f"{u.scenario} (beräkning bredvid utfallet, inget utfall)"))
    if innehall.agare and innehall.agare != u.kommun:
        rader.append(
            (
                "Ingår inte",
                "beläggning, ekonomi och statlig ersättning: avtalade platser, huvudbok och "
                f"budget är dataägarens ({innehall.agare})",
            )
        )
    return rader


def _skyddstext(intern: bool) -> str:
    if intern:
        return f"{INTERN_TEXT}. Små antal visas här oskyddade. Regeln i den maskerade versionen: {skydd.regeltext()}"
    return skydd.regeltext()


def _definitioner(namn: tuple[str, ...]) -> list[tuple[str, str]]:
    """Title and definition of each figure; one definition shared by two figures once."""
    ut: dict[str, str] = {}
    for figur in namn:
        text = definitioner.definition_text(figur).replace("**", "").replace("`", "")
        ut.setdefault(text, queries.figure(figur).title)
    return [(titel, text) for text, titel in ut.items()]
