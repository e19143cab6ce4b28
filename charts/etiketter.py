"""Swedish display names for the codes the data uses.

The database keeps the import contract's codes (`stodboende`, `K`); readers see
`Stödboende` and `Flickor/kvinnor`. The names live in `ingest.vocabulary`; this module keeps
the charts' helpers and re-exports the names so existing imports keep working.
"""

from __future__ import annotations

from ingest.vocabulary import (
    ALDERSGRANSER,
    ALDERSGRUPP,
    ALDERSGRUPPER,
    BOENDEFORM,
    KATEGORI,
    KON,
    MANADER,
    PLATSTYP,
    REGI,
    RIKTNING,
    TYP,
)

__all__ = [
    "ALDERSGRANSER",
    "ALDERSGRUPP",
    "ALDERSGRUPPER",
    "BOENDEFORM",
    "KATEGORI",
    "KON",
    "MANADER",
    "PLATSTYP",
    "REGI",
    "RIKTNING",
    "TYP",
    "kategorinamn",
    "manad_etikett",
    "namn",
]


def kategorinamn(kod: str | None) -> str:
    """A reporting category's name; an unknown code made readable (`ny_post` → `Ny post`).

    å/ä/ö are not guessed for unknown codes: `ovrig_kostnad` could mean several words.
    """
    if kod is None:
        return "Okänt"
    if kod in KATEGORI:
        return KATEGORI[kod]
    text = kod.replace("_", " ").strip()
    return text[:1].upper() + text[1:]


def namn(koder: dict[str, str], kod: str | None) -> str:
    """The display name of a code; unknown codes are shown as they are."""
    if kod is None:
        return "Okänt"
    return koder.get(kod, kod)


def manad_etikett(manad: str) -> str:
    """A month given as `YYYY-MM` → `dec 2024` (plotly would write `Dec 2024`)."""
    ar, man = manad.split("-")
    return f"{MANADER[int(man) - 1]} {ar}"
