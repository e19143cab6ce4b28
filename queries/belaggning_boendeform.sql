-- belaggning_boendeform: occupancy, vacant place-days and their cost per boendeform and month.
-- titel: Beläggning, lediga platsdygn och deras kostnad per boendeform och månad
-- grain: one row per boendeform with contracted places x month in [fran, till]
-- definition: docs/metrics.md "Occupancy" (vacant place-days and their cost)
--   (vacant place-days are floored per unit and date before they are summed)
-- params: fran date, till date, boendeform list, regi list, enhet list
with manader as (
    select * from belaggning_manad($fran, $till, boendeform := $boendeform, regi := $regi)
    where platstyp = 'alla' and ($enhet is null or list_contains($enhet::varchar[], enhet_id))
),
final as (
    select
        m.boendeform,
        m.manad,
        sum(m.platsdygn)::bigint as platsdygn,
        sum(m.vardygn)::bigint as vardygn,
        belaggningsgrad(sum(m.vardygn), sum(m.platsdygn)) as belaggning,
        sum(m.lediga_platsdygn)::bigint as lediga_platsdygn,
        round(sum(m.lediga_platsdygn * m.dygnspris), 2)::double as kostnad_lediga_kr,
    from manader as m
    group by m.boendeform, m.manad
)
select * from final order by boendeform, manad
