"""The one vocabulary (`ingest.vocabulary`) agrees with what the database accepts."""

from __future__ import annotations

import re
from pathlib import Path

import duckdb
import pytest

from ingest import vocabulary

ROOT = Path(__file__).parents[2]
SCHEMA = (ROOT / "data" / "schema.sql").read_text(encoding="utf-8")


def check_values(column: str) -> set[str]:
    """The values of `check (<column> in (...))` in schema.sql, read from the text."""
    match = re.search(rf"check \({column} in \(([^)]*)\)", SCHEMA)
    assert match, column
    return set(re.findall(r"'([^']*)'", match.group(1)))


@pytest.mark.parametrize(
    ("column", "names"),
    [
        ("boendeform", vocabulary.BOENDEFORM),
        ("regi", vocabulary.REGI),
        ("kon", vocabulary.KON),
        ("platstyp", vocabulary.PLATSTYP),
        ("typ", vocabulary.TYP),
        ("uppehallstillstand", vocabulary.UPPEHALLSTILLSTAND),
    ],
)
def test_codes_are_the_schemas_check_values(column: str, names: dict[str, str]) -> None:
    assert set(names) == check_values(column)
    # every code has a Swedish name of its own
    assert all(names.values()) and len(set(names.values())) == len(names)


def test_age_groups_match_the_derived_macro() -> None:
    derived = (ROOT / "data" / "models" / "060_aldersgrupp_for.sql").read_text(encoding="utf-8")
    macro = re.search(r"create macro aldersgrupp_for\(alder\) as.*?;", derived, re.S)
    assert macro
    con = duckdb.connect()
    con.execute(macro.group(0))
    for age in range(0, 40):
        (group,) = con.execute("select aldersgrupp_for(?)", [age]).fetchone() or (None,)
        first, last = vocabulary.ALDERSGRANSER[group]
        assert first <= age and (last is None or age <= last), (age, group)
    assert vocabulary.ALDERSGRUPPER == ("0-13", "14-17", "18-20", "21+")
    assert set(vocabulary.ALDERSGRUPP) == set(vocabulary.ALDERSGRUPPER)


def test_kategori_codes_are_the_ledgers_categories() -> None:
    # kategori is free text in the contract; the ten named there are the demo's chart of accounts
    from data.demo_ekonomi import KONTOPLAN

    assert set(vocabulary.KATEGORI) == {kategori for *_, kategori in KONTOPLAN}
    assert {typ for _, _, typ, _ in KONTOPLAN} == set(vocabulary.TYP)


def test_vocabulary_imports_nothing_from_the_project() -> None:
    source = (ROOT / "ingest" / "vocabulary.py").read_text(encoding="utf-8")
    imports = re.findall(r"^(?:from|import) (\S+)", source, re.M)
    assert imports == ["__future__"]


def test_charts_keep_every_name_importable() -> None:
    from charts import etiketter

    assert etiketter.BOENDEFORM is vocabulary.BOENDEFORM
    assert etiketter.KATEGORI is vocabulary.KATEGORI
    assert etiketter.namn(etiketter.KON, "K") == "Flickor/kvinnor"
    assert etiketter.manad_etikett("2024-12") == "dec 2024"
