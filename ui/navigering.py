"""The app's pages in menu order: one list for `dashboard.py` and the deep-link guard."""

from __future__ import annotations

import streamlit as st

SIDOR: tuple[tuple[str, str, str, str], ...] = (
    ("pages/oversikt.py", "Översikt", ":material/dashboard:", ""),
    ("pages/belaggning.py", "Beläggning", ":material/bed:", "belaggning"),
    ("pages/alder_och_kon.py", "Ålder och kön", ":material/groups:", "alder_och_kon"),
    (
        "pages/kommunoverskridande.py",
        "Kommunöverskridande",
        ":material/compare_arrows:",
        "kommunoverskridande",
    ),
    ("pages/ekonomi.py", "Ekonomi", ":material/payments:", "ekonomi"),
    ("pages/ersattning.py", "Ersättning och prognos", ":material/account_balance:", "ersattning"),
    ("pages/data.py", "Data", ":material/database:", "data"),
    ("pages/export.py", "Export", ":material/download:", "export"),
    ("pages/importera.py", "Importera data", ":material/upload:", "importera"),
)
"""(file, title, icon, url_path); the first is the default page."""


BARA_ANALYTIKER = frozenset({"pages/importera.py"})
"""Pages that other roles do not see in the menu (the page itself refuses them too)."""


INTE_I_PRESENTATION = frozenset({"pages/export.py", "pages/importera.py"})
"""Pages that are nothing but widgets: left out of the presentation mode's menu."""


def sidor(roll: str = "namnd", *, presentation: bool = False) -> list[st.Page]:
    """The pages `roll` may use, as `st.Page` objects, the first one the default."""
    return [
        st.Page(fil, title=titel, icon=ikon, default=True)
        if not stig
        else st.Page(fil, title=titel, icon=ikon, url_path=stig)
        for fil, titel, ikon, stig in SIDOR
        if (roll == "analytiker" or fil not in BARA_ANALYTIKER)
        and not (presentation and fil in INTE_I_PRESENTATION)
    ]
