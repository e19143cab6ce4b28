"""Who is looking, and what they may see: the roles `analytiker`, `chef` and `namnd`.

- `analytiker`: every figure unmasked, row-level lists, all exports, may import data;
- `chef`: aggregates unmasked, no rows about one person;
- `namnd`: aggregates with small-number protection only (`queries.skydd`): the view a
  committee sees, and the one served when nobody has said otherwise.

With an identity provider configured (`[auth]` in `.streamlit/secrets.toml`, e.g. the
municipality's Entra ID over OpenID Connect) users sign in with `st.login`, and the role comes
from the role mapping file (`roller.toml`, path in env `EKB_ROLLER`): the token's app-role
claim (`roles`) first, since large group claims overflow Streamlit's identity cookie, then
groups, then the user's e-mail. Without an identity provider every viewer gets `namnd`,
unless the app was started on one machine for one analyst with `EKB_LOKAL_ANALYTIKER=1`
(or `EKB_ROLL=analytiker|chef`).
The presentation mode (`?visning=presentation`) is always `namnd`.
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Mapping
from functools import cache
from pathlib import Path
from typing import Any

import streamlit as st

ROLLER = ("analytiker", "chef", "namnd")
RUBRIK = {
    "analytiker": "Analytiker",
    "chef": "Chef",
    "namnd": "Nämnd (skyddad vy)",
}
STANDARD_ROLLFIL = Path(__file__).resolve().parents[1] / "roller.toml"


def inloggning_konfigurerad() -> bool:
    """Whether an identity provider is set up for `st.login`."""
    try:
        return "auth" in st.secrets
    except (FileNotFoundError, OSError):
        return False
    except Exception:  # a broken secrets file must not break every page
        return False


def presentation() -> bool:
    """The presentation mode (`?visning=presentation`): the committee's view, always protected."""
    return st.query_params.get("visning") == "presentation"


def aktuell_roll() -> str:
    """The viewer's role for this run."""
    if presentation():
        return "namnd"
    if inloggning_konfigurerad():
        return roll_for(dict(st.user)) if st.user.is_logged_in else "namnd"
    return lokal_roll()


def lokal_roll() -> str:
    """Without an identity provider: `namnd`, unless the app was started for one local user
    with an explicit role (`EKB_ROLL=analytiker|chef`, or `EKB_LOKAL_ANALYTIKER=1`)."""
    roll = os.environ.get("EKB_ROLL")
    if roll:
        return roll if roll in ROLLER else "namnd"
    return "analytiker" if os.environ.get("EKB_LOKAL_ANALYTIKER") == "1" else "namnd"


def anvandare() -> str:
    """Who is looking, for the audit log and the import log."""
    if inloggning_konfigurerad() and st.user.is_logged_in:
        info = dict(st.user)
        return str(info.get("email") or info.get("preferred_username") or info.get("name"))
    if lokal_roll() == "analytiker":
        return "lokal analytiker"
    return "anonym"


@cache
def _rollfil(sokvag: str) -> dict[str, Any]:
    fil = Path(sokvag)
    return tomllib.loads(fil.read_text(encoding="utf-8")) if fil.is_file() else {}


def roll_for(claims: Mapping[str, Any]) -> str:
    """The role the mapping file gives a signed-in user; `namnd` when it names none."""
    karta = _rollfil(os.environ.get("EKB_ROLLER", str(STANDARD_ROLLFIL)))
    anvandare_roll = karta.get("anvandare", {})
    for nyckel in ("email", "preferred_username"):
        roll = anvandare_roll.get(str(claims.get(nyckel, "")).lower())
        if roll in ROLLER:
            return str(roll)
    tilldelade = {str(v) for claim in ("roles", "groups") for v in _lista(claims.get(claim))}
    for roll in ROLLER:  # the widest role the user holds wins
        if tilldelade & {str(v) for v in karta.get("roller", {}).get(roll, [])}:
            return roll
    return "namnd"


def _lista(varde: object) -> list[object]:
    if isinstance(varde, list | tuple):
        return list(varde)
    return [varde] if varde else []


def far_se_radniva(roll: str) -> bool:
    """Rows about one person (pseudonym, birthday, unit) are for analysts only."""
    return roll == "analytiker"


def skyddad(roll: str) -> bool:
    """Whether small numbers are masked for this role."""
    return roll == "namnd"


def sidopanel(roll: str) -> None:
    """The current role in the sidebar, with sign-in and sign-out where a provider exists."""
    with st.sidebar:
        st.caption(f"Roll: **{RUBRIK[roll]}**")
        if not inloggning_konfigurerad():
            return
        if st.user.is_logged_in:
            st.button("Logga ut", on_click=st.logout, key="logga_ut")
        else:
            st.button("Logga in", on_click=st.login, key="logga_in")
