"""The compensation rules file: validated at import, loaded as data, extensible by rows."""

from __future__ import annotations

import csv
import itertools
from datetime import date
from pathlib import Path

import pytest

import queries
from ingest import ImportRefused, regler
from ingest.regler import KOLUMNER, REGLER_CSV, read_regler
from tests.helpers.importera import import_tables
from tests.queries.conftest import _anvisning, _enhet, _person, _placering

FALL = {
    # a 16-year-old asylum seeker in HVB across New Year 2023/2024, extraction 2024-01-31
    "personer": [_person("X", "2007-06-01", "M")],
    "anvisningar": [_anvisning("aX", "X", "2023-01-01", "0182", uppehallstillstand="asylsokande")],
    "enheter": [_enhet("H", "HVB", "0182", "upphandlad", 2000)],
    "placeringar": [_placering("pX", "X", "H", "2023-12-01")],
}


def _rows(path: Path = REGLER_CSV) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _write(path: Path, rows: list[dict[str, str]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(KOLUMNER))
        writer.writeheader()
        writer.writerows(rows)
    return path


def _under_18(db: Path, manad: str) -> object:
    df = queries.run("ersattning", db, fran=f"{manad}-01", till=f"{manad}-01", kommun="0182")
    return df["schablon_under_18"].item()


def test_lowered_rate_from_2024_is_a_row(tmp_path: Path) -> None:
    # shipped rules: December 2023 31 x 1 350 = 41 850; January 2024 31 x 1 000 = 31 000
    db = import_tables(tmp_path, FALL, "2024-01-31")
    assert (_under_18(db, "2023-12"), _under_18(db, "2024-01")) == (41850, 31000)


def test_edited_rules_take_effect_at_the_next_import(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # without the 2024 rows the 1 350 rows end on 2023-12-31: January prices nothing;
    # a new row 1 100 kr from 2024-01-01 prices it 31 x 1 100 = 34 100 after re-import
    rows = [r for r in _rows() if r["regel_id"] not in ("N07", "N08")]
    path = _write(tmp_path / "ersattningsregler.csv", rows)
    monkeypatch.setattr(regler, "REGLER_CSV", path)
    db = import_tables(tmp_path, FALL, "2024-01-31")
    assert _under_18(db, "2024-01") == 0
    ny = {**next(r for r in rows if r["regel_id"] == "N01"), "regel_id": "X1"}
    _write(
        path, [*rows, {**ny, "belopp_kr": "1100", "giltig_fran": "2024-01-01", "giltig_till": ""}]
    )
    db = import_tables(tmp_path, FALL, "2024-01-31")
    assert _under_18(db, "2024-01") == 34100


def test_bad_rules_refuse_the_import_and_leave_the_database(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = import_tables(tmp_path, FALL, "2024-01-31")
    before = db.read_bytes()
    rows = _rows()
    rows[0] = {**rows[0], "belopp_kr": "tusen"}  # line 2
    rows[2] = {**rows[2], "giltig_fran": "2017-13-01", "kategori": "okand"}  # line 4
    rows[3] = {**rows[3], "anvisning_fran": "2017-07-01"}  # line 5: not a condition of per dygn
    rows[4] = {**rows[4], "regel_id": rows[0]["regel_id"]}  # line 6: a second F01
    monkeypatch.setattr(regler, "REGLER_CSV", _write(tmp_path / "r.csv", rows))
    with pytest.raises(ImportRefused) as refused:
        import_tables(tmp_path, FALL, "2024-01-31")
    assert [str(p) for p in refused.value.problems] == [
        "r.csv:2: belopp_kr: ogiltigt belopp 'tusen', ange ett tal ≥ 0",
        "r.csv:4: giltig_fran: ogiltigt datum '2017-13-01', ange ÅÅÅÅ-MM-DD",
        "r.csv:4: kategori: okänt värde 'okand'; tillåtna: " + ", ".join(regler.KATEGORIER),
        "r.csv:5: anvisning_fran: villkoret gäller inte för enhet 'per dygn'; lämna tomt",
        "r.csv:6: regel_id: regel_id 'F01' finns redan på rad 2",
    ]
    assert db.read_bytes() == before


def _overlap(a: dict[str, str], b: dict[str, str]) -> bool:
    """Whether one care-day could match both per-dygn rules."""

    def dates(r: dict[str, str]) -> tuple[date, date]:
        return date.fromisoformat(r["giltig_fran"]), date.fromisoformat(
            r["giltig_till"] or "9999-12-31"
        )

    def ages(r: dict[str, str]) -> tuple[int, int]:
        return int(r["alder_fran"] or 0), int(r["alder_till"] or 999)

    def common(x: str, y: str) -> bool:
        return not x or not y or bool(set(x.split("|")) & set(y.split("|")))

    (af, at), (bf, bt) = dates(a), dates(b)
    (aa, ab), (ba, bb) = ages(a), ages(b)
    plats = (
        not a["avtalad_plats"] or not b["avtalad_plats"] or a["avtalad_plats"] == b["avtalad_plats"]
    )
    return (
        af <= bt and bf <= at and aa <= bb and ba <= ab and plats
        and common(a["status"], b["status"]) and common(a["boendeform"], b["boendeform"])
    )  # fmt: skip


def test_shipped_rules_price_a_care_day_at_most_once() -> None:
    read_regler()  # the shipped file is valid
    dygn = [r for r in _rows() if r["enhet"] == "per dygn"]
    both = [
        (a["regel_id"], b["regel_id"]) for a, b in itertools.combinations(dygn, 2) if _overlap(a, b)
    ]
    assert both == []


def test_missing_column_is_named(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "r.csv"
    path.write_text("regel_id,kategori\nX,hvb_asyl\n", encoding="utf-8")
    monkeypatch.setattr(regler, "REGLER_CSV", path)
    with pytest.raises(ImportRefused) as refused:
        import_tables(tmp_path, FALL, "2024-01-31")
    saknas = ", ".join(k for k in KOLUMNER if k not in ("regel_id", "kategori"))
    assert [str(p) for p in refused.value.problems] == [f"r.csv:1: kolumn saknas: {saknas}"]
