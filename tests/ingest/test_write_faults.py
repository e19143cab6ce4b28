"""The database file through an import: full disks, crashes, modes, links, leftovers, rivals."""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import io
import os
import resource
import select
import shutil
import subprocess
import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import duckdb
import pytest

import ingest.__main__ as cli_module
from ingest import run_import
from tests.helpers.importera import write_export

ROOT = Path(__file__).resolve().parents[2]
UTTAG = date(2024, 6, 30)


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def cli(*args: str | Path, **options: object) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "ingest", *map(str, args)]
    return subprocess.run(
        command, capture_output=True, text=True, cwd=ROOT, check=False, timeout=120, **options
    )  # type: ignore[call-overload]


@contextlib.contextmanager
def small_disk(directory: Path, size: int, file_limit: int) -> Iterator[dict[str, object]]:
    """A directory on a tmpfs of `size` bytes (as root), else a limit of `file_limit` bytes
    on every file the subprocess writes (RLIMIT_FSIZE: writes past it fail with EFBIG).

    Yields the subprocess options that make writes beyond `size` fail.
    """
    directory.mkdir()
    mounted = (
        os.geteuid() == 0
        and (
            subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(directory)])
        ).returncode
        == 0
    )
    try:
        if mounted:
            yield {}
        else:
            limit = (file_limit, file_limit)
            yield {"preexec_fn": lambda: resource.setrlimit(resource.RLIMIT_FSIZE, limit)}
    finally:
        if mounted:
            subprocess.run(["umount", str(directory)], check=True)


def test_a_disk_that_fills_up_leaves_the_database_unchanged(tmp_path: Path, valid_tables) -> None:
    built = tmp_path / "byggd.duckdb"
    run_import(write_export(tmp_path / "good", valid_tables()), built, uttagsdatum=UTTAG)
    old_size = built.stat().st_size
    # room for the old file and a quarter of a new one of the same size
    with small_disk(tmp_path / "liten", old_size + old_size // 4, old_size // 4) as options:
        db_path = tmp_path / "liten" / "ekb.duckdb"
        shutil.copyfile(built, db_path)
        before = sha256(db_path)
        done = cli(write_export(tmp_path / "next", valid_tables()), "--db", db_path, **options)
        assert done.returncode == 1, done.stderr
        assert done.stderr.splitlines() == [
            "ekb.duckdb: den nya databasfilen kunde inte skrivas: disken blev full. "
            "Databasen är oförändrad.",
            "Importen avbröts: 1 fel. Databasen är oförändrad.",
        ]
        assert sha256(db_path) == before
        # the half-written staging file is gone; the lock stays on purpose
        assert sorted(p.name for p in db_path.parent.iterdir()) == [
            "ekb.duckdb",
            "ekb.duckdb.tmp.lock",
        ]


def test_an_unexpected_error_is_one_swedish_line_details_only_with_debug(
    tmp_path: Path, valid_tables, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("intern detalj 4711")

    monkeypatch.setattr(cli_module, "run_import", broken)
    folder = write_export(tmp_path / "e", valid_tables())
    runs = {}
    for flags in ([], ["--debug"]):
        err = io.StringIO()
        with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
            code = cli_module.main([str(folder), "--db", str(tmp_path / "x.duckdb"), *flags])
        runs[bool(flags)] = (code, err.getvalue())
    assert runs[False] == (
        3,
        "Oväntat fel i importen (RuntimeError).\nDatabasen är oförändrad.\n"
        "Kör igen med --debug för tekniska detaljer.\n",
    )
    assert runs[True][0] == 3 and "intern detalj 4711" in runs[True][1]
    assert "Traceback" in runs[True][1]


def test_mode_and_owner_of_the_replaced_file_are_kept(tmp_path: Path, valid_tables) -> None:
    db_path = tmp_path / "ekb.duckdb"
    folder = write_export(tmp_path / "e", valid_tables())
    run_import(folder, db_path, uttagsdatum=UTTAG)
    os.chmod(db_path, 0o600)
    owner = (1234, 1234) if os.geteuid() == 0 else (os.getuid(), os.getgid())
    os.chown(db_path, *owner)
    run_import(folder, db_path, uttagsdatum=UTTAG)
    info = db_path.stat()
    assert (oct(info.st_mode & 0o777), (info.st_uid, info.st_gid)) == ("0o600", owner)


def test_a_symlinked_db_keeps_its_link_and_replaces_the_target(
    tmp_path: Path, valid_tables
) -> None:
    target = tmp_path / "data" / "riktig.duckdb"
    target.parent.mkdir()
    link = tmp_path / "ekb.duckdb"
    link.symlink_to(target)
    folder = write_export(tmp_path / "e", valid_tables())
    run_import(folder, link, uttagsdatum=UTTAG)
    run_import(folder, link, uttagsdatum=UTTAG)
    assert link.is_symlink() and link.resolve() == target
    with duckdb.connect(str(target), read_only=True) as con:
        assert con.execute("select count(*) from import_log").fetchone() == (2,)


def dead_pid() -> int:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def test_stale_staging_files_of_dead_imports_are_removed(tmp_path: Path, valid_tables) -> None:
    db_path = tmp_path / "ekb.duckdb"
    alive = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        stale = tmp_path / f"ekb.duckdb.tmp-{dead_pid()}-{'a' * 32}"
        stale_wal = stale.with_name(stale.name + ".wal")
        legacy = tmp_path / f"ekb.duckdb.tmp-{'b' * 32}"  # from a version without pids
        running = tmp_path / f"ekb.duckdb.tmp-{alive.pid}-{'c' * 32}"
        other = tmp_path / f"annan.duckdb.tmp-1-{'d' * 32}"
        for path in (stale, stale_wal, legacy, running, other):
            path.write_bytes(b"halvfardig")
        run_import(write_export(tmp_path / "e", valid_tables()), db_path, uttagsdatum=UTTAG)
        left = sorted(p.name for p in tmp_path.glob("*.duckdb*"))
    finally:
        alive.kill()
        alive.wait()
    assert left == sorted(["ekb.duckdb", "ekb.duckdb.tmp.lock", running.name, other.name])


def test_the_log_says_which_import_replaced_which(tmp_path: Path, valid_tables) -> None:
    db_path = tmp_path / "ekb.duckdb"
    folder = write_export(tmp_path / "e", valid_tables())
    run_import(folder, db_path, uttagsdatum=UTTAG)
    first_file = sha256(db_path)
    run_import(folder, db_path, uttagsdatum=UTTAG)
    second_file = sha256(db_path)
    run_import(folder, db_path, uttagsdatum=UTTAG)
    with duckdb.connect(str(db_path), read_only=True) as con:
        rows = con.execute(
            "select import_id, ersatter_import_id, ersatt_sha256 from import_log order by 1"
        ).fetchall()
    assert rows == [(1, None, None), (2, 1, first_file), (3, 2, second_file)]


def test_a_second_import_waits_for_the_first_and_says_so(tmp_path: Path, valid_tables) -> None:
    db_path = tmp_path / "ekb.duckdb"
    folder = write_export(tmp_path / "e", valid_tables())
    run_import(folder, db_path, uttagsdatum=UTTAG)
    with (tmp_path / "ekb.duckdb.tmp.lock").open("a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # an import in progress
        command = [sys.executable, "-m", "ingest", str(folder), "--db", str(db_path)]
        waiting = subprocess.Popen(
            command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
        )
        # the first line it writes says that it waits (up to a minute on a busy machine)
        ready, _, _ = select.select([waiting.stderr], [], [], 60)
        first = waiting.stderr.readline() if ready else ""  # type: ignore[union-attr]
        still_waiting = waiting.poll() is None
        fcntl.flock(lock, fcntl.LOCK_UN)
    out, err = waiting.communicate(timeout=120)
    assert waiting.returncode == 0, err
    assert still_waiting
    assert first == "En annan import av ekb.duckdb pågår; väntar tills den är klar …\n"
    assert out.startswith("Import 2 klar")
