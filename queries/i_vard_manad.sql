-- i_vard_manad: persons in care, new and ended placements and care-days per month.
-- titel: Personer i vård, nya och avslutade placeringar och vårddygn per månad
-- grain: one row per month of [fran, till] up to the extraction date, zeros included
-- definition: docs/metrics.md "Monthly series": persons in care on the month's stock date;
--   new = care starting in the month (attributes on its first day); ended = slutdatum in the
--   month (attributes on the last care day); care-days = placement-days within the month
-- params: fran date, till date, kommun text, vistelsekommun list, boendeform list, regi list, aldersgrupp list, kon list
with manader as (
    select * from bestandsdagar($fran, $till)
),
urval as (
    select * from vard_urval(
        kommun := $kommun, vistelsekommun := $vistelsekommun, boendeform := $boendeform,
        regi := $regi, aldersgrupp := $aldersgrupp, kon := $kon
    )
    where fran <= $till::date and till > $fran::date
),
bestand as (
    select manad, count(*) as antal_i_vard,
    from i_vard_manad_bestand(
        $fran, $till,
        kommun := $kommun, vistelsekommun := $vistelsekommun, boendeform := $boendeform,
        regi := $regi, aldersgrupp := $aldersgrupp, kon := $kon
    )
    group by manad
),
nya as (
    select strftime(startdatum, '%Y-%m') as manad, count(*) as nya_placeringar,
    from urval
    where fran = startdatum and startdatum between $fran::date and $till::date
    group by all
),
avslutade as (
    select strftime(slutdatum, '%Y-%m') as manad, count(*) as avslutade_placeringar,
    from urval
    where till = slutdatum and slutdatum between $fran::date and least($till::date, uttagsdatum())
    group by all
),
delar as (
    select
        greatest(fran, $fran::date) as fran,
        least(till, $till::date + 1) as till,
        unnest(generate_series(
            date_trunc('month', greatest(fran, $fran::date)),
            date_trunc('month', least(till, $till::date + 1) - 1),
            interval 1 month
        ))::date as manad_start,
    from urval
),
vardygn as (
    select
        strftime(manad_start, '%Y-%m') as manad,
        sum(least(till, (manad_start + interval 1 month)::date) - greatest(fran, manad_start))::bigint as vardygn,
    from delar
    group by all
),
final as (
    select
        m.manad,
        coalesce(b.antal_i_vard, 0) as antal_i_vard,
        coalesce(n.nya_placeringar, 0) as nya_placeringar,
        coalesce(a.avslutade_placeringar, 0) as avslutade_placeringar,
        coalesce(v.vardygn, 0) as vardygn,
    from manader as m
    left join bestand as b on b.manad = m.manad
    left join nya as n on n.manad = m.manad
    left join avslutade as a on a.manad = m.manad
    left join vardygn as v on v.manad = m.manad
)
select * from final order by manad
