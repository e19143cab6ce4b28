"""Every date field of the app shows its format, in Swedish, where a reader sees it: in the
label (a help text is hidden behind an icon), and it takes dates in that format."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

FILTER = {"fran", "till", "datum"}
# the sidebar's three (ui/filters.py), the scenario's three (ui/scenario.py) and the import's
# one (pages/importera.py): the seven date fields of the app
SIDOR_MED_DATUMFALT = {
    "oversikt": FILTER,
    "ersattning": FILTER | {"s_fran", "s_regel_fran", "s_platser_fran"},
    "importera": {"import_uttagsdatum"},
}


@pytest.mark.parametrize("sida", sorted(SIDOR_MED_DATUMFALT))
def test_varje_datumfalt_visar_formatet(
    oppna: Callable[..., AppTest], demo_db: Path, sida: str
) -> None:
    at = oppna(demo_db, sida)
    falt = at.date_input
    assert SIDOR_MED_DATUMFALT[sida] <= {f.key for f in falt}
    for f in falt:
        assert f.label.endswith(" (ÅÅÅÅ-MM-DD)"), f.label
        # Streamlit's format string for ÅÅÅÅ-MM-DD, as the field draws its segments
        assert f.proto.format == "YYYY-MM-DD", f.label
