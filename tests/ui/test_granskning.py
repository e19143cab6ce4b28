"""The audit log: a download records who, in which role, which figure and filters, never the
data; writes from many threads at once all land."""

from __future__ import annotations

import csv
import json
import os
import subprocess
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import duckdb
import pytest
from streamlit.testing.v1 import AppTest

from ui.granskning import logga

Oppna = Callable[..., AppTest]
ROT = Path(__file__).resolve().parents[2]


@pytest.fixture
def granskning(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    fil = tmp_path / "granskning.duckdb"
    monkeypatch.setenv("EKB_GRANSKNING", str(fil))
    return fil


def _rader(fil: Path) -> list[tuple[Any, ...]]:
    with duckdb.connect(str(fil), read_only=True) as con:
        return con.execute("select * from granskning").fetchall()


def test_a_download_records_who_what_and_filters_not_data(
    oppna: Oppna,
    demo_db: Path,
    granskning: Path,
    nedladdningar: dict[str, Any],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("EKB_ROLL", "chef")
    query = {"fran": "2019-01-01", "till": "2019-12-31", "boendeform": ["HVB", "stodboende"]}
    at = oppna(demo_db, "export", query=query)
    at.selectbox(key="figur").set_value("belaggning_enhet").run()
    assert not at.exception
    assert not granskning.exists()  # drawing the buttons records nothing
    # the callable runs later, outside the session: the role drawn with the button counts
    monkeypatch.setenv("EKB_ROLL", "namnd")
    data = nedladdningar["belaggning_enhet_2019-01-01_2019-12-31.csv"]()
    rader = _rader(granskning)
    assert len(rader) == 1
    tid, anv, roll, handling, figur, params = rader[0]
    assert (anv, roll, handling, figur) == ("anonym", "chef", "nedladdning_csv", "belaggning_enhet")
    p = json.loads(params)
    assert (p["fran"], p["till"]) == ("2019-01-01", "2019-12-31")
    assert sorted(p["boendeform"]) == ["HVB", "stodboende"]
    # no unit name of the downloaded rows is in the audit row
    tabell = list(csv.DictReader(data.decode("utf-8-sig").splitlines(), delimiter=";"))
    enheter = {r["Enhet"] for r in tabell}
    assert enheter and not any(e in str(rader[0]) for e in enheter)


def test_concurrent_writes_all_land(granskning: Path) -> None:
    tradar, per_trad = 16, 25

    def skriv(t: int) -> None:
        for i in range(per_trad):
            logga("nedladdning_xlsx", "alder_kon", {"t": t, "i": i}, vem=("a@kommun.se", "chef"))

    arbetare = [threading.Thread(target=skriv, args=(t,)) for t in range(tradar)]
    for a in arbetare:
        a.start()
    for a in arbetare:
        a.join()
    par = {(json.loads(r[5])["t"], json.loads(r[5])["i"]) for r in _rader(granskning)}
    # 16 threads x 25 writes = 400 distinct (thread, write) pairs
    assert par == {(t, i) for t in range(tradar) for i in range(per_trad)}


def test_a_personnummer_never_reaches_the_audit(granskning: Path) -> None:
    # 19050101-1233 is a valid personnummer (Luhn check digit 3), see docs/privacy.md
    logga("import", None, {"kalla": "export 19050101-1233"}, vem=("050101-1233", "analytiker"))
    assert "1233" not in str(_rader(granskning))


SKRIVARE = """
import sys
from ui.granskning import logga
for i in range(int(sys.argv[2])):
    logga("nedladdning_csv", "alder_kon", {"p": int(sys.argv[1]), "i": i}, vem=("x", "chef"))
"""


def test_concurrent_writes_from_several_processes_all_land(granskning: Path) -> None:
    # several Streamlit servers (or a server and a script) may share one audit file; DuckDB
    # lets only one process open it for writing, so without the file lock writers fail
    processer, per_process = 4, 30
    miljo = {**os.environ, "PYTHONPATH": str(ROT)}
    kor = [
        subprocess.Popen([sys.executable, "-c", SKRIVARE, str(p), str(per_process)], env=miljo)
        for p in range(processer)
    ]
    assert [k.wait(timeout=120) for k in kor] == [0] * processer
    par = {(json.loads(r[5])["p"], json.loads(r[5])["i"]) for r in _rader(granskning)}
    # 4 processes x 30 writes = 120 distinct (process, write) pairs
    assert par == {(p, i) for p in range(processer) for i in range(per_process)}
