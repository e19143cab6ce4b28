"""The first screen's two short paragraphs: what the product is, whose data it shows, and
what the two words every page leans on ("Rapportdatum", "Perspektivkommun") mean.

A newcomer lands on Översikt; these lines let them read the tiles below without a manual.
"""

from __future__ import annotations

from typing import Any

from charts.text import md
from ui.figurer import hamta
from ui.filters import Filter
from ui.format import fmt_datum
from ui.referens import kommunnamn


def _rad(namn: str) -> dict[str, Any]:
    df = hamta(namn)
    return df.row(0, named=True) if df.height else {}


def vad_det_ar() -> str:
    """One or two sentences: the product, the data owner and the export it comes from."""
    omfang, senaste = _rad("dataomfang"), _rad("import_senaste")
    agare = omfang.get("perspektivkommun_namn") or omfang.get("perspektivkommun")
    text = (
        "**EKB-uppföljning** följer upp ensamkommande barn och unga i kommunens vård: hur många "
        "de är, var de bor, platserna de bor på och vad vården kostar och ersätts med."
    )
    if not agare or not senaste:
        return text + " Databasen innehåller ännu inga importerade data."
    return text + (
        f" Siffrorna bygger på **{md(agare)}s** egen export med uttagsdatum "
        f"**{fmt_datum(senaste['uttagsdatum'])}**, importerad "
        f"{fmt_datum(senaste['importerad'].date())}."
    )


def ordforklaring(f: Filter, *, presentation: bool = False) -> str:
    """What "Rapportdatum" and "Perspektivkommun" mean, with the values chosen now."""
    var = "i den vanliga vyn" if presentation else "i sidopanelen"
    return (
        f"**Rapportdatum** ({fmt_datum(f.datum)}) är dagen som lägesbilden avser: vilka som är "
        f"i vård just den dagen. **Perspektivkommun** ({md(kommunnamn(f.kommun))}) är kommunen "
        f"som siffrorna ses från: barn och unga den ansvarar för och de som bor där. Båda "
        f"väljs {var}."
    )
