"""The committee report (`report.bygg_rapport`) as a download button: built only on click.

The PDF is masked for everyone; an analyst may ask for the internal, unmasked version,
which says so on every page. The report's charts are drawn by Debian's Chromium (kaleido):
without it the button says how to install it instead of failing on click.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urlencode

import streamlit as st

from queries import scenario_lank
from report import bygg_rapport
from ui import db, roller
from ui.filters import Filter
from ui.granskning import loggad


def _pdf(sokvag: Path, f: Filter, intern: bool, scenario: str) -> Callable[[], bytes]:
    return lambda: bygg_rapport(
        sokvag, f.kommun, f.datum, f.fran, f.till, intern=intern, scenario=scenario
    )


def _scenario() -> str:
    """The scenario in the page's link (`s_*`), as the report reads it; '' when none."""
    fraga = urlencode({k: v for k, v in st.query_params.items() if k.startswith("s_")})
    try:
        return scenario_lank.lank(scenario_lank.las_lank(fraga))
    except scenario_lank.LankFel:
        return ""  # a hand-edited link: the page shows the default, so does the report


def rapportknapp(f: Filter) -> None:
    """A button that downloads the nämndrapport for the sidebar's municipality and dates."""
    st.subheader("Nämndrapport")
    if not (shutil.which("chromium") or shutil.which("chromium-browser")):
        st.caption(
            "PDF-rapporten ritar diagrammen med Chromium, som saknas på servern "
            "(installera Debians paket `chromium`)."
        )
        return
    intern = roller.far_se_radniva(roller.aktuell_roll()) and st.toggle(
        "Intern version (små antal visas, får inte lämnas ut)", key="rapport_intern"
    )
    scenario = _scenario()
    if scenario and not intern:
        # a scenario is recomputed on the outcome: only the internal version takes it
        st.caption("Scenariot i länken tas bara med i den interna versionen.")
        scenario = ""
    elif scenario:
        st.caption(f"Rapporten tar med scenariot i länken ({scenario}) bredvid utfallet.")
    st.container().download_button(
        "Ladda ner nämndrapport (PDF)",
        loggad(
            "nedladdning_pdf",
            "namndrapport",
            {
                "kommun": f.kommun,
                "datum": f.datum,
                "fran": f.fran,
                "till": f.till,
                "intern": intern,
                "scenario": scenario,
            },
            _pdf(db.databas_sokvag(), f, intern, scenario),
        ),
        file_name=f"namndrapport_{f.kommun}_{f.datum.isoformat()}{'_intern' if intern else ''}.pdf",
        mime="application/pdf",
        key="rapport_pdf",
        on_click="ignore",
        help="A4, med definitioner och maskningsregel; byggs när du klickar (några sekunder).",
    )
