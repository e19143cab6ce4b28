"""Opening every chart's "Tabell" tab in an AppTest run.

A chart's tabs keep their state (`ui.components.diagram`), so only the chosen tab is built:
a test that reads a chart's table chooses the tab first, as a reader clicks it.
"""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from ui.components import FLIKSUFFIX


def visa_tabeller(at: AppTest) -> AppTest:
    """Choose the "Tabell" tab of every chart the last run drew, and run again."""
    flikar = [k for k in at.session_state.keys() if str(k).endswith(FLIKSUFFIX)]
    assert flikar, "sidan ritade inget diagram med flikar"
    for nyckel in flikar:
        at.session_state[nyckel] = "Tabell"
    return at.run()
