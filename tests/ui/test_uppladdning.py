"""Uploaded files into the temporary export folder: nothing lands outside it, sizes are capped
while reading, and a name that looks like a personnummer is never written."""

from __future__ import annotations

import io
import stat
import zipfile
from pathlib import Path

import pytest

from ui.uppladdning import packa_upp


def _zip(*poster: tuple[str | zipfile.ZipInfo, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        for namn, data in poster:
            zf.writestr(namn, data)
    return buf.getvalue()


def _lank(namn: str) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(namn)
    info.external_attr = (stat.S_IFLNK | 0o777) << 16
    return info


@pytest.mark.parametrize(
    "elak",
    ["../flykt.csv", "/tmp/flykt.csv", "a/../../flykt.csv", "..\\flykt.csv", "C:/flykt.csv"],
)
def test_an_entry_outside_the_folder_refuses_the_whole_zip(tmp_path: Path, elak: str) -> None:
    mapp = tmp_path / "a" / "export"
    mapp.mkdir(parents=True)
    data = _zip(("personer.csv", b"person_id\nP1\n"), (elak, b"x"))
    problem = packa_upp([("e.zip", data)], mapp)
    assert [(p.fil, p.rad, p.kolumn) for p in problem] == [("e.zip", None, None)]
    assert "post nr 2" in problem[0].meddelande
    assert not any(tmp_path.rglob("*.csv"))  # not even the harmless first entry


def test_a_link_entry_is_refused(tmp_path: Path) -> None:
    problem = packa_upp([("e.zip", _zip((_lank("personer.csv"), b"/etc/passwd")))], tmp_path)
    assert len(problem) == 1 and "länk" in problem[0].meddelande
    assert not any(tmp_path.iterdir())


def test_sizes_are_capped_while_reading(tmp_path: Path) -> None:
    # 3 000 zero bytes deflate to a few dozen: the upload is small, its content is not
    data = _zip(("personer.csv", b"\0" * 3000))
    assert len(data) < 1000
    problem = packa_upp([("e.zip", data)], tmp_path, max_bytes=1000)
    assert len(problem) == 1 and "större än gränsen" in problem[0].meddelande
    # a plain file over the cap
    problem = packa_upp([("personer.csv", b"x" * 1001)], tmp_path, max_bytes=1000)
    assert [p.fil for p in problem] == ["personer.csv"]


def test_a_name_with_a_personnummer_is_never_written(tmp_path: Path) -> None:
    # 050101-1233 is a valid personnummer (Luhn check digit 3), see docs/privacy.md
    namn = "050101-1233.csv"
    for filer in ([(namn, b"a")], [("e.zip", _zip((f"export/{namn}", b"a")))]):
        problem = packa_upp(filer, tmp_path)
        assert len(problem) == 1 and "1233" not in str(problem[0])
        assert not any(tmp_path.iterdir())


def test_a_path_in_an_uploaded_name_is_refused(tmp_path: Path) -> None:
    mapp = tmp_path / "export"
    mapp.mkdir()
    problem = packa_upp([("../personer.csv", b"a")], mapp)
    assert len(problem) == 1 and not (tmp_path / "personer.csv").exists()
