"""Read a PDF back the way a reader's tools do: poppler's pdftotext, pdfinfo, pdffonts."""

from __future__ import annotations

import subprocess
from pathlib import Path


def _poppler(program: str, pdf: Path, *args: str) -> str:
    ut = subprocess.run([program, *args, str(pdf), "-"], capture_output=True, text=True, check=True)
    return ut.stdout


def sidor(pdf: Path) -> list[str]:
    """The text of each page (pdftotext ends every page with a form feed)."""
    text = _poppler("pdftotext", pdf, "-layout")
    return text.split("\f")[:-1]


def info(pdf: Path) -> dict[str, str]:
    rader = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True)
    return {
        k.strip(): v.strip() for k, _, v in (r.partition(":") for r in rader.stdout.splitlines())
    }


def typsnitt(pdf: Path) -> list[list[str]]:
    """One row per font of ``pdffonts``, split on whitespace (the name first, `emb` fifth
    from the end)."""
    rader = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True)
    return [r.split() for r in rader.stdout.splitlines()[2:]]


def en_rad(text: str) -> str:
    """The text with every run of white space (line breaks, layout gaps, NBSP) as one space."""
    return " ".join(text.replace("\u00a0", " ").split())
