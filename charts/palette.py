"""The one palette of the project, safe for colour-blind readers.

Okabe & Ito's eight colours stay distinguishable with the common colour-vision deficiencies.
Each boendeform, sex and direction has one fixed colour so that a reader who learnt that HVB
is blue on one page finds it blue on every page and in the report.
"""

from __future__ import annotations

SVART = "#000000"
ORANGE = "#E69F00"
HIMMELSBLA = "#56B4E9"
BLAGRON = "#009E73"
GUL = "#F0E442"
BLA = "#0072B2"
CINNOBER = "#D55E00"
RODLILA = "#CC79A7"
GRA = "#999999"

OKABE_ITO = (BLA, ORANGE, BLAGRON, CINNOBER, HIMMELSBLA, RODLILA, GUL, SVART)
"""The order used for categories without a fixed colour."""

BOENDEFORM_FARG = {
    "HVB": BLA,
    "stodboende": ORANGE,
    "familjehem": BLAGRON,
    "jourhem": CINNOBER,
    "traningslagenhet": HIMMELSBLA,
    "eget_boende": RODLILA,
    "annat": GRA,
}

KON_FARG = {"K": CINNOBER, "M": BLA, "X": GRA}

ALDERSGRUPP_FARG = {"0-13": HIMMELSBLA, "14-17": BLA, "18-20": ORANGE, "21+": CINNOBER}

UTFALL = BLA
"""Outcome (utfall) and actual counts."""
BUDGET = GRA
"""Budget and contracted places: the yardstick, drawn quieter than the outcome."""
INTAKT = BLAGRON
KOSTNAD = CINNOBER
PROGNOS = ORANGE
POSITIV = BLAGRON
NEGATIV = CINNOBER

SEKVENS = ((0.0, "#FFFFFF"), (0.5, HIMMELSBLA), (1.0, BLA))
"""Sequential scale for heat maps: white to blue, readable without hue discrimination."""


def farg_for(kategori: str, fasta: dict[str, str], index: int) -> str:
    """The fixed colour of a category, else the index'th colour of the palette."""
    return fasta.get(kategori, OKABE_ITO[index % len(OKABE_ITO)])
