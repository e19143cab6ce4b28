"""The demo database for the page and browser tests, built once per test session.

Both suites ask for it under the session's base temp dir, so it is built by the real
demo generator and importer only once even when both run.
"""

from __future__ import annotations

from pathlib import Path


def bygg_demo_en_gang(bas: Path) -> Path:
    """The demo database under `bas`, built on first request."""
    from data.demo import build_demo_db

    sokvag = bas / "demo" / "ekb.duckdb"
    if not sokvag.exists():
        sokvag.parent.mkdir(parents=True, exist_ok=True)
        build_demo_db(sokvag, seed=2017, progress=lambda _text, _andel: None)
    return sokvag
