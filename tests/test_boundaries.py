"""The non-UI packages never import streamlit, so the CLI, the report and the tests
compute exactly what the pages show without a UI runtime (docs/architecture.md)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).parents[1]
PACKAGES = ["ingest", "queries", "queries.export", "queries.__main__", "charts", "data", "report"]


def test_non_ui_packages_do_not_import_streamlit() -> None:
    present = [p for p in PACKAGES if (ROOT / p.split(".")[0] / "__init__.py").exists()]
    # the core of the flow must be there, or this test would prove nothing
    assert {"ingest", "queries", "charts", "data"} <= set(present)
    code = (
        "import importlib, pkgutil, sys\n"
        f"for name in {present!r}:\n"
        "    module = importlib.import_module(name)\n"
        "    for info in pkgutil.walk_packages(getattr(module, '__path__', []), name + '.'):\n"
        "        importlib.import_module(info.name)\n"
        "print('streamlit' in sys.modules, sorted(m for m in sys.modules if m.split('.')[0] in "
        f"{sorted({p.split('.')[0] for p in present})!r}))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    loaded, modules = result.stdout.strip().split(" ", 1)
    assert "queries.export" in modules
    assert loaded == "False", result.stdout
