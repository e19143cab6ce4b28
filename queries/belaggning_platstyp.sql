-- belaggning_platstyp: occupancy of contracted places per platstyp (asyl, PUT, ovrig) and month.
-- titel: Beläggning per platstyp och månad
-- grain: one row per platstyp with contracted places x month in [fran, till]
-- definition: docs/metrics.md "Occupancy", "Platstyp": a care-day counts for the platstyp of the
--   person's residence-permit status that day, at units with places of that platstyp that day
-- params: fran date, till date, boendeform list, regi list
with manader as (
    select * from belaggning_manad($fran, $till, boendeform := $boendeform, regi := $regi) where platstyp <> 'alla'
),
final as (
    select
        m.platstyp,
        m.manad,
        sum(m.platsdygn)::bigint as platsdygn,
        sum(m.vardygn)::bigint as vardygn,
        belaggningsgrad(sum(m.vardygn), sum(m.platsdygn)) as belaggning,
        sum(m.lediga_platsdygn)::bigint as lediga_platsdygn,
    from manader as m
    group by m.platstyp, m.manad
)
select * from final order by platstyp, manad
