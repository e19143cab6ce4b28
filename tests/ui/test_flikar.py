"""A chart's Tabell and Definition tabs are built only when chosen (issue 13).

Streamlit builds and sends the content of every tab unless the tabs keep their state; at
county scale Beläggning sent its 10 752-row unit table three times per view (4.8 MB). Now
only the chosen tab is drawn, and the heat map's table for a phone holds the rows of the
units the map draws.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import duckdb
from streamlit.testing.v1 import AppTest

from queries.definitioner import definition
from ui.components import flikar_nyckel, smal_tabelltext

NBSP = "\u00a0"


def _enhetsrader(db: Path) -> int:
    """Rows of `belaggning_enhet` in the demo's default view (2019, every unit with contracted
    places × month), counted from the tables: one row per unit and month with places."""
    with duckdb.connect(str(db), read_only=True) as con:
        rad = con.execute(
            """
            with manader as (
                select g.m::date as forsta, last_day(g.m::date) as sista
                from generate_series(?::date, ?::date, interval 1 month) as g(m)
            )
            select count(distinct (p.enhet_id, m.forsta))
            from platser as p join manader as m
                on p.giltig_fran <= m.sista and coalesce(p.giltig_till, m.sista) >= m.forsta
            """,
            [date(2019, 1, 1), date(2019, 12, 1)],
        ).fetchone()
    assert rad is not None
    return int(rad[0])


def _tabeller(at: AppTest) -> list[int]:
    return [len(d.value) for d in at.dataframe]


def test_bara_den_valda_fliken_byggs(oppna: Callable[..., AppTest], demo_db: Path) -> None:
    at = oppna(demo_db, "belaggning")
    assert not at.exception
    assert len(at.get("plotly_chart")) == 3
    enhet_rader = _enhetsrader(demo_db)
    # as the page opens: no chart's table and no definition, only the heat map's phone table
    # (the demo's units are fewer than 25, so it holds every row)
    assert _tabeller(at) == [enhet_rader]
    assert definition("belaggning_enhet") not in [m.value for m in at.markdown]
    # the reader chooses the vacancy chart's table: it is built, with every unit row
    at.session_state[flikar_nyckel("belaggning_lediga")] = "Tabell"
    at.run()
    assert sorted(_tabeller(at)) == [enhet_rader, enhet_rader]
    # the heat map's definition, chosen: its text is there, its table still is not
    at.session_state[flikar_nyckel("belaggning_karta")] = "Definition"
    at.run()
    assert definition("belaggning_enhet") in [m.value for m in at.markdown]
    assert _tabeller(at) == [enhet_rader]


def test_telefonens_tabell_sager_var_resten_finns() -> None:
    assert smal_tabelltext(300, 10_752) == (
        "Diagrammet är för tätt för en smal skärm; här är dess tabell. Den visar de 300 rader "
        f"diagrammet ritar; alla 10{NBSP}752 finns under fliken Tabell och i nedladdningen."
    )
    assert (
        smal_tabelltext(24, 24) == "Diagrammet är för tätt för en smal skärm; här är dess tabell."
    )
