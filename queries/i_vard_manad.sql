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
    select fran, till, startdatum, slutdatum, from vard_urval(
        kommun := $kommun, vistelsekommun := $vistelsekommun, boendeform := $boendeform,
        regi := $regi, aldersgrupp := $aldersgrupp, kon := $kon
    )
    where fran <= $till::date and till > $fran::date
),
bestand as (
    select manad_start, sum(delta) as delta,
    from bestand_handelser(
        $fran, $till,
        kommun := $kommun, vistelsekommun := $vistelsekommun, boendeform := $boendeform,
        regi := $regi, aldersgrupp := $aldersgrupp, kon := $kon
    )
    group by manad_start
),
nya as (
    select date_trunc('month', startdatum)::date as manad_start, count(*) as nya_placeringar,
    from urval
    where fran = startdatum and startdatum >= $fran::date
    group by all
),
avslutade as (
    select date_trunc('month', slutdatum)::date as manad_start, count(*) as avslutade_placeringar,
    from urval
    where till = slutdatum and slutdatum between $fran::date and least($till::date, uttagsdatum())
    group by all
),
dygn_handelser as (
    -- care-days: the number of placements in care changes only where a row starts or ends
    select greatest(fran, $fran::date) as dag, 1 as delta, from urval
    union all
    select till, -1 from urval where till <= $till::date
),
stycken as (
    select
        dag as fran,
        coalesce(lead(dag) over (order by dag), $till::date + 1) as till,
        sum(sum(delta)) over (order by dag rows between unbounded preceding and current row) as antal,
    from dygn_handelser
    group by dag
),
vardygn as (
    select
        manad_start,
        sum(antal * (least(till, (manad_start + interval 1 month)::date) - greatest(fran, manad_start)))::bigint
            as vardygn,
    from (
        select *, unnest(generate_series(date_trunc('month', fran), date_trunc('month', till - 1), interval 1 month))::date
            as manad_start,
        from stycken
        where fran < till
    )
    group by manad_start
),
final as (
    select
        m.manad,
        coalesce(sum(b.delta) over (order by m.manad_start rows between unbounded preceding and current row), 0)::bigint
            as antal_i_vard,
        coalesce(n.nya_placeringar, 0) as nya_placeringar,
        coalesce(a.avslutade_placeringar, 0) as avslutade_placeringar,
        coalesce(v.vardygn, 0) as vardygn,
    from manader as m
    left join bestand as b on b.manad_start = m.manad_start
    left join nya as n on n.manad_start = m.manad_start
    left join avslutade as a on a.manad_start = m.manad_start
    left join vardygn as v on v.manad_start = m.manad_start
)
select * from final order by manad
