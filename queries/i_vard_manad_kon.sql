-- i_vard_manad_kon: persons in care per month and sex.
-- titel: Personer i vård per månad och kön
-- grain: one row per month of [fran, till] x sex with at least one person
-- definition: docs/metrics.md "Monthly series" (stock date), "Persons" (age): the persons of
--   aldersgrupp_manad summed over the age groups the filter lets through
-- params: fran date, till date, kommun text, vistelsekommun list, boendeform list, regi list, aldersgrupp list, kon list
with manader as (
    select * from bestandsdagar($fran, $till)
),
handelser as (
    select manad_start, kon, sum(delta) as delta,
    from bestand_handelser(
        $fran, $till,
        kommun := $kommun, vistelsekommun := $vistelsekommun, boendeform := $boendeform,
        regi := $regi, aldersgrupp := $aldersgrupp, kon := $kon
    )
    group by all
),
rutnat as (
    select m.manad, m.manad_start, g.kon, coalesce(h.delta, 0) as delta,
    from manader as m
    cross join (select distinct kon from handelser) as g
    left join handelser as h on h.manad_start = m.manad_start and h.kon = g.kon
),
final as (
    select
        manad,
        kon,
        (sum(delta) over (partition by kon order by manad_start rows between unbounded preceding and current row))::bigint
            as antal,
    from rutnat
)
select * from final where antal > 0 order by manad, kon
