"""The metric layer is the only place a number is computed, and its definitions are one text.

Pages and `ui/` only filter, sort, lay out and format (docs/architecture.md): a parse of
every module there fails on an aggregation or a division of columns. Every figure's Swedish
definition comes from docs/metrics.md and names the sign convention of its signed columns.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

import queries
from queries.definitioner import SAKNAS, definitioner
from tests.queries.test_demo_database import _catalogue_columns

ROT = Path(__file__).resolve().parents[2]
MODULER = sorted([*(ROT / "pages").glob("*.py"), *(ROT / "ui").glob("*.py")])
AGGREGAT = {"sum", "mean", "agg", "group_by"}
SIGNERAD = re.compile(r"avvikelse|balans|differens|forandring")


def _kolumnlik(node: ast.AST) -> bool:
    """A figure column in the expression: `df["x"]`, `rad['x']` or `pl.col(...)`."""
    for sub in ast.walk(node):
        if isinstance(sub, ast.Subscript) and isinstance(sub.slice, ast.Constant):
            if isinstance(sub.slice.value, str):
                return True
        if isinstance(sub, ast.Call) and isinstance(sub.func, ast.Attribute):
            if sub.func.attr == "col":
                return True
    return False


def _berakningar(path: Path) -> list[str]:
    """Every aggregation or division of columns in a module, as `file:line: what`."""
    fynd = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Attribute) and node.attr in AGGREGAT:
            fynd.append(f"{path.name}:{node.lineno}: .{node.attr}")
        if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Div):
            if _kolumnlik(node.left) or _kolumnlik(node.right):
                fynd.append(f"{path.name}:{node.lineno}: division av kolumner")
    return fynd


@pytest.mark.parametrize("path", MODULER, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_pages_and_ui_compute_nothing(path: Path) -> None:
    assert _berakningar(path) == []


def test_the_check_finds_what_it_forbids(tmp_path: Path) -> None:
    # the check itself must catch the patterns the pages used to have
    prov = tmp_path / "prov.py"
    prov.write_text(
        'a = df["vardygn"].sum() / df["platsdygn"].sum()\n'
        'b = df.group_by("manad").agg(pl.col("antal").sum())\n'
        'c = rad["vardygn"] / rad["platsdygn"]\n'
        'd = Path("x") / "data"\n'
    )
    assert sorted(_berakningar(prov)) == [
        "prov.py:1: .sum",
        "prov.py:1: .sum",
        "prov.py:1: division av kolumner",
        "prov.py:2: .agg",
        "prov.py:2: .group_by",
        "prov.py:2: .sum",
        "prov.py:3: division av kolumner",
    ]


def test_every_figure_has_a_definition_from_docs_metrics() -> None:
    texter = definitioner()
    assert {f.name for f in queries.catalogue()} == set(texter)
    assert SAKNAS not in texter.values()


@pytest.mark.parametrize("figur", sorted(_catalogue_columns()))
def test_signed_columns_name_their_sign_convention(figur: str) -> None:
    signerade = [k for k in _catalogue_columns()[figur] if SIGNERAD.search(k)]
    if signerade:
        assert re.search(r"positiv", definitioner()[figur]), (figur, signerade)


def test_deviation_follows_the_sql_sign() -> None:
    # ekonomi_kategori.sql: budget - utfall for costs, utfall - budget for revenues
    text = definitioner()["ekonomi_kategori"]
    assert "Avvikelse = utfall − budget per kategori" not in text
    assert "budget − utfall för kostnader och utfall − budget för intäkter" in text
