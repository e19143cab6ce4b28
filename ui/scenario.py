"""The what-if scenario's widgets, kept in the link (query parameters `s_*`).

A scenario is worth sharing only if a copied link opens the same one, so every lever is
read from the URL once per session and written back after each run (ui.filters keeps
`s_*` keys when it writes the filters). Values go to the `scenario` figure as text; the
figure validates them and refuses bad ones with a Swedish message.
"""

from __future__ import annotations

from datetime import date

import streamlit as st

from charts.ersattning import KATEGORI
from charts.etiketter import BOENDEFORM
from queries import scenario_lank
from ui.filters import DATUMFORMAT, datumetikett

# widget key = URL key, with the defaults the PDF report reads links with
FALT = scenario_lank.FALT
INGEN = scenario_lank.INGEN


def _fran_url() -> None:
    if st.session_state.get("_scenario_last"):
        return
    st.session_state["_scenario_last"] = True
    for nyckel, standard in FALT.items():
        text = st.query_params.get(nyckel)
        if text is None:
            continue
        try:
            if isinstance(standard, date):
                st.session_state[nyckel] = date.fromisoformat(text)
            elif isinstance(standard, (int, float)):
                st.session_state[nyckel] = type(standard)(text)
            elif text in BOENDEFORM or text in KATEGORI or text == INGEN:
                st.session_state[nyckel] = text
        except ValueError:
            continue  # a hand-edited link with a bad value opens the default


def _till_url() -> None:
    for nyckel, standard in FALT.items():
        varde = st.session_state.get(nyckel, standard)
        text = varde.isoformat() if isinstance(varde, date) else str(varde)
        if varde == standard:
            st.query_params.pop(nyckel, None)
        elif st.query_params.get(nyckel) != text:
            st.query_params[nyckel] = text


def _form(etikett: str, nyckel: str, tom: bool = False) -> None:
    val = ([INGEN] if tom else []) + list(BOENDEFORM)
    st.selectbox(etikett, val, key=nyckel, format_func=lambda v: BOENDEFORM.get(v, "–"))


def valj() -> dict[str, str | None]:
    """Draw the levers; return the `scenario` figure's parameters (None = lever unused)."""
    for nyckel, standard in FALT.items():
        st.session_state.setdefault(nyckel, standard)
    _fran_url()
    flytt, pris, regel, platser = st.columns(4)
    with flytt:
        st.number_input("Flytta antal ungdomar", 0, 500, step=1, key="s_antal")
        st.date_input(datumetikett("från och med"), key="s_fran", format=DATUMFORMAT)
        _form("från boendeform", "s_fran_form")
        _form("till boendeform", "s_till_form")
    with pris:
        _form("Ändra pris för", "s_pris_form", tom=True)
        st.number_input("med procent", -100.0, 500.0, step=5.0, key="s_pris_procent")
    with regel:
        st.selectbox(
            "Ändra ersättningsregel",
            [INGEN, *KATEGORI],
            key="s_kategori",
            format_func=lambda v: KATEGORI.get(v, "–"),
        )
        st.number_input("nytt belopp (kr)", 0, 10_000_000, step=50, key="s_belopp")
        st.date_input(datumetikett("från och med månaden"), key="s_regel_fran", format=DATUMFORMAT)
    with platser:
        _form("Ändra avtalade platser för", "s_platser_form", tom=True)
        st.number_input("med antal platser (+/−)", -500, 500, step=1, key="s_platser")
        st.date_input(datumetikett("från och med dagen"), key="s_platser_fran", format=DATUMFORMAT)
    _till_url()
    return scenario_lank.parametrar({k: st.session_state[k] for k in FALT})
