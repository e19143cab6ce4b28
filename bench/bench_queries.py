"""Benchmark every figure at county and national scale.

The dashboard must answer in under 50 ms for a county (150 000 placements) and under
300 ms for the whole country (1 500 000). This script builds synthetic databases of that
size straight in SQL (the CSV importer would take minutes and is not what is measured),
runs the derived models (data/models/) as the importer does, then times every figure in queries/ over an
open read-only connection, as the UI holds one, and prints the median of several runs.

    python bench/bench_queries.py [--scale county|national|both] [--runs 7] [--dir DIR]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path
from typing import Any

import duckdb

ROOT = Path(__file__).parents[1]
sys.path.insert(0, str(ROOT))

import queries  # noqa: E402
from ingest.modeller import kor_modeller  # noqa: E402
from ingest.regler import read_regler  # noqa: E402

SCALES = {"county": 150_000, "national": 1_500_000}
UTTAG = date(2024, 12, 31)
PARAMS = {
    "datum": date(2024, 6, 30),
    "fran": date(2024, 1, 1),
    "till": date(2024, 12, 31),
    "kommun": "0180",
}

# Placements are pairs per person: a first stay, then (for most) a second one that starts on
# the first one's move-out day. Everything is a deterministic hash of the row number.
GENERATE = """
create temp table n as select range as i from range(getvariable('personer'));
create temp table kn as select (row_number() over (order by kommunkod) - 1)::ubigint as nr, kommunkod from kommuner;
insert into personer
select 'p' || i, date '1996-01-01' + (hash(i, 1) % 7000)::int, ['K', 'M', 'M', 'X'][1 + (hash(i, 2) % 4)::int], null,
    null from n;
insert into aldersandringar
select 'p' || i, date '2015-01-01' + (hash(i, 3) % 3000)::int, date '1996-01-01' + (hash(i, 4) % 7000)::int
from n where i % 20 = 0;
insert into anvisningar
select 'a' || i, 'p' || i, date '2014-01-01' + (hash(i, 5) % 3900)::int,
    kn.kommunkod, null, ['asylsokande', 'PUT', 'TUT', 'avslag'][1 + (hash(i, 7) % 4)::int],
    date '2014-06-01' + (hash(i, 8) % 3900)::int, null, null
from n join kn on kn.nr = hash(i, 6) % getvariable('kommuner');
insert into anvisningar
select 'b' || i, 'p' || i, a.anvisningsdatum + 200, '0180', null, 'PUT', null,
    a.anvisningsdatum + 900, ['studier', 'arbete', 'flytt', null][1 + (hash(i, 9) % 4)::int]
from n join anvisningar as a on a.anvisning_id = 'a' || i where i % 10 = 0;
insert into enheter
select 'e' || i, 'Enhet ' || i, ['HVB', 'stodboende', 'familjehem', 'jourhem', 'traningslagenhet'][1 + i % 5],
    kn.kommunkod, ['egen', 'entreprenad', 'upphandlad'][1 + i % 3], 800 + (i % 20) * 100
from range(getvariable('enheter')) as t(i) join kn on kn.nr = hash(i, 10) % getvariable('kommuner');
insert into platser
select 'e' || i, date '2014-01-01', date '2018-06-30', 10 + i % 15, 'asyl', null, null
from range(getvariable('enheter')) as t(i) where i % 5 in (0, 1);
insert into platser
select 'e' || i, date '2018-07-01', null, 5 + i % 10, 'asyl', null, null
from range(getvariable('enheter')) as t(i) where i % 5 in (0, 1);
insert into platser
select 'e' || i, date '2016-01-01', null, 3 + i % 5, 'PUT', null, null
from range(getvariable('enheter')) as t(i) where i % 5 in (0, 1, 4);
create temp table forsta as
select i, a.anvisningsdatum + (hash(i, 11) % 30)::int as start, 60 + (hash(i, 12) % 700)::int as langd
from n join anvisningar as a on a.anvisning_id = 'a' || i;
insert into placeringar
select 'q' || i, 'p' || i, 'e' || (hash(i, 13) % getvariable('enheter')), start, start + langd, null, null from forsta;
insert into placeringar
select 'r' || i, 'p' || i, 'e' || (hash(i, 14) % getvariable('enheter')), start + langd,
    case when i % 3 = 0 then null else start + langd + 30 + (hash(i, 15) % 900)::int end,
    null, case when i % 7 = 0 then '0182' end
from forsta;
insert into kontoplan values ('4010', 'HVB', 'kostnad', 'HVB'), ('4020', 'Familjehem', 'kostnad', 'familjehem'),
    ('4030', 'Personal', 'kostnad', 'personal'), ('3010', 'Ersättning', 'intakt', 'statlig_ersattning'),
    ('3020', 'Schablon', 'intakt', 'schablon');
insert into ekonomi
select make_date(y, m, 1), v, k, (hash(y, m, v, k) % 1000000)::decimal(14, 2) * case when k like '3%' then -1 else 1 end
from range(2014, 2025) as a(y), range(1, 13) as b(m), (values ('EKB asyl'), ('EKB PUT')) as c(v),
    (values ('4010'), ('4020'), ('4030'), ('3010'), ('3020')) as d(k);
insert into budget select * from ekonomi;
insert into import_log values (1, now(), getvariable('uttag'), 'bench', false);
"""


def build(path: Path, placements: int) -> float:
    """Build a database with about ``placements`` placements; returns seconds spent in the derived models."""
    path.unlink(missing_ok=True)
    with duckdb.connect(str(path)) as con:
        con.execute((ROOT / "data" / "schema.sql").read_text(encoding="utf-8"))
        con.execute(
            "insert into kommuner select * from read_csv(?, all_varchar = true)",
            [str(ROOT / "data" / "reference" / "kommuner.csv")],
        )
        persons = placements // 2
        for statement, value in [
            ("set variable personer = ?", persons),
            ("set variable enheter = ?", max(50, placements // 40)),
            ("set variable uttag = ?", UTTAG),
        ]:
            con.execute(statement, [value])
        con.execute("set variable kommuner = (select count(*) from kommuner)")
        con.execute(GENERATE)
        regler = read_regler()  # the compensation rules, loaded as the importer loads them
        con.register("regler", regler.to_arrow())
        con.execute("insert into ersattningsregler by name select * from regler")
        started = time.perf_counter()
        kor_modeller(con)
        con.execute("checkpoint")
        return time.perf_counter() - started


def time_figures(path: Path, runs: int) -> dict[str, tuple[float, float]]:
    """Median and fastest milliseconds per figure over ``runs`` runs (after one warm-up run)."""
    result = {}
    with duckdb.connect(str(path), read_only=True) as con:
        for fig in queries.catalogue():
            params: dict[str, Any] = {k: v for k, v in PARAMS.items() if k in fig.params}
            queries.run(fig.name, con=con, **params)
            times = []
            for _ in range(runs):
                started = time.perf_counter()
                queries.run(fig.name, con=con, **params)
                times.append((time.perf_counter() - started) * 1000)
            result[fig.name] = (statistics.median(times), min(times))
    return result


def main() -> None:
    """Build, time and print a table of medians per figure and scale."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", choices=[*SCALES, "both"], default="county")
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--dir", type=Path, default=None)
    args = parser.parse_args()
    folder = args.dir or Path(tempfile.mkdtemp(prefix="ekb-bench-"))
    scales = list(SCALES) if args.scale == "both" else [args.scale]
    for scale in scales:
        path = folder / f"{scale}.duckdb"
        started = time.perf_counter()
        derived = build(path, SCALES[scale])
        print(f"\n{scale}: {SCALES[scale]:,} placements, built in {time.perf_counter() - started:.1f} s "
              f"(modeller {derived:.1f} s)", flush=True)  # fmt: skip
        limit = 50 if scale == "county" else 300
        # the machine may be shared: the load average says how far to trust the medians
        print(
            f"  load average {os.getloadavg()[0]:.1f}; median and fastest of {args.runs} runs",
            flush=True,
        )
        for name, (median, fastest) in time_figures(path, args.runs).items():
            verdict = "ok" if median < limit else "SLOW"
            print(f"  {name:28s} {median:8.1f} ms {fastest:8.1f} ms  {verdict}", flush=True)


if __name__ == "__main__":
    main()
