"""A small, valid export that the importer tests change one fault at a time.

Rows are written by `write_export`, so row i of a table is on line i + 2 of
its file (line 1 is the header).
"""

from __future__ import annotations

import copy
from collections.abc import Callable

import pytest

Tables = dict[str, list[dict[str, object]]]

VALID: Tables = {
    "personer": [
        {"person_id": "P1", "fodelsedatum": "2006-05-10", "kon": "K", "medborgarskap": "AFG"},
        {"person_id": "P2", "fodelsedatum": "2008-01-20", "kon": "M", "medborgarskap": "SOM"},
        {"person_id": "P3", "fodelsedatum": "2009-11-02", "kon": "", "medborgarskap": ""},
    ],
    "aldersandringar": [
        {"person_id": "P2", "beslutsdatum": "2023-06-01", "tidigare_fodelsedatum": "2007-01-20"},
    ],
    "anvisningar": [
        {
            "anvisning_id": "A1",
            "person_id": "P1",
            "anvisningsdatum": "2022-03-01",
            "anvisningskommun": "0182",
            "avslutsorsak": "",
        },
        {
            "anvisning_id": "A2",
            "person_id": "P2",
            "anvisningsdatum": "2022-04-01",
            "anvisningskommun": "0180",
            "avslutsorsak": "",
        },
        {
            "anvisning_id": "A3",
            "person_id": "P3",
            "anvisningsdatum": "2023-01-15",
            "anvisningskommun": "0182",
            "avslutsorsak": "flytt",
        },
    ],
    "enheter": [
        {
            "enhet_id": "E1",
            "namn": "Hemmet",
            "boendeform": "HVB",
            "kommun": "0182",
            "regi": "egen",
            "dygnspris": "1500",
        },
        {
            "enhet_id": "E2",
            "namn": "Stödet",
            "boendeform": "stodboende",
            "kommun": "0180",
            "regi": "upphandlad",
            "dygnspris": "900",
        },
    ],
    "platser": [
        {
            "enhet_id": "E1",
            "giltig_fran": "2022-01-01",
            "giltig_till": "2023-12-31",
            "antal_platser": "10",
            "platstyp": "asyl",
            "alder_fran": "14",
            "alder_till": "17",
        },
        {
            "enhet_id": "E1",
            "giltig_fran": "2024-01-01",
            "giltig_till": "",
            "antal_platser": "8",
            "platstyp": "asyl",
            "alder_fran": "14",
            "alder_till": "17",
        },
        {
            "enhet_id": "E2",
            "giltig_fran": "2022-01-01",
            "giltig_till": "",
            "antal_platser": "5",
            "platstyp": "",
            "alder_fran": "",
            "alder_till": "",
        },
    ],
    "placeringar": [
        {
            "placering_id": "PL1",
            "person_id": "P1",
            "enhet_id": "E1",
            "startdatum": "2022-03-01",
            "slutdatum": "2023-03-01",
            "dygnskostnad": "",
            "vistelsekommun": "",
        },
        # the move-in day equals PL1's move-out day: allowed
        {
            "placering_id": "PL2",
            "person_id": "P1",
            "enhet_id": "E2",
            "startdatum": "2023-03-01",
            "slutdatum": "",
            "dygnskostnad": "",
            "vistelsekommun": "",
        },
        {
            "placering_id": "PL3",
            "person_id": "P2",
            "enhet_id": "E1",
            "startdatum": "2022-04-01",
            "slutdatum": "",
            "dygnskostnad": "1800",
            "vistelsekommun": "",
        },
        {
            "placering_id": "PL4",
            "person_id": "P3",
            "enhet_id": "E2",
            "startdatum": "2023-01-15",
            "slutdatum": "2023-08-31",
            "dygnskostnad": "",
            "vistelsekommun": "0180",
        },
    ],
    "kontoplan": [
        {"konto": "4010", "benamning": "Köpt HVB", "typ": "kostnad", "kategori": "HVB"},
        {
            "konto": "3010",
            "benamning": "Statlig ersättning",
            "typ": "intakt",
            "kategori": "statlig_ersattning",
        },
    ],
    "ekonomi": [
        {"period": "2024-01", "verksamhet": "EKB asyl", "konto": "4010", "belopp": "1000"},
        {"period": "2024-01", "verksamhet": "EKB asyl", "konto": "3010", "belopp": "-500"},
    ],
    "budget": [
        {"period": "2024-01", "verksamhet": "EKB asyl", "konto": "4010", "belopp": "1200"},
    ],
    "ersattningsansokningar": [
        {
            "period": "2024-01",
            "ersattningstyp": "dygnsersattning",
            "sokt_belopp": "500",
            "beviljat_belopp": "400",
        },
    ],
}


@pytest.fixture
def valid_tables() -> Callable[[], Tables]:
    """A function returning a fresh deep copy of the valid export."""
    return lambda: copy.deepcopy(VALID)
