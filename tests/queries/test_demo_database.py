"""Every figure runs on the demo database and returns the catalogue's columns with sound types.

The expected columns are read from the figure catalogue in docs/architecture.md (the
contract the pages are written against); the expected type of each column follows from
its name, as the catalogue's naming rules say (counts are integers, money and shares are
floats, `manad` is text YYYY-MM).
"""

from __future__ import annotations

import re
from pathlib import Path

import polars as pl
import pytest

import queries

ARCHITECTURE = Path(__file__).parents[2] / "docs" / "architecture.md"
INTEGER = (pl.Int32, pl.Int64)
TYPES: dict[str, tuple[type[pl.DataType], ...]] = {
    **dict.fromkeys(["platsdygn", "vardygn", "lediga_platsdygn", "alder", "fyller", "import_id",
                     "rader_lasta", "rader_lagrade", "totalt", "nya_placeringar", "avslutade_placeringar",
                     "forandring_manad", "forandring_ar", "dagar_efter_data", "antal_dagar"], INTEGER),
    **dict.fromkeys(["belaggning", "andel", "kostnad", "intakt", "balans", "budget_kostnad", "budget_intakt",
                     "budget_balans", "utfall_kr", "budget_kr", "avvikelse_kr", "kostnad_lediga_kr",
                     "avvikelse_mot_budget"], (pl.Float64,)),
    **dict.fromkeys(["fodelsedag", "uttagsdatum", "forsta_datum", "sista_datum", "datum",
                     "datum_manad_fore", "datum_ar_fore"], (pl.Date,)),
    **dict.fromkeys(["samma_lan", "demo", "senaste_utfall", "uttag_langt_efter_data"], (pl.Boolean,)),
    **dict.fromkeys(["importerad", "senast_importerad"], (pl.Datetime,)),
    # compensation is exact to the öre, so that an auditor's sum matches (docs/ersattning.md)
    **dict.fromkeys(["forvantad", "sokt", "bokford", "differens", "plats_avtalad", "plats_belagd", "hvb_asyl",
                     "stodboende", "faktiska_kostnader", "schablon_under_18", "schablon_18_20",
                     "anvisning_engangs", "arlig_ersattning", "belopp_kr", "summa_kr", "put_engangs",
                     "ankomst_schablon", "arlig_rorlig", "beviljat", "utbetald", "forvantad_person"], (pl.Decimal,)),
    **dict.fromkeys(["period_fran", "period_till"], (pl.Date,)),
    "manader_efter": INTEGER,
    # the forecast's backtest (docs/ersattning.md "Forecast")
    **dict.fromkeys(["prognos", "fel", "abs_andel", "mape"], (pl.Float64,)),
    "utfall": INTEGER,
    **dict.fromkeys(["utfall_intakt", "utfall_kostnad", "utfall_balans", "fel_balans", "mape_intakt", "mape_kostnad",
                     "mae_balans"], (pl.Float64,)),
    **dict.fromkeys(["scenario_kostnad", "scenario_intakt", "scenario_balans", "effekt_balans", "flytt_kostnad",
                     "flytt_intakt", "pris_kostnad", "regel_intakt", "platser_kostnad", "platser_intakt"], (pl.Float64,)),
}  # fmt: skip
FIXED = {"belaggning", "alder_kon", "kommunoverskridande", "budgetbalans", "ersattning"}


def _catalogue_columns() -> dict[str, list[str]]:
    text = ARCHITECTURE.read_text(encoding="utf-8")
    rows = re.findall(r"^\| `([a-z_]+)` \| [^|]* \| `([^`]*)`", text, re.M)
    return {name: [c.strip().split(" ")[0] for c in columns.split(",")] for name, columns in rows}


def _expected_type(column: str) -> tuple[type[pl.DataType], ...]:
    if column in TYPES:
        return TYPES[column]
    if column.startswith(("antal", "ack_", "prognos_")):
        return INTEGER if column.startswith("antal") else (pl.Float64,)
    return (pl.String,)


@pytest.mark.parametrize("fig", queries.catalogue(), ids=lambda f: f.name)
def test_figure_on_demo_database(demo_db: Path, fig: queries.Figure) -> None:
    span = queries.run("dataomfang", demo_db).row(0, named=True)
    # a year that ends on the extraction date, from the perspective municipality
    values = {
        "datum": span["uttagsdatum"],
        "fran": span["uttagsdatum"].replace(month=1, day=1),
        "till": span["uttagsdatum"],
        "kommun": span["perspektivkommun"],
    }
    df = queries.run(fig.name, demo_db, **{k: v for k, v in values.items() if k in fig.params})
    expected = _catalogue_columns()[fig.name]
    if fig.name in FIXED:
        assert df.columns == expected
    assert df.columns[: len(expected)] == expected
    for column, dtype in df.schema.items():
        assert isinstance(dtype, _expected_type(column)), (column, dtype)
    # the demo's import is clean: it gives no warnings, so that one figure is empty by design
    if fig.name != "import_varningar":
        assert df.height > 0, "the demo has data for every figure in its last year"
