"""Opening export files without ever hanging, reading forever or leaving the folder.

An export folder is handed over by someone else: an entry named
`platser.csv` may be a FIFO (a plain `open` waits forever for a writer), a
link to `/dev/zero` (a read never ends) or a link to a file elsewhere on the
server. Every entry is judged by `lstat`/`stat` first, then opened with
`O_NONBLOCK` and checked again on the open descriptor (so a swap between the
check and the open is caught too) before a single byte is read.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

DEFAULT_MAX_BYTES = 2 * 1024**3
"""Largest export file read (2 GiB); `run_import(max_filstorlek=…)` and `--max-filstorlek` change it."""


class FileFault(Exception):
    """An entry that is not read; the message is Swedish and names no path."""


def check_entry(path: Path, folder: Path) -> None:
    """Raise `FileFault` unless `path` is, or links to, a regular file inside `folder`."""
    try:
        own = path.lstat()
        if stat.S_ISLNK(own.st_mode):
            target = path.resolve(strict=True)
            if not target.is_relative_to(folder.resolve(strict=True)):
                raise FileFault("länken pekar ut ur exportmappen; lägg filen själv i mappen")
        info = path.stat()
    except FileFault:
        raise
    except RuntimeError:  # Path.resolve reports a link loop this way on Python 3.11
        raise FileFault("länken pekar i en slinga och går inte att följa") from None
    except OSError as error:
        raise FileFault(_os_message(error)) from None
    if not stat.S_ISREG(info.st_mode):
        raise FileFault(f"är ingen vanlig fil ({_kind(info.st_mode)}); ignoreras inte, läses inte")


def read_regular(path: Path, folder: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """The whole file, read only when it is a regular file in `folder` of at most `max_bytes`."""
    check_entry(path, folder)
    try:
        handle = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except OSError as error:
        raise FileFault(_os_message(error)) from None
    try:
        info = os.fstat(handle)
        if not stat.S_ISREG(info.st_mode):
            raise FileFault(f"är ingen vanlig fil ({_kind(info.st_mode)})")
        if info.st_size > max_bytes:
            raise FileFault(
                f"filen är {_size(info.st_size)}, större än gränsen {_size(max_bytes)} "
                "(ändra med --max-filstorlek)"
            )
        return _read_at_most(handle, max_bytes)
    finally:
        os.close(handle)


def _read_at_most(handle: int, max_bytes: int) -> bytes:
    """Read to the end, but never past the limit (a file may grow while it is read)."""
    chunks: list[bytes] = []
    total = 0
    while chunk := os.read(handle, min(1 << 24, max_bytes + 1 - total)):
        chunks.append(chunk)
        total += len(chunk)
        if total > max_bytes:
            raise FileFault(f"filen växte under läsningen förbi gränsen {_size(max_bytes)}")
    return b"".join(chunks)


def _kind(mode: int) -> str:
    kinds = (
        (stat.S_ISDIR, "en mapp"),
        (stat.S_ISFIFO, "en namngiven pipe (FIFO)"),
        (stat.S_ISSOCK, "en socket"),
        (stat.S_ISCHR, "en teckenenhet"),
        (stat.S_ISBLK, "en blockenhet"),
    )
    return next((name for test, name in kinds if test(mode)), "okänd filtyp")


def _os_message(error: OSError) -> str:
    messages = {
        errno.ENOENT: "länken pekar på en fil som inte finns",
        errno.ELOOP: "länken pekar i en slinga och går inte att följa",
        errno.EACCES: "filen får inte läsas (behörighet saknas)",
        errno.EPERM: "filen får inte läsas (behörighet saknas)",
    }
    code = errno.errorcode.get(error.errno or 0, str(error.errno))
    return messages.get(error.errno or 0, f"filen kan inte läsas (systemfel {code})")


def _size(count: int) -> str:
    """Bytes in Swedish MB: 2147483648 -> `2 048 MB`, 1120000 -> `1,1 MB`."""
    megabytes = count / 1024**2
    text = f"{megabytes:,.0f}" if megabytes.is_integer() else f"{megabytes:,.1f}"
    return text.replace(",", " ").replace(".", ",") + " MB"
