"""Table views: numbers stay numeric, codes become names, and nothing runs Python per cell."""

from __future__ import annotations

import re
import subprocess
import sys
import textwrap
from pathlib import Path

import polars as pl
import pytest

from ui.tabell import kolumnkonfig, tabellvy

ROT = Path(__file__).resolve().parents[2]

# 12 threads each build and convert a 20 000-row table view to pandas ten times, as reruns of
# st.dataframe do. With a Python callback inside polars (map_elements) polars' workers wait
# for the GIL that a converting thread holds while waiting for them: the process hangs (it
# did on the old code, 0,5 s of CPU in 60 s). Run apart, with a time limit.
SAMTIDIGT = textwrap.dedent(
    """
    from concurrent.futures import ThreadPoolExecutor
    import polars as pl
    from ui.tabell import tabellvy

    n = 20_000
    df = pl.DataFrame({
        "manad": [f"20{10 + i % 10}-{i % 12 + 1:02d}" for i in range(n)],
        "boendeform": ["HVB", "stodboende", "familjehem", "jourhem"] * (n // 4),
        "kon": ["K", "M"] * (n // 2),
        "platsdygn": list(range(n)),
        "belaggning": [i / n for i in range(n)],
        "kostnad_lediga_kr": [i * 1.5 for i in range(n)],
    })
    def rita(_):
        return sum(len(tabellvy(df).to_pandas()) for _ in range(10))

    with ThreadPoolExecutor(12) as pool:
        print(sum(pool.map(rita, range(12))))
    """
)


def test_table_views_from_many_threads_do_not_hang() -> None:
    try:
        svar = subprocess.run(
            [sys.executable, "-c", SAMTIDIGT], cwd=ROT, capture_output=True, text=True, timeout=90
        )
    except subprocess.TimeoutExpired:
        pytest.fail("table views from 12 threads hung (no answer in 90 s)")
    assert svar.returncode == 0, svar.stderr
    # 12 threads x 10 renders x 20 000 rows
    assert svar.stdout.strip() == str(12 * 10 * 20_000)


def test_numbers_stay_numeric_and_codes_become_names() -> None:
    df = pl.DataFrame(
        {
            "boendeform": ["stodboende", "HVB"],
            "rader_lasta": [1073, 14],
            "belaggning": [205 / 279, 1.25],
            "kostnad_lediga_kr": [12400.4, 0.0],
        }
    )
    vy = tabellvy(df)
    assert vy.columns == [
        "Boendeform", "Rader lästa (antal)", "Beläggning (%)", "Kostnad lediga platsdygn (kr)",
    ]  # fmt: skip
    assert vy["Boendeform"].to_list() == ["Stödboende", "HVB"]
    # numeric, so a sort gives 14 before 1 073 (as text, "1 073" < "14")
    assert vy.sort("Rader lästa (antal)")["Rader lästa (antal)"].to_list() == [14, 1073]
    # the share stays the fraction (sorts as a number); the format shows 73,5 % and 125,0 %
    assert vy["Beläggning (%)"].to_list() == [205 / 279, 1.25]
    konfig = kolumnkonfig(df)
    assert konfig["Rader lästa (antal)"]["type_config"] == {
        "type": "number", "format": "localized", "step": 1, "min_value": None, "max_value": None,
    }  # fmt: skip
    # one decimal of a percentage, as on the pages: percent shows step 0.001 as 36,5 %
    assert konfig["Beläggning (%)"]["type_config"]["format"] == "percent"
    assert konfig["Beläggning (%)"]["type_config"]["step"] == pytest.approx(0.001)


def test_no_python_per_cell_on_the_request_path() -> None:
    # (charts/ has its own owner and test)
    filer = [p for mapp in ("ui", "pages") for p in (ROT / mapp).glob("*.py")]
    traffar = [p.name for p in filer if re.search(r"map_elements|\.apply\(", p.read_text())]
    assert traffar == []
