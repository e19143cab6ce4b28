-- belaggning_enhet: occupancy, vacant place-days and their cost per unit and month.
-- titel: Beläggning, lediga platsdygn och deras kostnad per enhet och månad
-- grain: one row per unit with contracted places x month in [fran, till]
-- definition: docs/metrics.md "Occupancy" (vacant place-days and their cost)
-- params: fran date, till date, boendeform list, regi list
with manader as (
    select * from belaggning_manad($fran, $till, boendeform := $boendeform, regi := $regi) where platstyp = 'alla'
),
final as (
    select
        m.enhet_id,
        m.enhet_namn,
        m.boendeform,
        m.regi,
        m.kommun,
        m.manad,
        m.platsdygn,
        m.vardygn,
        belaggningsgrad(m.vardygn, m.platsdygn) as belaggning,
        m.lediga_platsdygn,
        round(m.lediga_platsdygn * m.dygnspris, 2)::double as kostnad_lediga_kr,
    from manader as m
)
select * from final order by enhet_id, manad
