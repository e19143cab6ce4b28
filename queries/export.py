"""Writers that turn a figure's DataFrame into a file someone can download.

People get the figure as it reads on screen (`queries.kolumner.filvy`: Swedish headings
with units, values rounded as shown, names beside codes); machines get the raw figure as
plain CSV. Excel runs any cell that starts with ``=``, ``+``, ``-``, ``@``, tab or
carriage return as a formula, so every file a person may open is neutralised: CSV text
gets a leading ``'`` (CSV has no types), XLSX stores text as text, unchanged. The export
CLI and the UI's download buttons share these functions, so both give the same bytes.
"""

from __future__ import annotations

import io
import shlex
from collections.abc import Mapping, Sequence
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

import polars as pl
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell

from ingest.vocabulary import ALDERSGRUPP, BOENDEFORM, KON, REGI
from queries.kolumner import filvy

if TYPE_CHECKING:
    from openpyxl.worksheet._write_only import WriteOnlyWorksheet

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
FORMULA_PATTERN = r"^[=+\-@\t\r]"
OM_DATAN = "Om datan"
PARAMETRAR = {
    "fran": "Från",
    "till": "Till",
    "datum": "Rapportdatum",
    "kommun": "Perspektivkommun",
    "vistelsekommun": "Vistelsekommun",
    "boendeform": "Boendeform",
    "regi": "Regi",
    "aldersgrupp": "Åldersgrupp",
    "kon": "Kön",
    "verksamhet": "Verksamhet",
    "enhet": "Enhet",
    "manader": "Eftersläpning (månader)",
    "flytt_antal": "Flyttade ungdomar (antal)",
    "flytt_fran": "Flytt från datum",
    "fran_form": "Från boendeform",
    "till_form": "Till boendeform",
    "pris_form": "Prisändring, boendeform",
    "pris_procent": "Prisändring (%)",
    "regel_kategori": "Regeländring, kategori",
    "regel_belopp": "Regeländring, belopp (kr)",
    "regel_fran": "Regeländring från datum",
    "platser_antal": "Platsändring (antal)",
    "platser_form": "Platsändring, boendeform",
    "platser_fran": "Platsändring från datum",
}
"""Figure parameter -> the filter's Swedish name, as the sidebar calls it (one list for both)."""
FILTERNAMN = {"boendeform": BOENDEFORM, "regi": REGI, "aldersgrupp": ALDERSGRUPP, "kon": KON}

Metadata = Sequence[tuple[str, str]]

OPTIONS = {
    "datum": "date",
    "fran": "from",
    "till": "to",
    "kommun": "kommun",
    "vistelsekommun": "vistelsekommun",
    "boendeform": "boendeform",
    "regi": "regi",
    "aldersgrupp": "aldersgrupp",
    "kon": "kon",
    "verksamhet": "verksamhet",
    "enhet": "enhet",
    "manader": "manader",
    # the what-if scenario's levers (queries/scenario.sql)
    "flytt_antal": "flytt-antal",
    "flytt_fran": "flytt-fran",
    "fran_form": "fran-form",
    "till_form": "till-form",
    "pris_form": "pris-form",
    "pris_procent": "pris-procent",
    "regel_kategori": "regel-kategori",
    "regel_belopp": "regel-belopp",
    "regel_fran": "regel-fran",
    "platser_antal": "platser-antal",
    "platser_form": "platser-form",
    "platser_fran": "platser-fran",
}
"""Figure parameter -> the export CLI's option (`--from`); list filters may be repeated."""
FORMAT = ("csv", "csv-excel", "xlsx", "csv-raw")
"""The CLI's formats. `csv`: the figure's own columns (comma, decimal point), formula-like
text neutralised, so scripts keep stable column names and a person can still open it
safely; `csv-excel` and `xlsx`: exactly the page's downloads (Swedish headings, units,
rounding, names beside codes; `xlsx` with the sheet "Om datan"); `csv-raw`: the raw figure
for programs, not neutralised."""


def neutralise(value: object) -> object:
    """``value`` with a leading ``'`` when it is text that a spreadsheet would run as a formula."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def _neutralised(df: pl.DataFrame) -> pl.DataFrame:
    text = [name for name, dtype in df.schema.items() if dtype == pl.String]
    return df.with_columns(
        pl.when(pl.col(name).str.contains(FORMULA_PATTERN))
        .then(pl.lit("'") + pl.col(name))
        .otherwise(pl.col(name))
        .alias(name)
        for name in text
    )


def to_csv_neutral(df: pl.DataFrame) -> str:
    """The figure's own columns as CSV (comma, decimal point), formula-like text neutralised."""
    return _neutralised(df).write_csv()


def to_csv_machine(df: pl.DataFrame) -> str:
    """CSV for programs: the raw figure, comma-separated, decimal point, ISO dates.

    Not neutralised: a program must get the value as stored. Never offer it to people.
    """
    return df.write_csv()


def to_csv_excel(df: pl.DataFrame) -> bytes:
    """CSV for people in Swedish Excel: the figure as shown, ``;``-separated, decimal comma,
    UTF-8 with BOM, formula-like text neutralised with a leading ``'``."""
    text = _neutralised(filvy(df)).write_csv(
        separator=";", decimal_comma=True, datetime_format="%Y-%m-%d %H:%M"
    )
    return "\ufeff".encode() + text.encode("utf-8")


def to_xlsx(df: pl.DataFrame, sheet: str = "data", om: Metadata | None = None) -> bytes:
    """An Excel workbook of the figure as shown (numbers as numbers, dates as dates, text as
    text) and, with `om`, a second sheet "Om datan" of (label, value) rows."""
    book = Workbook(write_only=True)
    ws = book.create_sheet(sheet[:31])
    vy = filvy(df)
    ws.append([_text(ws, name) for name in vy.columns])
    for row in vy.iter_rows():
        ws.append([_cell(ws, v) for v in row])
    if om is not None:
        meta = book.create_sheet(OM_DATAN)
        for label, value in om:
            meta.append([_text(meta, label), _text(meta, value)])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _text(ws: WriteOnlyWorksheet, value: str) -> WriteOnlyCell:
    # data_type "s" after the value: openpyxl would otherwise store "=1+1" as a formula
    cell = WriteOnlyCell(ws, value=value)
    cell.data_type = "s"
    return cell


def _cell(ws: WriteOnlyWorksheet, value: object) -> object:
    if isinstance(value, str):
        return _text(ws, value)
    if isinstance(value, datetime):
        cell = WriteOnlyCell(ws, value=value)
        cell.number_format = "yyyy-mm-dd hh:mm"
        return cell
    if isinstance(value, date):
        cell = WriteOnlyCell(ws, value=value)
        cell.number_format = "yyyy-mm-dd"
        return cell
    return value


def filnamn(figur: str, params: Mapping[str, Any], andelse: str) -> str:
    """`belaggning_enhet_2019-01-01_2019-12-31.xlsx`: the figure and its period or date."""
    delar = [figur]
    for param in ("fran", "till", "datum"):
        if params.get(param) is not None:
            delar.append(str(params[param]))
    return f"{'_'.join(delar)}.{andelse}"


def filtertext(param: str, value: Any) -> str:
    """A filter's value in words: `["HVB", "stodboende"]` -> `HVB, Stödboende`."""
    if value is None or value == []:
        return "Alla (inget filter)"
    if isinstance(value, (list, tuple)):
        names = FILTERNAMN.get(param, {})
        return ", ".join(names.get(str(v), str(v)) for v in value)
    return str(value)


def om_datan(
    figur: str, titel: str, definition: str, params: Mapping[str, Any], logg: pl.DataFrame
) -> list[tuple[str, str]]:
    """The "Om datan" sheet: what the figure is, how it was filtered, where the data is from.

    `logg` is the `import_logg` figure; its newest import gives extraction date, import
    time and the demo marker.
    """
    rows = [("Mått", figur), ("Titel", titel), ("Definition", _utan_markdown(definition))]
    if params.get("fran") is not None and params.get("till") is not None:
        rows.append(("Period", f"{params['fran']} – {params['till']}"))
    rows += [(f"Filter: {PARAMETRAR.get(p, p)}", filtertext(p, v)) for p, v in params.items()]
    senaste = logg.filter(pl.col("import_id") == logg["import_id"].max()) if logg.height else logg
    if senaste.height:
        rad = senaste.row(0, named=True)
        rows.append(("Uttagsdatum", str(rad["uttagsdatum"])))
        rows.append(("Importerad", f"{rad['importerad']:%Y-%m-%d %H:%M}"))
        rows.append(("Källa", str(rad["kalla"])))
        if rad["demo"]:
            rows.append(("Demodata", "Ja: påhittade personer och belopp, inte verkliga"))
    return rows


def _utan_markdown(text: str) -> str:
    return text.replace("**", "").replace("`", "")


def kommandorad(
    figur: str, params: Mapping[str, Any], db: str, *, format: str = "csv", out: str | None = None
) -> str:
    """The `python -m queries export` line that writes exactly this download: every
    parameter with a value, list filters repeated, shell-quoted. `--option=value`, so that
    a value starting with `-` (a verksamhet `-Eken`) is not read as an option."""
    delar = ["python", "-m", "queries", "export", figur, "--db", db]
    for param, value in params.items():
        values = value if isinstance(value, (list, tuple)) else [value]
        delar += [f"--{OPTIONS[param]}={v}" for v in values if v is not None]
    delar += ["--format", format] + (["--out", out] if out else [])
    # the page's CSV download is the CLI's csv-excel
    return shlex.join(delar)
