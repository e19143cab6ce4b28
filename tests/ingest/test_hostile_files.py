"""Broken and hostile files: a Swedish `fil: meddelande`, exit 1, the database untouched.

Each case runs the real command line in a subprocess (with a timeout, since a
FIFO or /dev/zero used to hang it) over a copy of a good database.
"""

from __future__ import annotations

import copy
import hashlib
import io
import os
import socket
import subprocess
import sys
import zipfile
from datetime import date
from pathlib import Path

import pytest
from openpyxl import Workbook

from ingest import run_import
from tests.helpers.importera import write_export
from tests.ingest.conftest import VALID

ROOT = Path(__file__).resolve().parents[2]


def valid() -> dict[str, list[dict[str, object]]]:
    return copy.deepcopy(VALID)


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def cli(*args: str | Path) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "ingest", *map(str, args)]
    return subprocess.run(
        command, capture_output=True, text=True, cwd=ROOT, check=False, timeout=120
    )


def refused_lines(tmp_path: Path, folder: Path, *extra: str) -> list[str]:
    """Import `folder` over a good database; assert it was refused cleanly; the error lines."""
    db_path = tmp_path / "ekb.duckdb"
    if not db_path.exists():
        good = write_export(tmp_path / "good", valid())
        run_import(good, db_path, uttagsdatum=date(2024, 6, 30))
    before = sha256(db_path)
    done = cli(folder, "--db", db_path, "--uttagsdatum", "2024-06-30", *extra)
    assert done.returncode == 1, done.stdout + done.stderr
    assert "Traceback" not in done.stderr
    assert done.stderr.splitlines()[-1].endswith("fel. Databasen är oförändrad.")
    assert sha256(db_path) == before
    return done.stderr.splitlines()[:-1]


@pytest.mark.parametrize(
    "content",
    [b"", b"\xef\xbb\xbf", b"\n\n\r\n", b";;;;\n;;;;\n", b"\xef\xbb\xbf;;;\r\n\r\n"],
    ids=["empty", "bom", "blank-lines", "separators", "bom-and-separators"],
)
def test_empty_files(tmp_path: Path, content: bytes) -> None:
    folder = write_export(tmp_path / "e", valid())
    (folder / "personer.csv").write_bytes(content)
    assert refused_lines(tmp_path, folder) == [
        "personer.csv: filen är tom (ingen rubrikrad, bara tomma rader eller avgränsare)"
    ]


def broken_xlsx(path: Path) -> None:
    """A real workbook whose sheet XML is cut off in the middle."""
    workbook = Workbook()
    workbook.active.append(["konto", "benamning", "typ", "kategori"])
    workbook.active.append(["4010", "Köpt HVB", "kostnad", "HVB"])
    buffer = io.BytesIO()
    workbook.save(buffer)
    with zipfile.ZipFile(buffer) as source, zipfile.ZipFile(path, "w") as target:
        for item in source.infolist():
            data = source.read(item)
            if item.filename.startswith("xl/worksheets/sheet"):
                data = data[: len(data) // 2]
            target.writestr(item, data)


def test_xlsx_with_broken_sheet_xml_and_one_that_is_no_zip(tmp_path: Path) -> None:
    folder = write_export(tmp_path / "e", valid())
    (folder / "kontoplan.csv").unlink()
    broken_xlsx(folder / "kontoplan.xlsx")
    (folder / "ersattningsansokningar.csv").unlink()
    (folder / "ersattningsansokningar.xlsx").write_bytes(b"period;ersattningstyp\n")
    assert refused_lines(tmp_path, folder) == [
        "ersattningsansokningar.xlsx: filen kan inte läsas som Excel-arbetsbok (.xlsx)",
        "kontoplan.xlsx: filen kan inte läsas som Excel-arbetsbok (.xlsx) (bladet är skadat)",
    ]


def test_links_that_dangle_loop_or_leave_the_folder(tmp_path: Path) -> None:
    folder = write_export(tmp_path / "e", valid())
    outside = tmp_path / "hemlig.csv"
    outside.write_bytes((folder / "platser.csv").read_bytes())
    for name in ("platser.csv", "kontoplan.csv", "budget.csv"):
        (folder / name).unlink()
    (folder / "platser.csv").symlink_to(outside)
    (folder / "kontoplan.csv").symlink_to(folder / "saknas.csv")
    (folder / "budget.csv").symlink_to(folder / "budget.csv")
    # a link to a file inside the folder is read (and so not in the list below)
    (folder / "enheter.csv").rename(folder / "enheter-2024.dat")
    (folder / "enheter.csv").symlink_to("enheter-2024.dat")
    assert refused_lines(tmp_path, folder) == [
        "budget.csv: länken pekar i en slinga och går inte att följa",
        "kontoplan.csv: länken pekar på en fil som inte finns",
        "platser.csv: länken pekar ut ur exportmappen; lägg filen själv i mappen",
    ]


def test_devices_fifos_sockets_and_directories_are_never_read(tmp_path: Path) -> None:
    folder = write_export(tmp_path / "e", valid())
    for name in ("platser.csv", "ekonomi.csv", "budget.csv", "kontoplan.csv"):
        (folder / name).unlink()
    (folder / "platser.csv").symlink_to("/dev/zero")
    os.mkfifo(folder / "ekonomi.csv")
    (folder / "kontoplan.csv").mkdir()
    server = socket.socket(socket.AF_UNIX)
    server.bind(str(folder / "budget.csv"))
    try:
        lines = refused_lines(tmp_path, folder)
    finally:
        server.close()
    assert lines == [
        "budget.csv: är ingen vanlig fil (en socket); ignoreras inte, läses inte",
        "ekonomi.csv: är ingen vanlig fil (en namngiven pipe (FIFO)); ignoreras inte, läses inte",
        "kontoplan.csv: är en mapp, inte en fil",
        "platser.csv: länken pekar ut ur exportmappen; lägg filen själv i mappen",
    ]


def test_file_size_cap(tmp_path: Path) -> None:
    tables = valid()
    # 40 000 rows of `2024-01;EKB asyl;4010;1000\r\n` (28 bytes) = 1 120 000 bytes plus
    # the header: about 1,1 MB, over a cap of 1 MB (1 048 576 bytes)
    tables["ekonomi"] = tables["ekonomi"][:1] * 40_000
    folder = write_export(tmp_path / "e", tables)
    size = (folder / "ekonomi.csv").stat().st_size
    assert 1_120_000 < size < 1_200_000
    assert refused_lines(tmp_path, folder, "--max-filstorlek", "1") == [
        "ekonomi.csv: filen är 1,1 MB, större än gränsen 1 MB (ändra med --max-filstorlek)"
    ]


def test_cell_size_cap_and_error_cap(tmp_path: Path) -> None:
    tables = valid()
    tables["enheter"][0]["namn"] = "x" * 10_001  # line 2
    # 50 bad periods on lines 2..51: the first 20 are listed, then "30 more"
    tables["ekonomi"] = [dict(tables["ekonomi"][0], period="fel") for _ in range(50)]
    lines = refused_lines(tmp_path, write_export(tmp_path / "e", tables))
    assert "enheter.csv:2: namn: värdet har 10 001 tecken, fler än gränsen 10 000" in lines
    periods = [line for line in lines if line.startswith("ekonomi.csv")]
    assert periods[0] == (
        "ekonomi.csv: period: ytterligare 30 fel i kolumnen visas inte (de första 20 visas)"
    )
    assert periods[1:] == [
        f"ekonomi.csv:{line}: period: ogiltig månad 'fel' (skriv ÅÅÅÅ-MM eller ÅÅÅÅMM)"
        for line in range(2, 22)
    ]
    assert "x" * 100 not in "\n".join(lines)
