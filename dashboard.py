"""EKB-uppföljning: the Streamlit entry point.

Page config, the page list (its order is the menu's order), the first-start demo build and
the filter sidebar shared by every page; everything else lives in `pages/` and `ui/`.
Start with `streamlit run dashboard.py`; `EKB_DB` selects another database file.
"""

from __future__ import annotations

import streamlit as st

from ui import db, filters
from ui.figurer import hamta

st.set_page_config(page_title="EKB-uppföljning", page_icon=":material/monitoring:", layout="wide")

SIDOR = [
    st.Page("pages/oversikt.py", title="Översikt", icon=":material/dashboard:", default=True),
    st.Page(
        "pages/belaggning.py", title="Beläggning", icon=":material/bed:", url_path="belaggning"
    ),
    st.Page(
        "pages/alder_och_kon.py",
        title="Ålder och kön",
        icon=":material/groups:",
        url_path="alder_och_kon",
    ),
    st.Page(
        "pages/kommunoverskridande.py",
        title="Kommunöverskridande",
        icon=":material/compare_arrows:",
        url_path="kommunoverskridande",
    ),
    st.Page("pages/ekonomi.py", title="Ekonomi", icon=":material/payments:", url_path="ekonomi"),
    st.Page("pages/data.py", title="Data", icon=":material/database:", url_path="data"),
    st.Page("pages/export.py", title="Export", icon=":material/download:", url_path="export"),
]


def forsta_start() -> None:
    """Build the demo database on the very first start, with visible progress."""
    st.title("EKB-uppföljning")
    st.info("Ingen databas hittades. Demodatabasen byggs nu – det tar en liten stund.")
    stapel = st.progress(0.0, text="Förbereder demodata …")
    try:
        db.bygg_demo(
            db.databas_sokvag(),
            lambda text, andel: stapel.progress(min(max(andel, 0.0), 1.0), text=text),
        )
    except Exception as fel:  # noqa: BLE001 - the first screen a new user sees: explain, never a traceback
        st.error(
            f"Demodatabasen kunde inte byggas ({fel}). Kontrollera att mappen `data/` går att "
            "skriva i, eller peka ut en befintlig databas med miljövariabeln `EKB_DB`."
        )
        st.stop()
    st.rerun()


def kontrollera_databas() -> bool:
    """Show how to fix a missing or unreadable database; True when it can be used."""
    sokvag = db.databas_sokvag()
    if db.filversion(sokvag) is None:
        if db.ar_standard(sokvag):
            forsta_start()
        st.error(db.saknas_text(sokvag))
        return False
    try:
        omfang = hamta("dataomfang")
    except db.DatabasFel as fel:
        st.error(str(fel))
        return False
    if omfang.height and omfang["demo"][0]:
        st.warning(
            "**Demodata** – siffrorna är påhittade och beskriver ingen verklig kommun.",
            icon=":material/science:",
        )
    return True


sida = st.navigation(SIDOR)
if kontrollera_databas():
    filters.sidofalt()
    try:
        sida.run()
    except db.DatabasFel as fel:
        st.error(str(fel))
