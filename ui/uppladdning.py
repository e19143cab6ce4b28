"""Uploaded files into a flat export folder the importer can read, refusing what is unsafe.

An analyst uploads an export folder as several files or as one zip. Names come from another
machine, so nothing here trusts them: a zip entry that would land outside the folder (an
absolute path, `..`, a link) refuses the whole zip before a byte is written, sizes are capped
with the importer's own cap while reading (a zip may lie about sizes), and a name that looks
like a personnummer is never repeated. No streamlit: the page hands over (name, bytes) pairs.
"""

from __future__ import annotations

import io
import stat
import zipfile
import zlib
from collections.abc import Sequence
from pathlib import Path, PurePosixPath

from ingest.personnummer import contains_personnummer
from ingest.problems import Problem
from ingest.safe_files import DEFAULT_MAX_BYTES

MAX_POSTER = 1_000
"""Entries read from one zip; an export folder has a handful of files."""
MAC_RESURSER = "__MACOSX"
"""The resource-fork folder macOS adds to zips it makes; never part of the export."""

Uppladdad = tuple[str, bytes]


def packa_upp(
    filer: Sequence[Uppladdad], mapp: Path, max_bytes: int = DEFAULT_MAX_BYTES
) -> list[Problem]:
    """Write the uploaded files, or the one uploaded zip's files, into `mapp`.

    Returns the problems; when there are any, nothing should be imported from `mapp`.
    """
    zippar = [namn for namn, _ in filer if namn.lower().endswith(".zip")]
    if zippar and len(filer) > 1:
        text = "ladda upp antingen exportens filer eller en enda zip-fil med dem, inte båda"
        return [Problem("uppladdningen", None, None, text)]
    if zippar:
        return _packa_zip(filer[0], mapp, max_bytes)
    problem = [p for nr, fil in enumerate(filer, 1) for p in _granska_fil(nr, fil, max_bytes)]
    problem += _dubbletter([namn for namn, _ in filer]) + _personnummer_i_namn(
        [namn for namn, _ in filer], "uppladdad fil"
    )
    if not problem:
        for namn, data in filer:
            (mapp / namn).write_bytes(data)
    return problem


def visat_namn(namn: str, nr: int) -> str:
    """The file name as shown in a problem: never one that looks like a personnummer."""
    return f"uppladdad fil nr {nr}" if contains_personnummer(namn) else namn


def _granska_fil(nr: int, fil: Uppladdad, max_bytes: int) -> list[Problem]:
    namn, data = fil
    if namn in ("", ".", "..") or PurePosixPath(namn.replace("\\", "/")).name != namn:
        return [Problem(f"uppladdad fil nr {nr}", None, None, "filnamnet får inte ha en sökväg")]
    if len(data) > max_bytes:
        text = f"filen är {_mb(len(data))}, större än gränsen {_mb(max_bytes)}"
        return [Problem(visat_namn(namn, nr), None, None, text)]
    return []


def _dubbletter(namn: list[str]) -> list[Problem]:
    sedda = {n.casefold() for n in namn}
    if len(sedda) == len(namn):
        return []
    return [Problem("uppladdningen", None, None, "två filer har samma namn")]


def _packa_zip(fil: Uppladdad, mapp: Path, max_bytes: int) -> list[Problem]:
    namn, data = fil
    visat = visat_namn(namn, 1)
    if len(data) > max_bytes:
        text = f"zip-filen är {_mb(len(data))}, större än gränsen {_mb(max_bytes)}"
        return [Problem(visat, None, None, text)]
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            poster, fel = _poster(zf)
            if fel:
                return [Problem(visat, None, None, fel)]
            return _skriv_poster(zf, poster, mapp, visat, max_bytes)
    except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, RuntimeError):
        text = "filen är ingen läsbar zip-fil (skadad, krypterad eller okänd komprimering)"
        return [Problem(visat, None, None, text)]


def _poster(zf: zipfile.ZipFile) -> tuple[list[tuple[zipfile.ZipInfo, str]], str | None]:
    """(entry, name in the folder) for every file, or the reason the whole zip is refused."""
    infos = [i for i in zf.infolist() if PurePosixPath(i.filename).parts[:1] != (MAC_RESURSER,)]
    if len(infos) > MAX_POSTER:
        return [], f"zip-filen har fler än {MAX_POSTER} poster; en exportmapp har några få filer"
    for nr, info in enumerate(infos, 1):
        if _utanfor(info):
            return [], (
                f"post nr {nr} i zip-filen har en sökväg utanför exportmappen eller är en "
                "länk; hela zip-filen avvisas och inget packas upp"
            )
    filer = [i for i in infos if not i.is_dir()]
    stigar = [PurePosixPath(i.filename.replace("\\", "/")) for i in filer]
    # an export zipped as its folder has one top folder: the files inside it are the export
    toppar = {s.parts[0] for s in stigar if len(s.parts) > 1}
    skala = 1 if len(toppar) == 1 and all(len(s.parts) > 1 for s in stigar) else 0
    namn = ["/".join(s.parts[skala:]) for s in stigar]
    if fel := _personnummer_i_namn(namn, "post"):
        return [], fel[0].meddelande
    return list(zip(filer, namn, strict=True)), None


def _personnummer_i_namn(namn: list[str], slag: str) -> list[Problem]:
    """Refused before anything is written: a name with a personnummer never reaches a disk."""
    return [
        Problem(
            "uppladdningen",
            None,
            None,
            f"namnet på {slag} nr {nr} ser ut att innehålla "
            "ett personnummer; byt namn på den (namnet visas inte här)",
        )
        for nr, n in enumerate(namn, 1)
        if contains_personnummer(n)
    ]


def _utanfor(info: zipfile.ZipInfo) -> bool:
    """Whether the entry would be written outside the folder, or is a link."""
    stig = info.filename.replace("\\", "/")
    delar = PurePosixPath(stig).parts
    lank = stat.S_ISLNK(info.external_attr >> 16)
    return lank or stig.startswith("/") or ".." in delar or (bool(delar) and ":" in delar[0])


def _skriv_poster(
    zf: zipfile.ZipFile,
    poster: list[tuple[zipfile.ZipInfo, str]],
    mapp: Path,
    visat: str,
    max_bytes: int,
) -> list[Problem]:
    kvar = max_bytes
    for nr, (info, namn) in enumerate(poster, 1):
        mal = mapp / namn
        mal.parent.mkdir(parents=True, exist_ok=True)
        with zf.open(info) as kalla, mal.open("wb") as ut:
            while chunk := kalla.read(min(1 << 20, kvar + 1)):
                kvar -= len(chunk)
                if kvar < 0:
                    text = (
                        f"zip-filens innehåll är större än gränsen {_mb(max_bytes)} "
                        f"(vid post nr {nr}); inget importeras"
                    )
                    return [Problem(visat, None, None, text)]
                ut.write(chunk)
    return []


def _mb(antal: int) -> str:
    """Bytes in Swedish MB: 2147483648 -> `2 048 MB`."""
    return f"{antal / 1024**2:,.0f}".replace(",", " ") + " MB"
