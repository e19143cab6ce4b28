"""What the app adds to Streamlit's own frontend so that every page meets WCAG 2.1 AA.

Colours are the theme's (`.streamlit/config.toml`); what no theme option reaches is here,
injected once per run by `dashboard.py` (docs/tillganglighet.md says why each rule exists):

- a focus ring on every focused control, 3 px in the primary colour (contrast ≥ 3:1 on the
  page and the sidebar), where Streamlit draws no outline at all;
- a visible "Filter" on the button that opens the collapsed sidebar (on a phone the sidebar
  starts collapsed and Streamlit's button is an arrow icon named "Expand sidebar");
- on a narrow screen a chart marked `BRED`/`SMAL` by `ui.components.diagram` swaps for its
  table (a heat map's cells cannot be read at 390 px);
- the page's language (`<html lang="sv">`, WCAG 3.1.1) and Swedish names for the sidebar
  and its buttons, which Streamlit 1.67 hard-codes as `lang="en"`, "Sidebar", "Expand
  sidebar" and "Collapse sidebar": a small script, since no option or CSS reaches an
  attribute.
"""

from __future__ import annotations

from contextlib import AbstractContextManager, nullcontext
from typing import Any

import streamlit as st

SMAL_SKARM = 640
"""Widest screen (CSS px) treated as a phone: below Streamlit's own sidebar breakpoint."""
FOKUSFARG = "#0072B2"
"""The focus ring's colour (the theme's primary colour): 5.2:1 on white, 4.9:1 on the sidebar."""
BRED = "bara-bred-skarm"
SMAL = "bara-smal-skarm"
"""Suffixes of container keys shown only on wide / only on narrow screens."""
FILTERKNAPP = "Filter och sidmeny"
"""The accessible name of the button that opens the sidebar; it begins with the visible
word "Filter", as WCAG 2.5.3 (label in name) asks."""

STIL = f"""
<style>
*:focus-visible {{
  outline: 3px solid {FOKUSFARG} !important;
  outline-offset: 1px !important;
}}
label:has(input:focus-visible) {{
  outline: 3px solid {FOKUSFARG} !important;
  outline-offset: 2px !important;
}}
[data-testid="stExpandSidebarButton"] {{
  width: auto !important;
  gap: 0.25rem;
  padding: 0.25rem 0.5rem !important;
}}
[data-testid="stExpandSidebarButton"]::after {{
  content: "Filter";
  font-size: 1rem;
  font-weight: 600;
  color: #111111;
}}
/* the keyed container and the layout wrapper around it, so no gap is left either */
@media (max-width: {SMAL_SKARM}px) {{
  [class*="{BRED}"], :has(> [class*="{BRED}"]) {{ display: none !important; }}
}}
@media (min-width: {SMAL_SKARM + 1}px) {{
  [class*="{SMAL}"], :has(> [class*="{SMAL}"]) {{ display: none !important; }}
}}
.st-key-ekb-skript, :has(> .st-key-ekb-skript) {{ display: none !important; }}
</style>
"""

SKRIPT = f"""
<script>
(() => {{
  if (window.ekbTillganglighet) return;
  window.ekbTillganglighet = true;
  const namn = {{
    stExpandSidebarButton: "{FILTERKNAPP}",
    stSidebarCollapseButton: "Dölj filter och sidmeny",
    stSidebar: "{FILTERKNAPP}",
  }};
  const satt = () => {{
    document.documentElement.lang = "sv";
    for (const [testid, text] of Object.entries(namn)) {{
      for (const el of document.querySelectorAll(`[data-testid="${{testid}}"]`)) {{
        const knapp = el.matches("button, section") ? el : el.querySelector("button");
        if (knapp && knapp.getAttribute("aria-label") !== text) {{
          knapp.setAttribute("aria-label", text);
        }}
      }}
    }}
  }};
  satt();
  new MutationObserver(satt).observe(document.body, {{
    childList: true, subtree: true, attributes: true, attributeFilter: ["aria-label"],
  }});
}})();
</script>
"""


def infoga() -> None:
    """Add the stylesheet and the language script to this run's page."""
    st.html(STIL)
    with st.container(key="ekb-skript"):
        st.html(SKRIPT, unsafe_allow_javascript=True)


def bara_bred_skarm(nyckel: str, skilj: bool = True) -> AbstractContextManager[Any]:
    """A container shown only on a wide screen (without `skilj`: no container, always shown)."""
    return st.container(key=f"{nyckel}-{BRED}") if skilj else nullcontext()


def bara_smal_skarm(nyckel: str) -> AbstractContextManager[Any]:
    """A container shown only on a phone (≤ `SMAL_SKARM` px)."""
    return st.container(key=f"{nyckel}-{SMAL}")
