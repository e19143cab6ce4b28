-- prognos_ekonomi_backtest: the compensation, cost and balance forecast tested on history, 12 months ahead.
-- titel: Ekonomiprognosens träffsäkerhet: prognos 12 månader före mot utfall
-- grain: one row per month of [fran, till] up to the extraction month; money only for kommun = the
--   data owner (else no rows)
-- definition: docs/metrics.md "State compensation", in full docs/ersattning.md section Forecast:
--   prognos_* = prognos_manad's forecast made on the last day of the month 12 months before;
--   utfall_intakt = booked compensation (kategori statlig_ersattning and schablon), utfall_kostnad
--   = all costs, utfall_balans = their difference; fel_balans = prognos - utfall;
--   mape_intakt, mape_kostnad = mean |prognos - utfall| / utfall; mae_balans = mean |fel_balans|
-- params: fran date, till date, kommun text
-- lagrad: prognos_forberaknad_tacker(last_day(($till::date - interval 12 month)::date), $kommun)
with prognos as (
    select manad_start, prognos_intakt, prognos_kostnad,
    from prognos_ekonomi(
        last_day(($fran::date - interval 12 month)::date), last_day(($till::date - interval 12 month)::date), $kommun
    )
    where manad_start = date_trunc('month', origin + interval 12 month) and prognos_intakt is not null
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
