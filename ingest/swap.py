"""The file side of an import: lock, staging file, and the atomic swap onto the live file.

The swap must not change anything about the database file but its contents:
a `600` file with individual-level data stays `600` with its owner, and a
`--db` that is a symbolic link keeps pointing at its target, which is what
gets replaced. Staging files are named with the importing process's id, so a
later import can remove those a killed import left behind; the lock makes
that safe, since only the holder of the lock builds a staging file.
"""

from __future__ import annotations

import fcntl
import logging
import os
import re
import stat
import uuid
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

LOG = logging.getLogger("ingest")


def target_of(db_path: Path) -> Path:
    """The file an import replaces: `db_path`, or what a chain of links ends in."""
    return Path(os.path.realpath(db_path))


def staging_path(target: Path) -> Path:
    """A new staging file beside `target`, named after this process."""
    return target.with_name(f"{target.name}.tmp-{os.getpid()}-{uuid.uuid4().hex}")


@contextmanager
def import_lock(target: Path) -> Iterator[None]:
    """An exclusive lock beside the database; a second import waits and says so."""
    target.parent.mkdir(parents=True, exist_ok=True)
    with target.with_name(f"{target.name}.tmp.lock").open("a") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            LOG.warning("En annan import av %s pågår; väntar tills den är klar …", target.name)
            fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def remove_stale_staging(target: Path) -> list[Path]:
    """Remove staging files of imports whose process is gone; call only under the lock."""
    pattern = re.compile(re.escape(target.name) + r"\.tmp-(?:(\d+)-)?[0-9a-f]{32}(?:\.wal)?")
    removed = []
    for path in target.parent.iterdir():
        match = pattern.fullmatch(path.name)
        # files without a pid come from older versions, which also built them under the lock
        if match and (match[1] is None or not process_lever(int(match[1]))):
            with suppress(FileNotFoundError):
                path.unlink()
                removed.append(path)
    return removed


def process_lever(pid: int) -> bool:
    """Whether process `pid` still runs (a staging file or snapshot of a live writer stays)."""
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # another user's process
    return True


def protect_like(staging: Path, target: Path) -> None:
    """Give the staging file the mode and owner of the file it will replace."""
    try:
        info = target.stat()
    except FileNotFoundError:
        return
    os.chmod(staging, stat.S_IMODE(info.st_mode))
    if (info.st_uid, info.st_gid) != (os.geteuid(), os.getegid()):
        try:
            os.chown(staging, info.st_uid, info.st_gid)
        except PermissionError:
            LOG.warning("Databasfilens ägare kunde inte behållas (kräver behörighet).")


def remove_staging(staging: Path) -> None:
    for path in (staging, staging.with_name(staging.name + ".wal")):
        with suppress(FileNotFoundError):
            path.unlink()


def replace(staging: Path, target: Path) -> None:
    """Swap the complete staging file in and make the rename durable."""
    os.replace(staging, target)
    sync_directory(target.parent)


def sync_directory(directory: Path) -> None:
    """Make the rename durable: without this a crash could bring back the old file."""
    handle = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(handle)
    finally:
        os.close(handle)
