"""Precomputed figures give the rows the figures' own SQL gives, on the real demo database.

The forecasts read tables built at import for the data owner (their `-- lagrad:` line and
the `…_lagrad` macros); the figure's own SQL stays the definition and answers everything else. Each comparison here
runs both on the same connection and the same bound values, so a table built for other
origins, a lost origin or a changed filter shows as a difference. Floats may differ in the
last bits because DuckDB sums in parallel in no fixed order; everything else must be equal.
`vardygn_utan_platser` is compared with the query as it was before its month table
(`VARDYGN_FORE`, the whole-range version), which is still the definition of the figure.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import duckdb
import pytest

import queries
from tests.helpers.importera import import_tables
from tests.queries.test_prognos import FALL

VARDYGN_FORE = """
with manader as (
    select unnest(generate_series(
        date_trunc('month', $fran::date), date_trunc('month', $till::date), interval 1 month
    ))::date as manad,
    where $fran::date <= $till::date
),
placeringar as (
    select * from placering_perioder
    where ($boendeform is null or list_contains($boendeform::varchar[], boendeform))
        and ($regi is null or list_contains($regi::varchar[], regi))
),
dagar as (
    select
        p.enhet_id,
        p.boendeform,
        m.manad,
        least(p.effektiv_slut, (m.manad + interval 1 month)::date, $till::date + 1)
            - greatest(p.startdatum, m.manad, $fran::date) as dygn,
    from placeringar as p
    join manader as m
        on p.startdatum < (m.manad + interval 1 month)::date and p.effektiv_slut > m.manad
),
med_platser as (
    select distinct pl.enhet_id, m.manad,
    from platser as pl
    join manader as m
        on pl.giltig_fran < (m.manad + interval 1 month)::date
        and coalesce(pl.giltig_till, date '9999-12-31') >= m.manad
),
final as (
    select
        d.boendeform,
        strftime(d.manad, '%Y-%m') as manad,
        sum(d.dygn)::bigint as vardygn,
    from dagar as d
    anti join med_platser as mp on mp.enhet_id = d.enhet_id and mp.manad = d.manad
    where d.dygn > 0
    group by all
)
select * from final order by boendeform, manad
"""


def _lika(a: Any, b: Any) -> bool:
    if isinstance(a, float) and isinstance(b, float):
        return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-9)
    return bool(a == b)


def _jamfor(con: duckdb.DuckDBPyConnection, namn: str, **params: Any) -> int:
    """Assert the precomputed variant answers and gives the figure's own rows; their count."""
    fig = queries.figure(namn)
    varden = queries.bind(fig, params)
    assert queries.sql_for(namn, varden, con) != fig.sql, f"{namn} {params}: not precomputed"
    egen = con.execute(fig.sql, varden).fetchall()
    snabb = queries.run(namn, con=con, **params).rows()
    assert len(snabb) == len(egen), f"{namn} {params}"
    for rad_egen, rad_snabb in zip(egen, snabb, strict=True):
        assert all(map(_lika, rad_egen, rad_snabb)), f"{namn} {params}: {rad_egen} != {rad_snabb}"
    return len(egen)


def _manadsslut(fran: date, till: date, steg: int) -> list[date]:
    """Every `steg`-th month end from fran's month to till's."""
    ut, manad = [], fran.year * 12 + fran.month - 1
    while (dag := date(manad // 12, manad % 12 + 1, 1) - timedelta(days=1)) <= till:
        if dag >= fran:
            ut.append(dag)
        manad += steg
    return ut


@pytest.fixture(scope="module")
def demo(demo_db: Path) -> Iterator[duckdb.DuckDBPyConnection]:
    with duckdb.connect(str(demo_db), read_only=True) as con:
        yield con


def test_forecasts_from_month_ends_equal_the_figures(demo: duckdb.DuckDBPyConnection) -> None:
    # the demo is Nacka's (0182), extracted 2019-12-31; origins from before its data (2012)
    # to after the extraction date (2020-04-30): every fifth month end and the last five
    agare = "0182"
    dagar = _manadsslut(date(2012, 1, 1), date(2019, 7, 31), 5)
    dagar += _manadsslut(date(2019, 8, 1), date(2020, 4, 30), 1)
    rader = sum(_jamfor(demo, n, datum=d, kommun=agare) for d in dagar
                for n in ("prognos_i_vard", "prognos_manad"))  # fmt: skip
    assert rader > 0


@pytest.mark.parametrize(
    ("fran", "till"),
    [
        (date(2010, 1, 1), date(2019, 12, 31)),  # the ten-year view: origins 2009-12 .. 2018-12
        (date(2019, 1, 1), date(2019, 12, 31)),  # the default view
        (date(2015, 3, 10), date(2018, 7, 20)),  # neither end on a month boundary
        (date(2000, 1, 1), date(2021, 6, 30)),  # beyond the data at both ends
    ],
)
def test_backtests_equal_the_figures(
    demo: duckdb.DuckDBPyConnection, fran: date, till: date
) -> None:
    assert _jamfor(demo, "prognos_backtest", fran=fran, till=till, kommun="0182") > 0
    _jamfor(demo, "prognos_ekonomi_backtest", fran=fran, till=till, kommun="0182")


def test_other_municipalities_and_dates_run_the_figure_itself(
    demo: duckdb.DuckDBPyConnection,
) -> None:
    # only the data owner's month ends and extraction date are precomputed
    fall: list[tuple[str, dict[str, Any]]] = [
        ("prognos_i_vard", {"datum": date(2019, 12, 31), "kommun": "0180"}),
        ("prognos_i_vard", {"datum": date(2019, 6, 15), "kommun": "0182"}),
        ("prognos_manad", {"datum": None, "kommun": None}),
        ("prognos_backtest", {"fran": None, "till": date(2019, 12, 31), "kommun": "0136"}),
    ]
    for namn, params in fall:
        fig = queries.figure(namn)
        assert queries.sql_for(namn, queries.bind(fig, params), demo) == fig.sql, (namn, params)


def test_extraction_date_inside_a_month_is_an_origin_of_its_own(tmp_path: Path) -> None:
    # test_prognos's case extracted on 2020-12-15: the forecast from that day is precomputed
    # besides the month ends (the backtest's origins are month ends only)
    db = import_tables(tmp_path, FALL, "2020-12-15")
    with duckdb.connect(str(db), read_only=True) as con:
        assert _jamfor(con, "prognos_i_vard", datum=date(2020, 12, 15), kommun="0182") > 0
        assert _jamfor(con, "prognos_manad", datum=None, kommun="0182") == 12
        _jamfor(
            con, "prognos_backtest", fran=date(2020, 1, 1), till=date(2020, 12, 15), kommun="0182"
        )


def test_month_table_holds_the_care_days_of_every_whole_month(
    demo: duckdb.DuckDBPyConnection,
) -> None:
    # the query before the table over the data's whole span (2005 .. 2030 holds every
    # placement) against the table summed over regi, month by month
    varden = queries.bind(
        queries.figure("vardygn_utan_platser"), {"fran": date(2005, 1, 1), "till": date(2030, 1, 1)}
    )
    fore = demo.execute(VARDYGN_FORE, varden).fetchall()
    tabell = demo.execute(
        "select boendeform, strftime(manad_start, '%Y-%m'), sum(vardygn)::bigint"
        " from vardygn_utan_platser_manader group by all order by all"
    ).fetchall()
    assert len(fore) > 100 and tabell == fore


@pytest.mark.parametrize(
    ("fran", "till"),
    [
        (date(2010, 1, 1), date(2019, 12, 31)),  # whole months only
        (date(2019, 1, 15), date(2019, 3, 10)),  # a partial first and last month
        (date(2019, 2, 3), date(2019, 2, 20)),  # inside one month
        (date(2005, 1, 1), date(2030, 1, 1)),  # beyond the data
        (date(2019, 3, 1), date(2019, 2, 1)),  # an empty period
    ],
)
@pytest.mark.parametrize(
    ("boendeform", "regi"),
    [(None, None), (["familjehem", "jourhem"], None), (None, ["upphandlad", "konsulentstodd"])],
)
def test_care_days_without_places_equal_the_query_before_the_month_table(
    demo: duckdb.DuckDBPyConnection, fran: date, till: date, boendeform: Any, regi: Any
) -> None:
    params = {"fran": fran, "till": till, "boendeform": boendeform, "regi": regi}
    varden = queries.bind(queries.figure("vardygn_utan_platser"), params)
    fore = demo.execute(VARDYGN_FORE, varden).fetchall()
    assert queries.run("vardygn_utan_platser", con=demo, **params).rows() == fore
