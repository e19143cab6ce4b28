-- prognos_backtest: the persons-in-care forecast tested on history, 12 months ahead.
-- titel: Prognosens träffsäkerhet: prognos 12 månader före mot utfall
-- grain: one row per month of [fran, till] up to the extraction month
-- definition: docs/metrics.md "State compensation", in full docs/ersattning.md section Forecast:
--   prognos = the forecast (prognos_i_vard's model) made on the last day of the month 12 months
--   before, using only data up to that day; utfall = persons in care on the month's stock date;
--   (0 when nobody was in care then); fel = prognos - utfall; abs_andel = |fel| / utfall (NULL
--   when utfall is 0); mape = mean of abs_andel over the rows
-- params: fran date, till date, kommun text
-- lagrad: prognos_forberaknad_tacker(last_day(($till::date - interval 12 month)::date), $kommun)
with prognoser as (
    select strftime(manad_start, '%Y-%m') as manad, sum(antal) as prognos,
    from prognos_bestand(
        last_day(($fran::date - interval 12 month)::date), last_day(($till::date - interval 12 month)::date), $kommun
    )
    where steg = 12
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
