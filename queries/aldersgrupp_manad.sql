-- aldersgrupp_manad: persons in care per month by age group and sex.
-- titel: Personer i vård per månad, åldersgrupp och kön
-- grain: one row per month of [fran, till] x age group x sex with at least one person
-- definition: docs/metrics.md "Monthly series" (stock date), "Persons" (age)
-- params: fran date, till date, kommun text, vistelsekommun list, boendeform list, regi list, aldersgrupp list, kon list
with manader as (
    select * from bestandsdagar($fran, $till)
),
handelser as (
    select manad_start, aldersgrupp, kon, sum(delta) as delta,
    from bestand_handelser(
        $fran, $till,
        kommun := $kommun, vistelsekommun := $vistelsekommun, boendeform := $boendeform,
        regi := $regi, aldersgrupp := $aldersgrupp, kon := $kon
    )
    group by all
),
rutnat as (
    select m.manad, m.manad_start, g.aldersgrupp, g.kon, coalesce(h.delta, 0) as delta,
    from manader as m
    cross join (select distinct aldersgrupp, kon from handelser) as g
    left join handelser as h
        on h.manad_start = m.manad_start and h.aldersgrupp = g.aldersgrupp and h.kon = g.kon
),
final as (
    select
        manad,
        aldersgrupp,
        kon,
        (sum(delta) over (partition by aldersgrupp, kon order by manad_start rows between unbounded preceding and current row))::bigint
            as antal,
    from rutnat
)
select * from final where antal > 0 order by manad, aldersgrupp, kon
