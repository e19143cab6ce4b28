-- vardygn_utan_platser: care-days per boendeform and month at units without contracted places.
-- titel: Vårddygn i enheter utan avtalade platser, per boendeform och månad
-- grain: one row per boendeform x month in [fran, till] with care-days at units that have
--   no contracted places (no platser row valid on any day of that month), e.g. family homes
-- definition: docs/metrics.md "Occupancy" (care-days outside the occupancy ratio): care-days as
--   in "Placement-days", never past the extraction date
-- params: fran date, till date, boendeform list, regi list
with manader as (
    select unnest(generate_series(
        date_trunc('month', $fran::date), date_trunc('month', $till::date), interval 1 month
    ))::date as manad,
    where $fran::date <= $till::date
),
placeringar as (
    select * from placering_perioder
    where ($boendeform is null or list_contains($boendeform::varchar[], boendeform))
        and ($regi is null or list_contains($regi::varchar[], regi))
),
dagar as (
    select
        p.enhet_id,
        p.boendeform,
        m.manad,
        least(p.effektiv_slut, (m.manad + interval 1 month)::date, $till::date + 1)
            - greatest(p.startdatum, m.manad, $fran::date) as dygn,
    from placeringar as p
    join manader as m
        on p.startdatum < (m.manad + interval 1 month)::date and p.effektiv_slut > m.manad
),
med_platser as (
    -- units with contracted places valid on some day of the month
    select distinct pl.enhet_id, m.manad,
    from platser as pl
    join manader as m
        on pl.giltig_fran < (m.manad + interval 1 month)::date
        and coalesce(pl.giltig_till, date '9999-12-31') >= m.manad
),
final as (
    select
        d.boendeform,
        strftime(d.manad, '%Y-%m') as manad,
        sum(d.dygn)::bigint as vardygn,
    from dagar as d
    anti join med_platser as mp on mp.enhet_id = d.enhet_id and mp.manad = d.manad
    where d.dygn > 0
    group by all
)
select * from final order by boendeform, manad
