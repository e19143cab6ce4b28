-- belaggning: occupancy of each unit with contracted places, per month (fixed export).
-- titel: Beläggning per enhet och månad
-- grain: one row per unit with contracted places x month in [fran, till]
-- definition: docs/metrics.md "Occupancy" (place-days, care-days, occupancy)
-- params: fran date, till date, boendeform list, regi list
with manader as (
    select * from belaggning_manad($fran, $till, boendeform := $boendeform, regi := $regi) where platstyp = 'alla'
),
final as (
    select
        m.enhet_id,
        m.manad,
        m.platsdygn,
        m.vardygn,
        belaggningsgrad(m.vardygn, m.platsdygn) as belaggning,
    from manader as m
)
select * from final order by enhet_id, manad
