"""The app's caches and their bounds, read from the code: every cache decorator under ui/ and
pages/ and in dashboard.py, with its `max_entries` and `ttl` (None = unbounded)."""

from __future__ import annotations

import ast
from pathlib import Path
from typing import Any

from bench.webblasare import ROT


def _namn(nod: ast.expr) -> str:
    return ast.unparse(nod.func if isinstance(nod, ast.Call) else nod)


def _argument(nod: ast.expr, namn: str) -> str | None:
    if isinstance(nod, ast.Call):
        for kw in nod.keywords:
            if kw.arg == namn:
                return ast.unparse(kw.value)
    return None


def cacher(rot: Path = ROT) -> list[dict[str, Any]]:
    """One row per cached function: file, line, function, decorator, max_entries, ttl."""
    filer = [
        rot / "dashboard.py",
        *sorted((rot / "ui").glob("*.py")),
        *sorted((rot / "pages").glob("*.py")),
    ]
    rader = []
    for fil in filer:
        for nod in ast.walk(ast.parse(fil.read_text(encoding="utf-8"))):
            if not isinstance(nod, ast.FunctionDef):
                continue
            for dek in nod.decorator_list:
                if "cache" in _namn(dek):
                    rader.append({"fil": str(fil.relative_to(rot)), "rad": nod.lineno, "funktion": nod.name,
                                  "dekorator": _namn(dek), "max_entries": _argument(dek, "max_entries"),
                                  "ttl": _argument(dek, "ttl")})  # fmt: skip
    return rader
