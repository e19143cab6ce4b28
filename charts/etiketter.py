"""Swedish display names for the codes the data uses.

The database keeps the import contract's codes (`stodboende`, `K`); readers see
`Stödboende` and `Flickor/kvinnor`. Charts, tables and the export page share these names.
"""

from __future__ import annotations

BOENDEFORM = {
    "HVB": "HVB",
    "stodboende": "Stödboende",
    "familjehem": "Familjehem",
    "jourhem": "Jourhem",
    "traningslagenhet": "Träningslägenhet",
    "eget_boende": "Eget boende",
    "annat": "Annat",
}

REGI = {
    "egen": "Egen regi",
    "entreprenad": "Entreprenad",
    "upphandlad": "Upphandlad",
    "direktupphandlad": "Direktupphandlad",
    "konsulentstodd": "Konsulentstödd",
}

KON = {"K": "Flickor/kvinnor", "M": "Pojkar/män", "X": "Okänt"}

ALDERSGRUPPER = ("0-13", "14-17", "18-20", "21+")

ALDERSGRUPP = {
    "0-13": "0–13 år",
    "14-17": "14–17 år",
    "18-20": "18–20 år",
    "21+": "21 år och äldre",
}


KATEGORI = {
    "HVB": "HVB",
    "familjehem": "Familjehem",
    "stodboende": "Stödboende",
    "personal": "Personal",
    "ekonomiskt_bistand": "Ekonomiskt bistånd",
    "god_man": "God man",
    "ovrigt": "Övrigt",
    "statlig_ersattning": "Statlig ersättning",
    "schablon": "Schablon",
    "ovriga_intakter": "Övriga intäkter",
}
"""The ledger's reporting categories from the import contract (`ekonomi.kategori`)."""

TYP = {"kostnad": "Kostnad", "intakt": "Intäkt"}


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


MANADER = ("jan", "feb", "mar", "apr", "maj", "jun", "jul", "aug", "sep", "okt", "nov", "dec")


def manad_etikett(manad: str) -> str:
    """A month given as `YYYY-MM` → `dec 2024` (plotly would write `Dec 2024`)."""
    ar, man = manad.split("-")
    return f"{MANADER[int(man) - 1]} {ar}"
