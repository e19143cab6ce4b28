-- ersattning_utbetalning_manad: expected per-person schablons against Migrationsverket's payments, per month.
-- titel: Förväntade schabloner mot Migrationsverkets utbetalningar per månad
-- grain: one row per calendar month overlapping [fran, till], up to the extraction month
-- definition: docs/metrics.md "State compensation", in full docs/ersattning.md section Payments:
--   forvantad_person = the data owner's per-person schablons and one-offs in the month;
--   utbetald = the payment file spread over the days of each payment's period (NULL without a
--   payment file); differens = utbetald - forvantad_person
-- params: fran date, till date
with manader as (
    select unnest(generate_series(
        date_trunc('month', $fran::date),
        date_trunc('month', least($till::date, uttagsdatum())),
        interval 1 month
    ))::date as manad_start,
    where $fran::date <= $till::date
),
forvantat as (
    select
        m.manad_start,
        sum(
            (least(p.till, (m.manad_start + interval 1 month)::date) - greatest(p.fran, m.manad_start))
                * p.belopp_kr * p.andel
        ) as forvantad,
    from manader as m
    join ersattning_person() as p
        on p.fran < (m.manad_start + interval 1 month)::date and p.till > m.manad_start
    where p.kommun = dataagare()
    group by m.manad_start
),
utbetalt as (
    select manad_start, sum(utbetald) as utbetald, from utbetalning_manader group by manad_start
),
final as (
    select
        strftime(m.manad_start, '%Y-%m') as manad,
        round(coalesce(f.forvantad, 0), 2)::decimal(18, 2) as forvantad_person,
        case when exists (select 1 from utbetalningar) then coalesce(u.utbetald, 0) end::decimal(18, 2)
            as utbetald,
    from manader as m
    left join forvantat as f on f.manad_start = m.manad_start
    left join utbetalt as u on u.manad_start = m.manad_start
)
select *, (utbetald - forvantad_person)::decimal(18, 2) as differens, from final order by manad
