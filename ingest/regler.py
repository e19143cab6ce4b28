"""The state-compensation rules, read from data/reference/ersattningsregler.csv at import.

Why at import: the rules price every care-day once, in `data/derived_ersattning.sql`, so
the figures read a few priced rows per month instead of expanding care day by day. The
file is meant to be edited by the municipality (a new rate is a new row), so every fault
is reported the way the import contract reports faults in the export: file, line, column.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation
from pathlib import Path

import polars as pl

from ingest.problems import ImportRefused, Problem

REGLER_CSV = Path(__file__).resolve().parent.parent / "data" / "reference" / "ersattningsregler.csv"
KATEGORIER = (
    "plats_avtalad",
    "plats_belagd",
    "hvb_asyl",
    "stodboende",
    "faktiska_kostnader",
    "schablon_under_18",
    "schablon_18_20",
    "anvisning_engangs",
    "arlig_ersattning",
    "put_engangs",
    "ankomst_schablon",
    "arlig_rorlig",
)
"""The export columns of `ersattning`, in order: a fixed export, so a fixed set."""
STATUS = ("asyl", "PUT", "ovrig", "ankomst")
BOENDEFORMER = (
    "HVB", "stodboende", "familjehem", "jourhem", "traningslagenhet", "eget_boende", "annat",
)  # fmt: skip
VILLKOR = {
    "per dygn": {"status", "alder_fran", "alder_till", "boendeform", "avtalad_plats"},
    "per plats och dygn": {"status", "boendeform", "avtalad_plats", "belagd"},
    "engångs": {"status", "alder_fran", "alder_till", "anvisning_fran"},
    "engångs vid PUT": {"alder_fran", "alder_till"},
    "per år": {"avtalad_plats"},
}
"""Per enhet, the condition columns that apply to it; any other condition is refused."""
KOLUMNER = (
    "regel_id", "kategori", "belopp_kr", "enhet", "giltig_fran", "giltig_till", "status",
    "alder_fran", "alder_till", "boendeform", "avtalad_plats", "belagd", "anvisning_fran",
    "andel", "antagande", "kalla",
)  # fmt: skip
SCHEMA: dict[str, pl.DataType | type[pl.DataType]] = {
    "regel_id": pl.String, "kategori": pl.String, "belopp_kr": pl.Decimal(12, 2),
    "enhet": pl.String, "giltig_fran": pl.Date, "giltig_till": pl.Date,
    "status": pl.List(pl.String), "alder_fran": pl.Int32, "alder_till": pl.Int32,
    "boendeform": pl.List(pl.String), "avtalad_plats": pl.Boolean, "belagd": pl.Boolean,
    "anvisning_fran": pl.Date, "andel": pl.Decimal(6, 4), "antagande": pl.String,
    "kalla": pl.String, "rad": pl.Int32,
}  # fmt: skip


@dataclass
class _Rad:
    """One line being read: its values so far and the problems found in it."""

    fil: str
    rad: int
    text: dict[str, str]
    problems: list[Problem]

    def fel(self, kolumn: str, meddelande: str) -> None:
        self.problems.append(Problem(self.fil, self.rad, kolumn, meddelande))


def read_regler(path: Path | None = None) -> pl.DataFrame:
    """The rules as the table `ersattningsregler`; `ImportRefused` names every fault."""
    path = path or REGLER_CSV
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        header = [name.strip() for name in reader.fieldnames or []]
        missing = [name for name in KOLUMNER if name not in header]
        if missing:
            message = f"kolumn saknas: {', '.join(missing)}"
            raise ImportRefused([Problem(path.name, 1, None, message)])
        lines = [(reader.line_num, row) for row in reader]
    problems: list[Problem] = []
    rows = [_row(_Rad(path.name, line, _clean(raw), problems)) for line, raw in lines]
    problems += _duplicates(path.name, lines)
    if problems:
        raise ImportRefused(problems)
    return pl.DataFrame(rows, schema=SCHEMA, orient="row")


def _clean(raw: dict[str | None, str | list[str] | None]) -> dict[str, str]:
    return {
        str(k).strip(): str(v).strip()
        for k, v in raw.items()
        if k is not None and isinstance(v, str)
    }


def _row(r: _Rad) -> tuple[object, ...]:
    enhet = _choice(r, "enhet", tuple(VILLKOR), required=True)
    for kolumn in set().union(*VILLKOR.values()) - VILLKOR.get(str(enhet), set()):
        if r.text.get(kolumn) and enhet:
            r.fel(kolumn, f"villkoret gäller inte för enhet '{enhet}'; lämna tomt")
    belopp = _decimal(r, "belopp_kr")
    if not r.text.get("belopp_kr") and enhet != "per dygn":
        r.fel("belopp_kr", "belopp saknas (tomt betyder faktisk kostnad, bara för 'per dygn')")
    fran, till = _date(r, "giltig_fran", required=True), _date(r, "giltig_till")
    if fran and till and till < fran:
        r.fel("giltig_till", "giltig_till ligger före giltig_fran")
    alder_fran, alder_till = _int(r, "alder_fran"), _int(r, "alder_till")
    if alder_fran is not None and alder_till is not None and alder_till < alder_fran:
        r.fel("alder_till", "alder_till är lägre än alder_fran")
    andel = _decimal(r, "andel")
    if not r.text.get("kalla"):
        r.fel("kalla", "källa saknas: ange författning och var regeln är dokumenterad")
    return (
        _text(r, "regel_id", required=True),
        _choice(r, "kategori", KATEGORIER, required=True),
        belopp, enhet, fran, till,
        _list(r, "status", STATUS), alder_fran, alder_till, _list(r, "boendeform", BOENDEFORMER),
        _flag(r, "avtalad_plats", ("ja", "nej")), _flag(r, "belagd", ("ja",)),
        _date(r, "anvisning_fran"), Decimal(1) if andel is None else andel,
        r.text.get("antagande") or None, r.text.get("kalla"), r.rad,
    )  # fmt: skip


def _text(r: _Rad, kolumn: str, *, required: bool = False) -> str | None:
    value = r.text.get(kolumn, "")
    if required and not value:
        r.fel(kolumn, "värde saknas")
    return value or None


def _choice(r: _Rad, kolumn: str, allowed: tuple[str, ...], *, required: bool) -> str | None:
    value = _text(r, kolumn, required=required)
    if value is not None and value not in allowed:
        r.fel(kolumn, f"okänt värde {value!r}; tillåtna: {', '.join(allowed)}")
        return None
    return value


def _list(r: _Rad, kolumn: str, allowed: tuple[str, ...]) -> list[str] | None:
    value = r.text.get(kolumn, "")
    if not value:
        return None
    items = [item.strip() for item in value.split("|")]
    for item in items:
        if item not in allowed:
            r.fel(kolumn, f"okänt värde {item!r}; tillåtna: {', '.join(allowed)} (flera med |)")
    return items


def _flag(r: _Rad, kolumn: str, allowed: tuple[str, ...]) -> bool | None:
    value = _choice(r, kolumn, allowed, required=False)
    return None if value is None else value == "ja"


def _date(r: _Rad, kolumn: str, *, required: bool = False) -> date | None:
    value = _text(r, kolumn, required=required)
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        r.fel(kolumn, f"ogiltigt datum {value!r}, ange ÅÅÅÅ-MM-DD")
        return None


def _decimal(r: _Rad, kolumn: str) -> Decimal | None:
    value = r.text.get(kolumn, "").replace("\u00a0", "").replace(" ", "").replace(",", ".")
    if not value:
        return None
    try:
        number = Decimal(value)
    except InvalidOperation:
        number = Decimal(-1)
    if not number.is_finite() or number < 0:
        r.fel(kolumn, f"ogiltigt belopp {r.text[kolumn]!r}, ange ett tal ≥ 0")
        return None
    return number


def _int(r: _Rad, kolumn: str) -> int | None:
    value = r.text.get(kolumn, "")
    if not value:
        return None
    if not value.isdigit():
        r.fel(kolumn, f"ogiltig ålder {value!r}, ange ett heltal ≥ 0")
        return None
    return int(value)


def _duplicates(fil: str, lines: list[tuple[int, dict[str | None, str]]]) -> list[Problem]:
    seen: dict[str, int] = {}
    problems = []
    for line, row in lines:
        regel = str(row.get("regel_id") or "").strip()
        if regel and regel in seen:
            message = f"regel_id {regel!r} finns redan på rad {seen[regel]}"
            problems.append(Problem(fil, line, "regel_id", message))
        seen.setdefault(regel, line)
    return problems
