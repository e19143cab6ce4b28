"""Column metadata (`queries.kolumner`): every figure's columns described, files as shown."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import duckdb
import polars as pl
import pytest

import queries
from queries.kolumner import KOLUMNER, filvy


def every_figure(db: Path) -> dict[str, pl.DataFrame]:
    """Every figure of the catalogue on `db`, for 2019 and Nacka, without list filters."""
    values = {"fran": date(2019, 1, 1), "till": date(2019, 12, 31), "datum": date(2019, 6, 30)}
    values["kommun"] = "0182"  # type: ignore[assignment]
    with duckdb.connect(str(db), read_only=True) as con:
        return {
            fig.name: queries.run(fig.name, con=con, **_params(fig.params, values))
            for fig in queries.catalogue()
        }


def test_every_column_of_every_figure_has_metadata(demo_db: Path) -> None:
    figures = every_figure(demo_db)
    assert len(figures) == len(list(queries.SQL_DIR.glob("*.sql")))
    missing = {(n, c) for n, df in figures.items() for c in df.columns if c not in KOLUMNER}
    assert missing == set()
    for name, df in figures.items():
        headings = filvy(df).columns
        assert len(headings) == len(set(headings)), name


@pytest.mark.parametrize(
    ("column", "heading"),
    [("kostnad_lediga_kr", "Kostnad lediga platsdygn (kr)"), ("belaggning", "Beläggning (%)"),
     ("vardygn", "Vårddygn (antal)"), ("utfall_kr", "Utfall (kr)"), ("kon", "Kön")],
)  # fmt: skip
def test_headings_carry_units(column: str, heading: str) -> None:
    assert KOLUMNER[column].rubrik == heading


def test_file_view_rounds_as_shown_and_names_codes() -> None:
    df = pl.DataFrame(
        {
            "boendeform": ["stodboende", "HVB", "ny_form"],
            "belaggning": [205 / 279, 1.0, 0.0625],
            "kostnad_lediga_kr": [12400.5, 1999.49, -0.5],
            "samma_lan": [True, False, None],
        }
    )
    out = filvy(df)
    assert out.columns == [
        "Boendeform", "Boendeform (kod)", "Beläggning (%)", "Kostnad lediga platsdygn (kr)",
        "Samma län",
    ]  # fmt: skip
    assert out["Boendeform"].to_list() == ["Stödboende", "HVB", "Ny form"]
    assert out["Boendeform (kod)"].to_list() == ["stodboende", "HVB", "ny_form"]
    # 205 / 279 = 0.734767… -> 73.5 %; 0.0625 -> 6.25 % -> 6.3 (halves away from zero, as on screen)
    assert out["Beläggning (%)"].to_list() == [73.5, 100.0, 6.3]
    # whole kronor: 12 400.5 -> 12 401, 1 999.49 -> 1 999, -0.5 -> -1
    assert out["Kostnad lediga platsdygn (kr)"].to_list() == [12401, 1999, -1]
    assert out["Samma län"].to_list() == ["Ja", "Nej", None]


def _params(namn: dict[str, str], values: dict[str, Any]) -> dict[str, Any]:
    """The figure's declared parameters with the test's values (None where it has none)."""
    return {p: values.get(p) for p in namn}
