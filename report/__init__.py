"""The committee report (nämndrapport): the dashboard's figures as a tagged A4 PDF.

Why this toolchain: the charts are the dashboard's own plotly figures (``charts.*``), so the
paper and the screen cannot disagree; plotly's SVG export through ``kaleido`` and Debian's
``chromium`` (already needed by the browser tests) keeps them vector graphics. Drawing the
charts again as SVG by hand would duplicate every chart and drift from the pages. The page
layout is Typst (the ``typst`` wheel): a single self-contained binary that writes tagged
PDF/UA-1 with Swedish as the document language, alternative texts and embedded fonts,
where HTML-to-PDF in Chromium writes no PDF/UA and a TeX toolchain would be hundreds of MB.

No streamlit here: the app's button and ``python -m report`` call ``bygg_rapport``.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import duckdb

import queries
from queries import scenario_lank
from queries.filtervarden import FilterError, normalisera
from queries.skyddskalender import pa_kalendern
from report.innehall import RapportFel, Urval, las
from report.pdf import kompilera


def uttagsdatum(con: duckdb.DuckDBPyConnection) -> date:
    """The extraction date of the database on `con` (its last data date when it has none)."""
    rad = queries.run("dataomfang", con=con).row(0, named=True)
    return rad.get("uttagsdatum") or rad.get("sista_datum") or date.today()


__all__ = ["RapportFel", "bygg_rapport"]


def bygg_rapport(
    db: Path,
    kommun: str,
    datum: date,
    fran: date,
    till: date,
    intern: bool = False,
    scenario: str = "",
) -> bytes:
    """The report's PDF for ``kommun`` on ``datum`` over [``fran``, ``till``].

    Masked unless ``intern``: the internal version says on every page that it must not
    be handed out. The masked version shows the calendar year of ``till`` and ``datum``'s
    stock date (the committee's calendar, ``queries.skyddskalender``). ``scenario`` is a what-if as its shareable link's `s_*` parameters
    (`s_antal=10&s_fran=2017-01-01`, or the whole link): the report then adds it beside the
    ledger, marked as a scenario.
    """
    if fran > till:
        raise RapportFel(f"Perioden börjar ({fran}) efter att den slutar ({till}).")
    if not Path(db).exists():
        raise RapportFel(f"{db}: databasfilen finns inte.")
    try:
        kommun = normalisera("kommun", kommun, "--kommun")  # `182` is Nacka's 0182
    except FilterError as fel:
        raise RapportFel(str(fel)) from None
    try:
        lank = scenario_lank.lank(scenario_lank.las_lank(scenario)) if scenario else ""
    except scenario_lank.LankFel as fel:
        raise RapportFel(str(fel)) from None
    if scenario and not intern:
        raise RapportFel(
            "Scenariot tas bara med i den interna rapporten (--intern): ett scenario räknas om "
            "på utfallet och kan visa små antal."
        )
    with duckdb.connect(str(db), read_only=True) as con:
        if not intern:
            # the committee's calendar (docs/skydd.md rule 16): the calendar year of `till`
            # and `datum`'s stock date; the cover states both
            val = pa_kalendern(fran, till, datum, uttagsdatum(con))
            fran, till, datum = val.fran, val.till, val.datum
        innehall = las(con, Urval(kommun, datum, fran, till, intern, lank))
    return kompilera(innehall)
