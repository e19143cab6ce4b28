"""EKB-uppföljning: the Streamlit entry point.

Page config, the page list (its order is the menu's order), the first-start demo build and
the filter sidebar shared by every page; everything else lives in `pages/` and `ui/`.
Start with `streamlit run dashboard.py`; `EKB_DB` selects another database file, `EKB_PARQUET`
a published Parquet folder (read-only: see README "Beyond one machine").
"""

from __future__ import annotations

import logging
from datetime import datetime

import streamlit as st
from streamlit.navigation.page import StreamlitPage

from ui import db, figurer, filters, presentation, roller, tillganglighet
from ui.figurer import hamta
from ui.navigering import sidor
from ui.sidstil import sidstil

logg = logging.getLogger("ekb")

# An emoji icon is drawn by the browser itself; a :material/…: page icon would make every
# viewer's browser fetch the favicon from a third party's server.
st.set_page_config(page_title="EKB-uppföljning", page_icon="📊", layout="wide")


def forsta_start() -> None:
    """Build the demo database on the very first start, with visible progress."""
    st.title("EKB-uppföljning")
    st.info(
        "Demodatabasen saknas eller är byggd av en äldre version av programmet. Den byggs nu "
        "med den vanliga importen – det tar en liten stund."
    )
    stapel = st.progress(0.0, text="Förbereder demodata …")

    def framsteg(text: str, andel: float) -> None:
        stapel.progress(min(max(andel, 0.0), 1.0), text=text)

    try:
        db.bygg_demo(db.databas_sokvag(), framsteg)
    except Exception as fel:  # the first screen a new user sees: explain, never a traceback
        st.error(
            f"Demodatabasen kunde inte byggas ({fel}). Kontrollera att mappen `data/` går att "
            "skriva i, eller peka ut en befintlig databas med miljövariabeln `EKB_DB`."
        )
        st.stop()
    st.rerun()


def databasen_finns() -> bool:
    """Build the demo on a first start; say how to fix a missing file. True when there is one."""
    sokvag = db.kalla()
    if db.demo_behover_byggas(sokvag):
        forsta_start()
    if db.filversion(sokvag) is None:
        st.error(db.saknas_text(sokvag))
        return False
    return True


def demo_banner() -> None:
    """Mark every page of a demo database as demo data."""
    omfang = hamta("dataomfang")
    if omfang.height and omfang["demo"][0]:
        st.warning(
            "**Demodata** – siffrorna är påhittade och beskriver ingen verklig kommun.",
            icon=":material/science:",
        )


OVANTAT_FEL = (
    "Något oväntat gick fel när sidan skulle visas. Felet är loggat på servern. Ladda om "
    "sidan eller ändra filtren; kvarstår felet, kontakta den som driftar tjänsten och ange "
    "tidpunkten {tid}."
)


def visa_sidan(sida: StreamlitPage) -> None:
    """Run the chosen page on one pinned database snapshot; never show a traceback."""
    sidstil()
    try:
        tillganglighet.infoga()
        if not databasen_finns():
            return
        figurer.ny_korning()
        roll = roller.aktuell_roll()
        visning = presentation.aktiv()
        with db.ogonblick():
            if visning:
                presentation.borja()
            demo_banner()
            if not visning:
                roller.sidopanel(roll)
                presentation.reglage()
            with filters.sidopanel(presentation.filter_ur_lanken() if visning else None):
                sida.run()
    except db.DatabasFel as fel:
        st.error(str(fel))
    except figurer.Radniva:
        st.error(
            "Den här uppgiften visar rader om enskilda personer och visas bara för analytiker."
        )
    except Exception:
        # script control (st.rerun, st.stop) derives from BaseException and passes through
        logg.exception("Oväntat fel på sidan %s", sida.title)
        st.error(OVANTAT_FEL.format(tid=f"{datetime.now():%Y-%m-%d %H:%M:%S}"))


presentation.bevara()  # before the role is decided: the mode is always the protected view
visa_sidan(
    st.navigation(
        sidor(roller.aktuell_roll(), presentation=presentation.aktiv()),
        position="top" if presentation.aktiv() else "sidebar",
    )
)
