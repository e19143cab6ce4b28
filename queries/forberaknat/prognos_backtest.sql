-- prognos_backtest, precomputed: the same rows as queries/prognos_backtest.sql, read from prognos_bestand_forberaknad
-- (built at import by data/models/; tests/queries/test_forberaknat.py compares the two).
-- tacker: select prognos_forberaknad_tacker(last_day(($till::date - interval 12 month)::date), $kommun)
with grans as (
    -- the origins prognos_bestand would use: month ends from forsta, the last one sista
    select
        coalesce(last_day(($fran::date - interval 12 month)::date), uttagsdatum()) as forsta,
        coalesce(last_day(($till::date - interval 12 month)::date), uttagsdatum()) as sista,
),
prognoser as (
    select strftime(manad_start, '%Y-%m') as manad, sum(antal) as prognos,
    from prognos_bestand_forberaknad, grans
    where kommun = $kommun and steg = 12
        and origin between forsta and sista and (origin = last_day(origin) or origin = sista)
    group by all
),
utfall as (
    select manad, antal_i_vard as utfall,
    from (
        select b.manad, count(v.person_id) as antal_i_vard,
        from bestandsdagar($fran, $till) as b
        left join vard_perioder as v
            on v.fran <= b.dag and v.till > b.dag and ($kommun is null or v.ansvarig_kommun = $kommun)
        group by b.manad
    )
),
final as (
    select
        u.manad,
        coalesce(p.prognos, 0) as prognos,
        u.utfall,
        coalesce(p.prognos, 0) - u.utfall as fel,
        abs(coalesce(p.prognos, 0) - u.utfall) / nullif(u.utfall, 0) as abs_andel,
    from utfall as u
    left join prognoser as p on p.manad = u.manad
)
select *, avg(abs_andel) over () as mape, from final order by manad
