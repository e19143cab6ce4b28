"""The one vocabulary: every code the data uses and its Swedish name.

The database keeps the import contract's codes (`stodboende`, `K`); readers see
`Stödboende` and `Flickor/kvinnor`. Charts, table views, downloads and the export CLI
take their names from here, and a test holds the codes to `data/schema.sql`'s CHECK
constraints and the age bounds of `data/models/`. Plain data, no project imports,
so that every layer (ingest, queries, charts, ui) may use it.
"""

from __future__ import annotations

BOENDEFORM: dict[str, str] = {
    "HVB": "HVB",
    "stodboende": "Stödboende",
    "familjehem": "Familjehem",
    "jourhem": "Jourhem",
    "traningslagenhet": "Träningslägenhet",
    "eget_boende": "Eget boende",
    "annat": "Annat",
}
"""`enheter.boendeform`: the kind of residence."""

REGI: dict[str, str] = {
    "egen": "Egen regi",
    "entreprenad": "Entreprenad",
    "upphandlad": "Upphandlad",
    "direktupphandlad": "Direktupphandlad",
    "konsulentstodd": "Konsulentstödd",
}
"""`enheter.regi`: who runs the unit."""

KON: dict[str, str] = {"K": "Flickor/kvinnor", "M": "Pojkar/män", "X": "Okänt"}
"""`personer.kon`."""

PLATSTYP: dict[str, str] = {"asyl": "Asyl", "PUT": "PUT", "ovrig": "Övrig"}
"""`platser.platstyp`: the residence-permit status a contracted place is meant for."""

UPPEHALLSTILLSTAND: dict[str, str] = {
    "asylsokande": "Asylsökande",
    "PUT": "Permanent uppehållstillstånd",
    "TUT": "Tidsbegränsat uppehållstillstånd",
    "avslag": "Avslag",
}
"""`anvisningar.uppehallstillstand`."""

ALDERSGRANSER: dict[str, tuple[int, int | None]] = {
    "0-13": (0, 13),
    "14-17": (14, 17),
    "18-20": (18, 20),
    "21+": (21, None),
}
"""Age group code -> (first age, last age) in whole years, both inclusive; None = no upper bound."""

ALDERSGRUPPER: tuple[str, ...] = tuple(ALDERSGRANSER)
"""The age group codes, youngest first."""

ALDERSGRUPP: dict[str, str] = {
    "0-13": "0–13 år",
    "14-17": "14–17 år",
    "18-20": "18–20 år",
    "21+": "21 år och äldre",
}
"""Age group code -> Swedish name."""

KATEGORI: dict[str, str] = {
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
"""The ledger's reporting categories named in the import contract (`kontoplan.kategori`).

The column is free text: other codes are shown made readable, never guessed."""

TYP: dict[str, str] = {"kostnad": "Kostnad", "intakt": "Intäkt"}
"""`kontoplan.typ`."""

RIKTNING: dict[str, str] = {
    "placerade_hos_oss": "Placerade här av andra kommuner",
    "vara_i_andra": "Våra placerade i andra kommuner",
}
"""The two directions of the cross-municipal figures (`kommunoverskridande*`)."""

MANADER: tuple[str, ...] = (
    "jan", "feb", "mar", "apr", "maj", "jun", "jul", "aug", "sep", "okt", "nov", "dec",
)  # fmt: skip
"""Swedish month abbreviations, January first."""
