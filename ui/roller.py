"""Who is looking: the session's role and user name.

Minimal stand-in until sign-in (issue 10 point 1) lands: the role comes from the environment
variable `EKB_ROLL` and defaults to the most restricted view, `namnd`.
"""

from __future__ import annotations

import os

ROLLER = ("analytiker", "chef", "namnd")


def aktuell_roll() -> str:
    """`analytiker`, `chef` or `namnd`; anything unknown gets the safe `namnd` view."""
    roll = os.environ.get("EKB_ROLL", "").strip()
    return roll if roll in ROLLER else "namnd"


def anvandare() -> str:
    """The signed-in user; without sign-in, the local analyst or an anonymous viewer."""
    return "lokal analytiker" if aktuell_roll() == "analytiker" else "anonym"
