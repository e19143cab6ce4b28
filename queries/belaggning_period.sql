-- belaggning_period: occupancy, vacant place-days and their cost over the whole period.
-- titel: Beläggning, lediga platsdygn och deras kostnad för hela perioden
-- grain: one row (zeros and a blank occupancy when no unit has contracted places in the period)
-- definition: docs/metrics.md "Occupancy": the same units, days and flooring as
--   belaggning_boendeform, summed over every boendeform and month of [fran, till]
-- params: fran date, till date, boendeform list, regi list
with manader as (
    select * from belaggning_manad($fran, $till, boendeform := $boendeform, regi := $regi) where platstyp = 'alla'
),
final as (
    select
        coalesce(sum(platsdygn), 0)::bigint as platsdygn,
        coalesce(sum(vardygn), 0)::bigint as vardygn,
        belaggningsgrad(sum(vardygn), sum(platsdygn)) as belaggning,
        coalesce(sum(lediga_platsdygn), 0)::bigint as lediga_platsdygn,
        coalesce(round(sum(lediga_platsdygn * dygnspris), 2), 0)::double as kostnad_lediga_kr,
        -- the days the sums cover (not past the extraction date): what the small-number
        -- protection measures care-days against
        greatest(least($till::date, uttagsdatum()) - $fran::date + 1, 0)::bigint as antal_dagar,
    from manader
)
select * from final
