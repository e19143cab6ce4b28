"""The answer key for the page tests: figures worked out with plain SQL on the base tables.

Deliberately written without `queries/` or the derived tables, day by day and row by row,
so that a page test compares the dashboard with an independent computation.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import duckdb

I_VARD = """
    with aktiv as (
        select pl.person_id, coalesce(pl.vistelsekommun, e.kommun) as bor, p.kon,
        from placeringar as pl
        join enheter as e using (enhet_id)
        join personer as p using (person_id)
        where pl.startdatum <= $d and (pl.slutdatum is null or $d < pl.slutdatum)
    ),
    ansvar as (
        select person_id, arg_max(anvisningskommun, (anvisningsdatum, anvisning_id)) as ansvarig,
        from anvisningar where anvisningsdatum <= $d group by person_id
    )
    select aktiv.*, ansvar.ansvarig from aktiv left join ansvar using (person_id)
"""


def _en(db: Path, sql: str, params: dict[str, object]) -> Any:
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute(sql, params).fetchone()[0]  # type: ignore[index]


def uttagsdatum(db: Path) -> date:
    return _en(db, "select uttagsdatum from import_log order by import_id desc limit 1", {})


def i_vard(db: Path, d: date, kommun: str, kon: str | None = None) -> int:
    """Persons in care on d whose responsible municipality is `kommun` (optionally of one sex)."""
    sql = f"select count(distinct person_id) from ({I_VARD}) where ansvarig = $k and ($kon is null or kon = $kon)"  # noqa: S608
    return int(_en(db, sql, {"d": d, "k": kommun, "kon": kon}))


def placerade_hos_oss(db: Path, d: date, kommun: str, inom_lanet: bool | None = None) -> int:
    """Persons in care on d living in `kommun` whose responsible municipality is another,
    optionally only those whose responsible municipality lies in (or outside) kommun's län."""
    sql = f"""
        select count(distinct person_id) from ({I_VARD}) as i
        join kommuner as a on a.kommunkod = i.ansvarig
        join kommuner as k on k.kommunkod = $k
        where bor = $k and ansvarig <> $k and ($inom is null or (a.lanskod = k.lanskod) = $inom)
    """  # noqa: S608
    return int(_en(db, sql, {"d": d, "k": kommun, "inom": inom_lanet}))


def bor_i(db: Path, d: date, kommun: str) -> int:
    """Persons in care on d living in `kommun`, whoever is responsible for them."""
    sql = f"select count(distinct person_id) from ({I_VARD}) where bor = $k"  # noqa: S608
    return int(_en(db, sql, {"d": d, "k": kommun}))


def lediga_platsdygn(db: Path, fran: date, till: date) -> int:
    """Sum over units and days of max(contracted places − persons placed there, 0)."""
    sql = """
        with dagar as (select unnest(generate_series($fran::date, $till::date, interval 1 day))::date as d),
        platser_dag as (
            select p.enhet_id, dagar.d, sum(p.antal_platser) as platser,
            from platser as p join dagar
                on p.giltig_fran <= dagar.d and (p.giltig_till is null or dagar.d <= p.giltig_till)
            group by all
        ),
        belagda as (
            select pl.enhet_id, dagar.d, count(*) as personer,
            from placeringar as pl join dagar
                on pl.startdatum <= dagar.d and (pl.slutdatum is null or dagar.d < pl.slutdatum)
            group by all
        )
        select coalesce(sum(greatest(platser - coalesce(personer, 0), 0)), 0)
        from platser_dag left join belagda using (enhet_id, d)
    """
    return int(_en(db, sql, {"fran": fran, "till": till}))


def balans_hittills(db: Path, d: date) -> float:
    """Revenue − cost from January through d's month: minus the sum of everything booked."""
    sql = "select coalesce(-sum(belopp), 0) from ekonomi where period between make_date(year($d::date), 1, 1) and $d"
    return float(_en(db, sql, {"d": d}))


def rader_lagrade_senast(db: Path) -> int:
    sql = "select sum(rader_lagrade) from import_fil where import_id = (select max(import_id) from import_log)"
    return int(_en(db, sql, {}))


def filer_i_loggen(db: Path) -> int:
    return int(_en(db, "select count(*) from import_fil", {}))


def perspektivkommun(db: Path) -> str:
    """The municipality responsible for most persons: the demo's own municipality."""
    sql = "select mode(anvisningskommun) from anvisningar"
    return str(_en(db, sql, {}))
