-- prognos_ekonomi_backtest, precomputed: the same rows as queries/prognos_ekonomi_backtest.sql, read from prognos_ekonomi_forberaknad
-- (built at import by data/models/; tests/queries/test_forberaknat.py compares the two).
-- tacker: select prognos_forberaknad_tacker(last_day(($till::date - interval 12 month)::date), $kommun)
with grans as (
    -- the origins prognos_bestand would use: month ends from forsta, the last one sista
    select
        coalesce(last_day(($fran::date - interval 12 month)::date), uttagsdatum()) as forsta,
        coalesce(last_day(($till::date - interval 12 month)::date), uttagsdatum()) as sista,
),
prognos as (
    select manad_start, prognos_intakt, prognos_kostnad,
    from prognos_ekonomi_forberaknad, grans
    where kommun = $kommun
        and origin between forsta and sista and (origin = last_day(origin) or origin = sista)
        and manad_start = date_trunc('month', origin + interval 12 month) and prognos_intakt is not null
),
utfall as (
    select
        e.period as manad_start,
        -coalesce(sum(e.belopp) filter (where k.kategori in ('statlig_ersattning', 'schablon')), 0) as intakt,
        coalesce(sum(e.belopp) filter (where k.typ = 'kostnad'), 0) as kostnad,
    from ekonomi as e
    join kontoplan as k on k.konto = e.konto
    where e.period between date_trunc('month', $fran::date) and least($till::date, uttagsdatum())
    group by e.period
),
final as (
    select
        strftime(p.manad_start, '%Y-%m') as manad,
        p.prognos_intakt,
        coalesce(u.intakt, 0)::double as utfall_intakt,
        p.prognos_kostnad,
        coalesce(u.kostnad, 0)::double as utfall_kostnad,
        p.prognos_intakt - p.prognos_kostnad as prognos_balans,
        (coalesce(u.intakt, 0) - coalesce(u.kostnad, 0))::double as utfall_balans,
    from prognos as p
    left join utfall as u on u.manad_start = p.manad_start
    where p.manad_start <= least($till::date, uttagsdatum())
)
select
    *,
    prognos_balans - utfall_balans as fel_balans,
    avg(abs(prognos_intakt - utfall_intakt) / nullif(utfall_intakt, 0)) over () as mape_intakt,
    avg(abs(prognos_kostnad - utfall_kostnad) / nullif(utfall_kostnad, 0)) over () as mape_kostnad,
    avg(abs(prognos_balans - utfall_balans)) over () as mae_balans,
from final
order by manad
