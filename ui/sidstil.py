"""The dashboard's own CSS (`sidstil.css`): the print stylesheet, and the Swedish tooltip of
the one chart toolbar button whose title Streamlit writes in English.

Printing a page is how a figure reaches a committee when no report is at hand: the sheet
shows the page's text and charts, whole, and none of the sidebar, widgets or buttons.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import streamlit as st


@cache
def css() -> str:
    """The stylesheet, read once per process on first use (it ships with the code)."""
    return Path(__file__).with_name("sidstil.css").read_text(encoding="utf-8")


def sidstil() -> None:
    """Inject the stylesheet; dashboard.py calls it once per run, before the page.

    Style-only HTML goes to Streamlit's event container, so it takes no room on the page.
    """
    st.html(f"<style>{css()}</style>")
