-- belaggning_manad_totalt: place-days, care-days and occupancy per month over all units that pass the filters.
-- titel: Beläggning per månad, alla valda enheter
-- grain: one row per month in [fran, till] with contracted places at a unit passing the filters
-- definition: docs/metrics.md "Occupancy": care-days at units with contracted places /
--   place-days, over the same units and dates; vacant place-days floored per unit and date
-- params: fran date, till date, boendeform list, regi list, enhet list
with manader as (
    select * from belaggning_manad($fran, $till, boendeform := $boendeform, regi := $regi)
    where platstyp = 'alla'
        and ($enhet is null or list_contains($enhet::varchar[], enhet_id))
),
final as (
    select
        manad,
        sum(platsdygn)::bigint as platsdygn,
        sum(vardygn)::bigint as vardygn,
        belaggningsgrad(sum(vardygn), sum(platsdygn)) as belaggning,
        sum(lediga_platsdygn)::bigint as lediga_platsdygn,
        round(sum(lediga_platsdygn * dygnspris), 2)::double as kostnad_lediga_kr,
    from manader
    group by manad
)
select * from final order by manad
